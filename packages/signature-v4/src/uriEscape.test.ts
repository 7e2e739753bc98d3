import assert from "node:assert/strict";
import { test } from "node:test";
import { uriEscape, uriEscapePath, uriRecodePath } from "./uriEscape.js";

test("uriEscape keeps only A-Za-z0-9-._~ and upper-cases the hex", () => {
  const cases: [string, string][] = [
    ["-._~AZaz09", "-._~AZaz09"],
    ["a b", "a%20b"],
    ["a+b=c&d", "a%2Bb%3Dc%26d"],
    ["!'()*", "%21%27%28%29%2A"],
    ["a/b", "a%2Fb"],
    ["ሴ", "%E1%88%B4"],
    ["%3D", "%253D"],
    ["\u{1F600}", "%F0%9F%98%80"],
  ];
  assert.deepEqual(
    cases.map(([input]) => [input, uriEscape(input)]),
    cases,
  );
});

test("a lone surrogate is encoded as U+FFFD (what TextEncoder puts on the wire), not thrown", () => {
  assert.equal(uriEscape("a\uD800b"), "a%EF%BF%BDb");
  assert.equal(uriEscapePath("/a\uD800/b"), "/a%EF%BF%BD/b");
});

test("uriEscapePath keeps slashes and encodes the wire form once more", () => {
  assert.equal(uriEscapePath("/a b/c"), "/a%20b/c");
  assert.equal(uriEscapePath("/test/@connections/JBDvjfGEIAMCERw%3D"), "/test/%40connections/JBDvjfGEIAMCERw%253D");
  assert.equal(uriEscapePath("/plain/path-1.txt"), "/plain/path-1.txt");
});

test("uriRecodePath (S3) decodes once and encodes once: canonical input comes back unchanged", () => {
  const cases: [string, string][] = [
    ["/bucket/key.txt", "/bucket/key.txt"],
    ["/bucket/my%20key", "/bucket/my%20key"],
    ["/bucket/my key", "/bucket/my%20key"],
    ["/bucket/a+b", "/bucket/a%2Bb"],
    ["/bucket/a%2Bb", "/bucket/a%2Bb"],
    ["/bucket/a%2bb", "/bucket/a%2Bb"],
    ["/bucket/%41", "/bucket/A"],
    ["/bucket/100%", "/bucket/100%25"],
    ["/bucket/%zz", "/bucket/%25zz"],
    ["/bucket/ሴ", "/bucket/%E1%88%B4"],
    ["/bucket/%E1%88%B4", "/bucket/%E1%88%B4"],
    ["/bucket/test$file.text", "/bucket/test%24file.text"],
    ["/bucket//a/./b/../c", "/bucket//a/./b/../c"],
  ];
  assert.deepEqual(
    cases.map(([input]) => [input, uriRecodePath(input)]),
    cases,
  );
});
