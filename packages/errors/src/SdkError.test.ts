import assert from "node:assert/strict";
import { test } from "node:test";
import { inspect } from "node:util";
import { isSdkError, RequestCanceled, RequestError, ResponseLengthMismatch, ResponseTimeout, SdkError } from "./index.js";

test("message follows Go's awserr format and the code is kept", () => {
  const err = new SdkError("SharedConfigLoadError", "failed to load config file, /x/config", { statusCode: 400 });
  assert.equal(err.message, "SharedConfigLoadError: failed to load config file, /x/config");
  assert.equal(err.code, "SharedConfigLoadError");
  assert.equal(err.statusCode, 400);
  assert.ok(err instanceof Error);
  assert.equal(isSdkError(err, "SharedConfigLoadError"), true);
  assert.equal(isSdkError(err, "Other"), false);
  assert.equal(isSdkError(new Error("x")), false);
});

test("subclasses report their own name, and JSON drops the cause", () => {
  class MissingRegion extends SdkError {}
  const cause = new Error("inner");
  const err = new MissingRegion("MissingRegion", "could not find region configuration", { cause });
  assert.equal(err.name, "MissingRegion");
  assert.equal(err.cause, cause);
  assert.deepEqual(JSON.parse(JSON.stringify(err)), {
    name: "MissingRegion",
    code: "MissingRegion",
    message: "MissingRegion: could not find region configuration",
  });
  assert.match(inspect(err), /MissingRegion: could not find region configuration/);
});

test("the shared transport errors carry Go's codes and retryability", () => {
  const rows = [
    new RequestCanceled(),
    new RequestError(),
    new ResponseTimeout("no response within 5 ms"),
    new ResponseLengthMismatch(10, 4),
  ].map((e) => [e.name, e.code, e.retryable, e.message]);
  assert.deepEqual(rows, [
    ["RequestCanceled", "RequestCanceled", false, "RequestCanceled: request context canceled"],
    ["RequestError", "RequestError", true, "RequestError: send request failed"],
    ["ResponseTimeout", "ResponseTimeout", true, "ResponseTimeout: no response within 5 ms"],
    ["ResponseLengthMismatch", "ResponseLengthMismatch", true, "ResponseLengthMismatch: response body has 4 bytes, content-length said 10"],
  ]);
  assert.equal(new RequestError("x", { retryable: false }).retryable, false, "an explicit flag wins");
});
