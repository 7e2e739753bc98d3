import assert from "node:assert/strict";
import { test } from "node:test";
import { createCredentials } from "@sessionkit/credentials";
import { fromEnv } from "./fromEnv.js";

test("missing keys fail with Go's codes and messages, access key first", async () => {
  const envs = [{}, { AWS_SECRET_ACCESS_KEY: "s" }, { AWS_ACCESS_KEY_ID: "id" }, { AWS_ACCESS_KEY: "id", AWS_SECRET_KEY: "" }];
  const messages: string[] = [];
  for (const env of envs) await fromEnv(env).retrieve().catch((e: Error) => messages.push(e.message));
  assert.deepEqual(messages, [
    "EnvAccessKeyNotFound: AWS_ACCESS_KEY_ID or AWS_ACCESS_KEY not found in environment",
    "EnvAccessKeyNotFound: AWS_ACCESS_KEY_ID or AWS_ACCESS_KEY not found in environment",
    "EnvSecretNotFound: AWS_SECRET_ACCESS_KEY or AWS_SECRET_KEY not found in environment",
    "EnvSecretNotFound: AWS_SECRET_ACCESS_KEY or AWS_SECRET_KEY not found in environment",
  ]);
});

test("the provider is named EnvConfigCredentials and reads the env object at each retrieve", async () => {
  const env: Record<string, string> = {};
  const provider = fromEnv(env);
  assert.equal(provider.name, "EnvConfigCredentials");
  await assert.rejects(provider.retrieve(), { code: "EnvAccessKeyNotFound" });
  env.AWS_ACCESS_KEY_ID = "id";
  env.AWS_SECRET_ACCESS_KEY = "secret";
  const v = await provider.retrieve();
  assert.deepEqual([v.accessKeyId, v.secretAccessKey, v.providerName], ["id", "secret", "EnvConfigCredentials"]);
});

test("behind createCredentials, a failure is not cached and env credentials never expire", async () => {
  const env: Record<string, string> = {};
  const creds = createCredentials(fromEnv(env));
  await assert.rejects(creds.get(), { code: "EnvAccessKeyNotFound" });
  Object.assign(env, { AWS_ACCESS_KEY: "id", AWS_SECRET_KEY: "secret", AWS_SESSION_TOKEN: "tok" });
  const v = await creds.get();
  assert.deepEqual([v.accessKeyId, v.sessionToken, creds.isExpired(), creds.expiresAt()], ["id", "tok", false, undefined]);
});

test("the default env is process.env, looked up when fromEnv() is called", async () => {
  const saved = { ...process.env };
  try {
    process.env.AWS_ACCESS_KEY_ID = "from-process";
    process.env.AWS_SECRET_ACCESS_KEY = "secret";
    process.env.AWS_ACCESS_KEY = "";
    assert.equal((await fromEnv().retrieve()).accessKeyId, "from-process");
  } finally {
    for (const k of ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_ACCESS_KEY"]) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  }
});

test("importing the package touches no process global (browser bundles)", async () => {
  const g = globalThis as { process?: unknown };
  const real = g.process;
  let touched = 0;
  // Stand in a trap for `process`, import a fresh copy of the built module, and count reads.
  Object.defineProperty(globalThis, "process", {
    configurable: true,
    get: () => {
      touched++;
      return real;
    },
  });
  try {
    await import(`../dist/index.js?fresh=${Date.now()}`);
  } finally {
    Object.defineProperty(globalThis, "process", { configurable: true, writable: true, value: real });
  }
  assert.equal(touched, 0);
});
