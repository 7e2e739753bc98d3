import assert from "node:assert/strict";
import { test } from "node:test";
import { SdkError } from "@sessionkit/errors";
import { copySource, encodeKey } from "./encodeKey.js";

test("keys are percent-encoded per RFC 3986 with '/' kept", () => {
  const cases: [string, string][] = [
    ["plain/key.txt", "plain/key.txt"],
    ["a b", "a%20b"],
    ["a+b", "a%2Bb"],
    ["dir/with space/file+plus=eq.txt", "dir/with%20space/file%2Bplus%3Deq.txt"],
    ["\u00fcn\u00ef/\u65e5\u672c", "%C3%BCn%C3%AF/%E6%97%A5%E6%9C%AC"],
    ["it's (a) *test*!", "it%27s%20%28a%29%20%2Atest%2A%21"],
    ["~tilde-_.", "~tilde-_."],
    ["100%", "100%25"],
    ["?query#frag&amp", "%3Fquery%23frag%26amp"],
    ["//double//slash/", "//double//slash/"],
    ["emoji 😀", "emoji%20%F0%9F%98%80"],
  ];
  for (const [key, want] of cases) assert.equal(encodeKey(key), want, key);
});

test("a key with a lone surrogate is a typed InvalidParameter error, not a URIError", () => {
  for (const bad of ["bad\ud800key", "bad\udc00", "\ud800"]) assert.throws(() => encodeKey(bad), (e: unknown) => e instanceof SdkError && e.code === "InvalidParameter");
});

test("copySource joins bucket and encoded key, with an optional version id", () => {
  assert.equal(copySource("bkt", "a b/c+d"), "bkt/a%20b/c%2Bd");
  assert.equal(copySource("bkt", "k", "v 1"), "bkt/k?versionId=v%201");
});
