import assert from "node:assert/strict";
import { test } from "node:test";
import { isSdkError } from "@sessionkit/errors";
import { formatAmzDate } from "./formatAmzDate.js";

test("formats to the second, truncating milliseconds", () => {
  const t = Date.UTC(2015, 7, 30, 12, 36, 0);
  assert.deepEqual(
    [formatAmzDate(t), formatAmzDate(t + 999), formatAmzDate(t + 1000), formatAmzDate(Date.UTC(2026, 0, 2, 3, 4, 5))],
    ["20150830T123600Z", "20150830T123600Z", "20150830T123601Z", "20260102T030405Z"],
  );
});

test("an unusable time is a typed error", () => {
  for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Date.UTC(10000, 0, 1)]) {
    assert.throws(
      () => formatAmzDate(bad),
      (err: unknown) => isSdkError(err, "InvalidSigningDate"),
    );
  }
});
