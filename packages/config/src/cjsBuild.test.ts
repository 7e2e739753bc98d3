import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { test } from "node:test";
import * as errors from "@sessionkit/errors";

// The CJS build is one file with @sessionkit/errors inlined (a fresh require resolves one package): its errors
// must still be SdkErrors of the errors package, whichever build of it the caller has.
const require = createRequire(import.meta.url);
const cjs = require("../dist/index.cjs") as typeof import("./index.js");
const errorsCjs = require("@sessionkit/errors") as typeof errors;

test("errors thrown by the CJS build are SdkErrors of the errors package (ESM and CJS builds)", () => {
  const caught: unknown[] = [];
  for (const run of [
    () => cjs.loadEnvConfig({ AWS_STS_REGIONAL_ENDPOINTS: "nope" }),
    () => cjs.parseSharedConfigFile("key = value", { kind: "config" }),
    () => cjs.resolveSharedConfig("missing", [cjs.sharedConfigFileFromData({ other: {} })], { sharedConfigEnabled: true }),
  ]) {
    try {
      run();
    } catch (e) {
      caught.push(e);
    }
  }
  assert.deepEqual(
    caught.map((e) => [
      errors.isSdkError(e) && e.code,
      e instanceof errors.SdkError,
      e instanceof errorsCjs.SdkError,
      errorsCjs.isSdkError(e),
      e instanceof Error,
    ]),
    [
      ["EnvConfigError", true, true, true, true],
      ["SharedConfigParseError", true, true, true, true],
      ["SharedConfigProfileNotExistsError", true, true, true, true],
    ],
  );
  // Subclass checks stay exact: the CJS build's classes are its own, and siblings do not match.
  const [envError] = caught;
  assert.deepEqual(
    [envError instanceof cjs.EnvConfigError, envError instanceof cjs.SharedConfigError, envError instanceof errors.RequestError],
    [true, false, false],
  );
});

test("the CJS build loads one file: no chunk, no @sessionkit/errors, no node:module", () => {
  const path = require.resolve("../dist/index.cjs");
  const source = (require("node:fs") as typeof import("node:fs")).readFileSync(path, "utf8");
  assert.deepEqual(
    [...source.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]).sort(),
    ["buffer", "fs"],
  );
});
