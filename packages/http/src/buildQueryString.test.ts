import assert from "node:assert/strict";
import { test } from "node:test";
import { buildQueryString, escapeUri, requestTarget } from "./buildQueryString.js";

test("query strings: RFC 3986 escapes, repeated keys, bare keys, insertion order", () => {
  assert.deepEqual(
    [
      buildQueryString({ "list-type": "2", prefix: "a b/c+d=é!'()*~", delete: null, tag: ["x", "y z"] }),
      buildQueryString({}),
      requestTarget({ method: "GET", protocol: "http:", hostname: "h", path: "/k%20", query: { uploads: null }, headers: {} }),
      requestTarget({ method: "GET", protocol: "http:", hostname: "h", path: "/", query: {}, headers: {} }),
    ],
    ["list-type=2&prefix=a%20b%2Fc%2Bd%3D%C3%A9%21%27%28%29%2A~&delete&tag=x&tag=y%20z", "", "/k%20?uploads", "/"],
  );
});

test("a lone surrogate is sent as U+FFFD (as SigV4 signs it), never a URIError", () => {
  assert.deepEqual(
    [escapeUri("a\ud800b"), escapeUri("\udfff"), escapeUri("😀"), buildQueryString({ "k\ud800": "v\udc00" })],
    ["a%EF%BF%BDb", "%EF%BF%BD", "%F0%9F%98%80", "k%EF%BF%BD=v%EF%BF%BD"],
  );
});
