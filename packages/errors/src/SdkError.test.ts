import assert from "node:assert/strict";
import { test } from "node:test";
import { createRequire } from "node:module";
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

test("instanceof SdkError holds across copies of the package; subclass checks stay exact", () => {
  // The CJS build is a second copy of every class (as is a bundle that inlines this package).
  const other = createRequire(import.meta.url)("../dist/index.cjs") as typeof import("./index.js");
  assert.notEqual(other.SdkError, SdkError, "a distinct copy");
  const foreign = [new other.SdkError("X", "y"), new other.RequestError(), new other.ResponseTimeout("t")];
  assert.deepEqual(
    foreign.map((e) => [e instanceof SdkError, isSdkError(e), e instanceof other.SdkError, e instanceof Error]),
    [
      [true, true, true, true],
      [true, true, true, true],
      [true, true, true, true],
    ],
  );
  assert.equal(isSdkError(foreign[1], "RequestError"), true);
  // Subclasses keep the prototype check: another copy's subclass, or a sibling, is not an instance.
  assert.deepEqual(
    [
      foreign[1] instanceof RequestError,
      new RequestError() instanceof other.RequestError,
      new RequestError() instanceof RequestCanceled,
      new RequestError() instanceof RequestError,
    ],
    [false, false, false, true],
  );
  class Local extends SdkError {}
  assert.deepEqual([new Local("L", "m") instanceof Local, new SdkError("L", "m") instanceof Local], [true, false]);
  // Values without the brand are not errors of any copy.
  assert.deepEqual(
    [new Error("x"), { code: "X", message: "m" }, null, undefined, "SdkError", 1].map((v) => v instanceof SdkError),
    [false, false, false, false, false, false],
  );
});

test("the built package (ESM and CJS) keeps the class names users see in messages and logs", async () => {
  const esm = (await import("../dist/index.js")) as typeof import("./index.js");
  const cjs = createRequire(import.meta.url)("../dist/index.cjs") as typeof import("./index.js");
  assert.deepEqual(
    [esm, cjs].flatMap((m) => [new m.SdkError("X", "y"), new m.RequestError()].map((e) => [e.name, String(e), JSON.parse(JSON.stringify(e)).name])),
    [
      ["SdkError", "SdkError: X: y", "SdkError"],
      ["RequestError", "RequestError: RequestError: send request failed", "RequestError"],
      ["SdkError", "SdkError: X: y", "SdkError"],
      ["RequestError", "RequestError: RequestError: send request failed", "RequestError"],
    ],
  );
});
