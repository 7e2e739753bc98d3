import assert from "node:assert/strict";
import { test } from "node:test";
import { SdkError } from "@sessionkit/errors";
import type { Request } from "@sessionkit/types";
import { DefaultRetryer, isErrorExpiredCreds, retryerFor } from "./DefaultRetryer.js";
import { testConfig } from "./testFixtures.js";

function req(retryCount: number, code: string, status?: number, headers: Record<string, string> = {}): Request {
  return {
    retryCount,
    error: new SdkError(code, "x", { statusCode: status }),
    httpResponse: status === undefined ? undefined : { statusCode: status, headers, body: (async function* () {})() },
    config: testConfig(),
  } as unknown as Request;
}

test("delays are 2^retryCount × jitter(base) with jitter in [base, 2·base), capped at jitter(max/2)", () => {
  const low = new DefaultRetryer({ random: () => 0 });
  const high = new DefaultRetryer({ random: () => 0.5 });
  assert.deepEqual([0, 1, 2, 3].map((n) => low.retryDelay(req(n, "RequestError"))), [30, 60, 120, 240]);
  assert.deepEqual([0, 1, 2, 3].map((n) => high.retryDelay(req(n, "RequestError"))), [45, 90, 180, 360]);
  // throttling: base 500 ms
  assert.deepEqual([0, 1].map((n) => low.retryDelay(req(n, "Throttling", 400))), [500, 1000]);
  // cap: 2^20 × 30 ms > 300 s → jitter(150 s)
  assert.equal(low.retryDelay(req(20, "RequestError")), 150_000);
  assert.equal(new DefaultRetryer({ random: () => 0.999 }).retryDelay(req(62, "RequestError")), 299_850);
  // Retry-After on a throttled 429/503 is added; on other statuses ignored
  assert.equal(low.retryDelay(req(0, "X", 429, { "retry-after": "3" })), 3500);
  assert.equal(low.retryDelay(req(0, "X", 503, { "retry-after": "soon" })), 500);
});

test("a Retry-After is honoured up to the throttle cap: a server's 3,000-year wait is 300 s, as long as the retryer's own", () => {
  const low = new DefaultRetryer({ random: () => 0 });
  const capped = new DefaultRetryer({ random: () => 0, maxThrottleDelayMs: 10_000 });
  const huge = { "retry-after": "99999999999" };
  assert.deepEqual(
    [low.retryDelay(req(0, "X", 503, huge)), low.retryDelay(req(0, "X", 429, { "retry-after": "300" })), capped.retryDelay(req(0, "X", 429, huge))],
    [500 + 300_000, 500 + 300_000, 500 + 10_000],
  );
});

test("shouldRetry: 0 max retries never; request.retryable and error.retryable win over the tables", () => {
  assert.equal(new DefaultRetryer({ maxRetries: 0 }).shouldRetry(req(0, "RequestError")), false);
  const r = new DefaultRetryer();
  assert.equal(r.maxRetries, 3);
  assert.equal(r.shouldRetry(req(0, "RequestError")), true);
  assert.equal(r.shouldRetry(req(0, "AccessDenied", 403)), false);
  const forced = { ...req(0, "AccessDenied", 403), retryable: true } as Request;
  assert.equal(r.shouldRetry(forced), true);
  const flagged = { ...req(0, "Throttling", 400), error: new SdkError("Throttling", "x", { retryable: false }) } as Request;
  assert.equal(r.shouldRetry(flagged), false);
});

test("expired-credential codes; retryerFor caches one default retryer per maxRetries and honours config.retryer", () => {
  assert.deepEqual(
    ["ExpiredToken", "ExpiredTokenException", "RequestExpired", "InvalidToken"].map((c) => isErrorExpiredCreds(new SdkError(c, "x"))),
    [true, true, true, false],
  );
  const a = { config: testConfig({ maxRetries: 7 }) } as Request;
  const b = { config: testConfig({ maxRetries: 7 }) } as Request;
  assert.equal(retryerFor(a), retryerFor(b));
  assert.equal(retryerFor(a).maxRetries, 7);
  assert.equal(retryerFor({ config: testConfig({ maxRetries: -1 }) } as Request).maxRetries, 3);
  const custom = new DefaultRetryer({ maxRetries: 1 });
  assert.equal(retryerFor({ config: testConfig({ retryer: custom }) } as Request), custom);
});
