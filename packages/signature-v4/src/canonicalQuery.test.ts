import assert from "node:assert/strict";
import { test } from "node:test";
import { canonicalQuery } from "./canonicalQuery.js";

test("keys and values are encoded once and sorted by key, then by value", () => {
  assert.equal(
    canonicalQuery({ b: "2", a: ["z", "y"], "a-b": "1", "a b": "+/", ሴ: "x" }),
    "%E1%88%B4=x&a=y&a=z&a%20b=%2B%2F&a-b=1&b=2",
  );
});

test("sorting compares keys before values: `a` before `a-b` although `a=` > `a-`", () => {
  assert.equal(canonicalQuery({ "a-b": "1", a: "2" }), "a=2&a-b=1");
});

test("a key without a value (`?uploads`) signs as `uploads=`; X-Amz-Signature is left out", () => {
  assert.equal(canonicalQuery({ uploads: null, "X-Amz-Signature": "abc", "x-amz-signature": "def" }), "uploads=");
  assert.equal(canonicalQuery({}), "");
  assert.equal(canonicalQuery(undefined), "");
});
