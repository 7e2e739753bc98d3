import assert from "node:assert/strict";
import { test } from "node:test";
import type { SdkError } from "@sessionkit/errors";
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
    0,
    false,
    true,
  ]);
});

test("the body's wire length: its own, the caller's content-length, or -1 (chunked); a wrong or bad one is refused", () => {
  const put = (headers: Record<string, string>, bodyLength: number | undefined): string => {
    try {
      const [head, wire] = requestHead({ ...base, method: "PUT", headers }, bodyLength, true);
      const framing = head.split("\r\n").filter((l) => /^(content-length|transfer-encoding):/i.test(l));
      return `${wire} ${framing.join(" | ")}`;
    } catch (err) {
      const e = err as SdkError;
      return `${e.code} ${e.retryable} ${e.message}`;
    }
  };
  assert.deepEqual(
    [
      put({}, 5),
      put({}, 0),
      put({}, undefined),
      put({ "Content-Length": "10" }, undefined),
      put({ "content-length": " 0 " }, undefined),
      put({ "content-length": "10", "transfer-encoding": "chunked" }, undefined),
      put({ "content-length": "5" }, 5),
      put({ "content-length": "10" }, 13),
      put({ "content-length": "10" }, 0),
      put({ "content-length": "0x0a" }, undefined),
      put({ "content-length": "" }, 0),
    ],
    [
      "5 content-length: 5",
      "0 content-length: 0",
      "-1 transfer-encoding: chunked",
      "10 Content-Length: 10",
      "0 content-length:  0 ",
      "-1 content-length: 10 | transfer-encoding: chunked",
      "5 content-length: 5",
      "RequestError false RequestError: request body has 13 bytes, content-length said 10",
      "RequestError false RequestError: request body has 0 bytes, content-length said 10",
      'RequestError false RequestError: invalid request: content-length "0x0a" is not a byte count',
      'RequestError false RequestError: invalid request: content-length "" is not a byte count',
    ],
  );
});
