// Plugins (the typed plugin interface's `Plugin`): config defaults that code, env and files still beat, and
// handlers applied to the session's lists (so every client made from it gets them).
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Plugin } from "@sessionkit/types";
import { newSessionWithOptions } from "./index.js";

const tracing: Plugin = {
  name: "tracing",
  config: { region: "ap-southeast-2", maxRetries: 7, logLevel: 0x1000 },
  apply(handlers) {
    handlers.build.pushBackNamed({ name: "tracing.Build", fn: () => {} });
  },
};

test("plugin config fills what nothing else sets; code and env beat it", () => {
  const plain = newSessionWithOptions({ plugins: [tracing], env: { HOME: "/nonexistent" } });
  assert.deepEqual([plain.config.region, plain.config.maxRetries, plain.config.logLevel], ["ap-southeast-2", 7, 0x1000]);
  assert.deepEqual(plain.explain().get("region")?.source, { source: "code", option: "plugin tracing.region" });

  const env = newSessionWithOptions({ plugins: [tracing], env: { HOME: "/nonexistent", AWS_REGION: "eu-north-1" } });
  assert.equal(env.config.region, "eu-north-1");
  const code = newSessionWithOptions({ plugins: [tracing], config: { maxRetries: 2 }, env: { HOME: "/nonexistent" } });
  assert.equal(code.config.maxRetries, 2);
});

test("plugins apply their handlers to the session's lists, in order, after the defaults", () => {
  const second: Plugin = { name: "second", apply: (h) => h.build.pushBackNamed({ name: "second.Build", fn: () => {} }) };
  const s = newSessionWithOptions({ plugins: [tracing, second], env: { HOME: "/nonexistent" } });
  const names = s.handlers.build.names();
  assert.deepEqual(names.slice(-2), ["tracing.Build", "second.Build"]);
  assert.deepEqual(s.clientConfig("s3").handlers.build.names(), names);
});

test("a plugin's credentials replace only the empty fallback chain", async () => {
  const withKeys: Plugin = { name: "vault", config: { credentials: { accessKeyId: "PLUGIN", secretAccessKey: "S" } } };
  const fallback = newSessionWithOptions({ plugins: [withKeys], env: { HOME: "/nonexistent" } });
  assert.equal((await fallback.config.credentials.get()).accessKeyId, "PLUGIN");
  const env = newSessionWithOptions({
    plugins: [withKeys],
    env: { HOME: "/nonexistent", AWS_ACCESS_KEY_ID: "ENVKEY", AWS_SECRET_ACCESS_KEY: "S" },
  });
  assert.equal((await env.config.credentials.get()).accessKeyId, "ENVKEY");
});
