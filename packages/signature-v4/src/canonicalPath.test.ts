import assert from "node:assert/strict";
import { test } from "node:test";
import { canonicalPath, normalizePath } from "./canonicalPath.js";

test("normalizePath removes dot and empty segments (RFC 3986 §5.2.4, plus //)", () => {
  const cases: [string, string][] = [
    ["/", "/"],
    ["", "/"],
    ["//", "/"],
    ["/./", "/"],
    ["/example/..", "/"],
    ["/example1/example2/../..", "/"],
    ["/./example", "/example"],
    ["//example//", "/example/"],
    ["/a/b/..", "/a/"],
    ["/a/b/.", "/a/b/"],
    ["/a/../../b", "/b"],
    ["/a/.b/..c", "/a/.b/..c"],
    ["/plain/path", "/plain/path"],
  ];
  assert.deepEqual(
    cases.map(([input]) => [input, normalizePath(input)]),
    cases,
  );
});

test("canonicalPath: services double-encode after normalising; S3 keeps the path and encodes it once", () => {
  const path = "//a b/./c%3D/../d";
  assert.deepEqual(
    {
      service: canonicalPath(path, true, true),
      crtUnnormalized: canonicalPath(path, true, false),
      s3: canonicalPath(path, false, false),
      empty: canonicalPath("", false, false),
    },
    {
      service: "/a%20b/d",
      crtUnnormalized: "//a%20b/./c%253D/../d",
      s3: "//a%20b/./c%3D/../d",
      empty: "/",
    },
  );
});
