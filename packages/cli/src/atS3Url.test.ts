import assert from "node:assert/strict";
import { test } from "node:test";
import { SdkError } from "@sessionkit/errors";
import { atS3Url } from "./atS3Url.js";
import { CliError } from "./CliError.js";

async function outcome(err: unknown): Promise<unknown> {
  return atS3Url("s3://b/k", () => Promise.reject(err)).catch((e: unknown) => e);
}

test("a server's error is raised again naming the URL, keeping code, status, request id, operation and cause", async () => {
  const aws = new SdkError("NoSuchBucket", "The specified bucket does not exist", { statusCode: 404, requestId: "R1", operation: "s3/GetObject" });
  const rgw = new SdkError("NoSuchBucket", "NoSuchBucket", { statusCode: 404, operation: "s3/GetObject" });
  const seen = [];
  for (const err of [aws, rgw]) {
    const e = await outcome(err);
    assert.ok(e instanceof CliError);
    seen.push([e.message, e.code, e.statusCode, e.requestId, e.operation, e.cause === err]);
  }
  assert.deepEqual(seen, [
    ["NoSuchBucket: The specified bucket does not exist: s3://b/k", "NoSuchBucket", 404, "R1", "s3/GetObject", true],
    ["NoSuchBucket: s3://b/k", "NoSuchBucket", 404, undefined, "s3/GetObject", true],
  ]);
});

test("errors that are not a server's answer pass through unchanged; a result is returned as is", async () => {
  const refused = new SdkError("RequestError", "connect ECONNREFUSED 127.0.0.1:1");
  const plain = new Error("ENOENT: no such file or directory, stat '/x'");
  const inputs = [refused, plain, "text"];
  const same = [];
  for (const input of inputs) same.push((await outcome(input)) === input);
  assert.deepEqual(same, [true, true, true]);
  assert.equal(await atS3Url("s3://b/k", async () => 42), 42);
});
