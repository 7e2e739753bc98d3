import assert from "node:assert/strict";
import { test } from "node:test";
import { parseTimestamp } from "./parseTimestamp.js";

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
