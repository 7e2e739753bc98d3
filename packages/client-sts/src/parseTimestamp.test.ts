import assert from "node:assert/strict";
import { test } from "node:test";
import { parseTimestamp } from "./index.js";

test("parses AWS, RGW (nanosecond) and offset timestamps to the millisecond", () => {
  const cases: [string, string][] = [
    ["2021-08-05T19:58:02Z", "2021-08-05T19:58:02.000Z"],
    ["2026-11-27T13:22:48.092820277Z", "2026-11-27T13:22:48.092Z"],
    ["2026-11-27T13:22:48.5Z", "2026-11-27T13:22:48.500Z"],
    ["2000-01-01T00:00:00-00:00", "2000-01-01T00:00:00.000Z"],
    ["2021-08-05T19:58:02.25+01:30", "2021-08-05T18:28:02.250Z"],
    ["2021-08-05t19:58:02z", "2021-08-05T19:58:02.000Z"],
    ["  2021-08-05T19:58:02Z\n", "2021-08-05T19:58:02.000Z"],
  ];
  assert.deepEqual(
    cases.map(([s]) => parseTimestamp(s)?.toISOString()),
    cases.map(([, iso]) => iso),
  );
});

test("rejects what is not a full date-time", () => {
  const bad = ["", "2021-08-05", "2021-08-05T19:58Z", "2021-13-05T19:58:02Z", "2021-02-30T00:00:00Z", "1628193482", "2021-08-05T19:58:02"];
  assert.deepEqual(
    bad.map((s) => parseTimestamp(s)),
    bad.map(() => undefined),
  );
});

test("reads years before 100 as written; refuses second 60 (as Go's time.Parse does) and an offset past 23:59 (RFC 3339)", () => {
  const cases: [string, string | undefined][] = [
    ["0000-01-01T00:00:00Z", "0000-01-01T00:00:00.000Z"],
    ["0099-12-31T23:59:59.5Z", "0099-12-31T23:59:59.500Z"],
    ["2021-08-05T12:59:60Z", undefined],
    ["2021-08-05T23:59:60Z", undefined],
    ["2021-08-05T19:58:02+24:00", undefined],
    ["2021-08-05T19:58:02+23:60", undefined],
    ["2021-08-05T19:58:02+99:99", undefined],
    ["2021-08-05T19:58:02-2359", "2021-08-06T19:57:02.000Z"],
  ];
  assert.deepEqual(
    cases.map(([s]) => parseTimestamp(s)?.toISOString()),
    cases.map(([, iso]) => iso),
  );
});
