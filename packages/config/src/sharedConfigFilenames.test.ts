import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { conformanceDir } from "@sessionkit/test-env";
import { loadEnvConfig, sharedConfigFilenames } from "./index.js";

const dir = conformanceDir();

interface LocationCase {
  name: string;
  environment: Record<string, string>;
  platform: "linux" | "windows";
  profile?: string;
  configLocation: string;
  credentialsLocation: string;
}

test("file-location-tests.json: all 9 cases (paths, and the profile AWS_PROFILE selects)", { skip: dir.skip }, () => {
  const file = join(dir.value ?? "", "smithy-rs/aws/rust-runtime/aws-runtime/test-data/file-location-tests.json");
  const suite = JSON.parse(readFileSync(file, "utf8")) as { tests: LocationCase[] };
  const got = suite.tests.map((c) => {
    const files = sharedConfigFilenames(c.environment, { platform: c.platform });
    const env = loadEnvConfig(c.environment, { platform: c.platform });
    return {
      name: c.name,
      configLocation: files.configFile.value,
      credentialsLocation: files.credentialsFile.value,
      ...(c.profile === undefined ? {} : { profile: env.profile?.value ?? "default" }),
    };
  });
  const want = suite.tests.map((c) => ({
    name: c.name,
    configLocation: c.configLocation,
    credentialsLocation: c.credentialsLocation,
    ...(c.profile === undefined ? {} : { profile: c.profile }),
  }));
  assert.equal(suite.tests.length, 9);
  assert.deepEqual(got, want);
});

test("file paths carry their provenance; no home means Go's relative path", () => {
  const env = { HOME: "/home/u", AWS_CONFIG_FILE: "/etc/aws/config", AWS_SHARED_CREDENTIALS_FILE: "" };
  const files = sharedConfigFilenames(env, { platform: "linux" });
  assert.deepEqual(files.configFile, { value: "/etc/aws/config", source: { source: "env", name: "AWS_CONFIG_FILE" } });
  // An empty variable counts as unset (Go's setFromEnvVal).
  assert.deepEqual(files.credentialsFile, {
    value: "/home/u/.aws/credentials",
    source: { source: "default", note: "in the home directory from HOME" },
  });
  assert.equal(sharedConfigFilenames({}, { platform: "linux" }).configFile.value, ".aws/config");
  assert.equal(sharedConfigFilenames({}, { platform: "linux", fallbackHome: "/root" }).configFile.value, "/root/.aws/config");
  // USERPROFILE is a Windows-only fallback.
  assert.equal(sharedConfigFilenames({ USERPROFILE: "C:\\u" }, { platform: "linux" }).configFile.value, ".aws/config");
  assert.equal(sharedConfigFilenames({ HOME: "/home/u/" }, { platform: "linux" }).configFile.value, "/home/u/.aws/config");
});
