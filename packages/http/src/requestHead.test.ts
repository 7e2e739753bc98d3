import assert from "node:assert/strict";
import { test } from "node:test";
import type { HttpRequest } from "@sessionkit/types";
import { requestHead } from "./requestHead.js";

const base: HttpRequest = { method: "GET", protocol: "https:", hostname: "s3.amazonaws.com", path: "/", query: {}, headers: {} };

function hostLine(over: Partial<HttpRequest>): string | undefined {
  const [head] = requestHead({ ...base, ...over }, 0, true);
  return head.split("\r\n").find((l) => l.startsWith("host: "));
}

test("an absent host header is added as node:http sends it and SigV4 signs it: the scheme's default port left out", () => {
  assert.deepEqual(
    [
      hostLine({}),
      hostLine({ port: 443 }),
      hostLine({ protocol: "http:", port: 80 }),
      hostLine({ protocol: "http:", port: 443 }),
      hostLine({ port: 8443 }),
      hostLine({ protocol: "http:", hostname: "::1", port: 7480 }),
      hostLine({ protocol: "http:", hostname: "[::1]", port: 7480 }),
      hostLine({ headers: { Host: "example.com" } }),
    ],
    [
      "host: s3.amazonaws.com",
      "host: s3.amazonaws.com",
      "host: s3.amazonaws.com",
      "host: s3.amazonaws.com:443",
      "host: s3.amazonaws.com:8443",
      "host: [::1]:7480",
      "host: [::1]:7480",
      undefined,
    ],
  );
});

test("the request line and the framing: GET without a body has neither length nor chunking; keepAlive false closes", () => {
  const [head, framing] = requestHead({ ...base, path: "/b/k", query: { "list-type": "2" } }, 0, false);
  assert.deepEqual([head.split("\r\n")[0], framing, head.includes("content-length"), head.includes("connection: close\r\n")], [
    "GET /b/k?list-type=2 HTTP/1.1",
    "none",
    false,
    true,
  ]);
});
