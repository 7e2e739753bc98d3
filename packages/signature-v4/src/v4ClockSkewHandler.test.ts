import assert from "node:assert/strict";
import { test } from "node:test";
import { SdkError } from "@sessionkit/errors";
import { ClockSkew } from "./ClockSkew.js";
import { fakeCredentials, fakeRequest } from "./test-support/fakeRequest.js";
import { CLOCK_SKEW_RETRIED_CONTEXT_KEY, createV4ClockSkewHandler, v4ClockSkewHandler } from "./v4ClockSkewHandler.js";
import { createV4SignRequestHandler } from "./v4SignRequestHandler.js";

const keys = { accessKeyId: "AKID", secretAccessKey: "secret" };
const NOW = Date.UTC(2026, 10, 27, 13, 0, 0);
const ENDPOINT = "https://s3.us-east-1.amazonaws.com";
const failed = (code: string, date?: string) =>
  fakeRequest({
    credentials: fakeCredentials(keys),
    now: () => NOW,
    endpoint: ENDPOINT,
    error: new SdkError(code, "rejected", { statusCode: 403 }),
    ...(date === undefined ? { responseHeaders: {} } : { responseHeaders: { Date: date } }),
  });

test("it is the retry-phase handler named v4.ClockSkewHandler", () => {
  assert.equal(v4ClockSkewHandler.name, "v4.ClockSkewHandler");
});

test("RequestTimeTooSkewed with a Date header: learns the offset, retries once, and the re-sign uses server time", async () => {
  const skew = new ClockSkew();
  const check = createV4ClockSkewHandler({ clockSkew: skew });
  const sign = createV4SignRequestHandler({ clockSkew: skew });
  const request = failed("RequestTimeTooSkewed", "Fri, 27 Nov 2026 13:45:00 GMT");
  check.fn(request);
  assert.deepEqual(
    [skew.offset(ENDPOINT), request.retryable, request.context.get(CLOCK_SKEW_RETRIED_CONTEXT_KEY)],
    [45 * 60_000, true, true],
  );
  await sign.fn(request);
  assert.equal(request.httpRequest.headers["x-amz-date"], "20261127T134500Z");
  // Second skew failure on the same request: the offset is still learned, but no second retry is asked for.
  request.retryable = false;
  request.httpResponse = { statusCode: 403, headers: { date: "Fri, 27 Nov 2026 13:50:00 GMT" }, body: (async function* () {})() };
  check.fn(request);
  assert.deepEqual([skew.offset(ENDPOINT), request.retryable], [50 * 60_000, false]);
});

test("which failures count", () => {
  const rows: [string, string | undefined, boolean][] = [
    ["RequestExpired", "Fri, 27 Nov 2026 12:40:00 GMT", true],
    ["RequestInTheFuture", "Fri, 27 Nov 2026 13:30:00 GMT", true],
    ["SignatureDoesNotMatch", "Fri, 27 Nov 2026 13:30:00 GMT", true],
    ["SignatureDoesNotMatch", "Fri, 27 Nov 2026 13:01:00 GMT", false],
    ["InvalidSignatureException", "Fri, 27 Nov 2026 12:00:00 GMT", true],
    ["AccessDenied", "Fri, 27 Nov 2026 13:30:00 GMT", false],
    ["RequestTimeTooSkewed", undefined, false],
    ["RequestTimeTooSkewed", "yesterday-ish", false],
  ];
  const seen = rows.map(([code, date]) => {
    const skew = new ClockSkew();
    const request = failed(code, date);
    createV4ClockSkewHandler({ clockSkew: skew }).fn(request);
    return [code, date, request.retryable === true && skew.offset(ENDPOINT) !== 0] as [string, string | undefined, boolean];
  });
  assert.deepEqual(seen, rows);
});

test("no error, no change", () => {
  const skew = new ClockSkew();
  const request = fakeRequest({ credentials: fakeCredentials(keys), responseHeaders: { date: "Fri, 27 Nov 2026 15:00:00 GMT" } });
  createV4ClockSkewHandler({ clockSkew: skew }).fn(request);
  assert.deepEqual([skew.size, request.retryable], [0, undefined]);
});
