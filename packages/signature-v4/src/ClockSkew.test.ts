import assert from "node:assert/strict";
import { test } from "node:test";
import { ClockSkew, isClockSkewError, parseServerDate, SKEW_THRESHOLD_MS } from "./ClockSkew.js";

test("offsets are learned per endpoint from the server's Date header", () => {
  const skew = new ClockSkew();
  const now = Date.UTC(2026, 10, 27, 13, 0, 0);
  assert.equal(skew.update("https://a", "Fri, 27 Nov 2026 14:00:00 GMT", now), 3_600_000);
  assert.equal(skew.update("https://b", new Date(now - 120_000), now), -120_000);
  assert.equal(skew.update("https://c", "not a date", now), undefined);
  assert.deepEqual(
    ["https://a", "https://b", "https://c"].map((e) => skew.offset(e)),
    [3_600_000, -120_000, 0],
  );
  skew.update("https://a", now, now);
  assert.equal(skew.offset("https://a"), 0);
  assert.equal(skew.size, 1, "a zero offset is not stored");
});

test("bounded: the oldest endpoint is forgotten", () => {
  const skew = new ClockSkew(2);
  skew.set("e1", 1000);
  skew.set("e2", 2000);
  skew.set("e3", 3000);
  assert.deepEqual([skew.offset("e1"), skew.offset("e2"), skew.offset("e3")], [0, 2000, 3000]);
});

test("which error codes count as skew", () => {
  const big = SKEW_THRESHOLD_MS + 1;
  const rows: [string | undefined, number, boolean][] = [
    ["RequestTimeTooSkewed", 0, true],
    ["RequestExpired", 0, true],
    ["RequestInTheFuture", 0, true],
    ["SignatureDoesNotMatch", 1000, false],
    ["SignatureDoesNotMatch", big, true],
    ["InvalidSignatureException", -big, true],
    ["AuthFailure", big, true],
    ["AccessDenied", big, false],
    [undefined, big, false],
  ];
  assert.deepEqual(
    rows.map(([code, ms]) => [code, ms, isClockSkewError(code, ms)]),
    rows,
  );
});

test("parseServerDate reads HTTP dates, Date objects and milliseconds", () => {
  assert.deepEqual(
    [parseServerDate("Sun, 30 Aug 2015 12:36:00 GMT"), parseServerDate(new Date(5)), parseServerDate(7)],
    [Date.UTC(2015, 7, 30, 12, 36), 5, 7],
  );
  assert.ok(Number.isNaN(parseServerDate(undefined)));
});
