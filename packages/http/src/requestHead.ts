import type { HttpRequest } from "@sessionkit/types";
import { requestTarget } from "./buildQueryString.js";
import { bodyLengthMismatch, quote, RequestError } from "./errors.js";

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// What may not be in a header value: controls other than tab (CR/LF would split the request). Anything else goes
// out as UTF-8, the bytes SigV4 signs (Go writes a header's bytes as they are; node:http would send latin1).
const BAD_VALUE = /[^\t\x20-\x7e\x80-\uffff]/;
// A request target is already URI-encoded: no whitespace, controls or non-ASCII.
const BAD_TARGET = /[^\x21-\x7e]/;
// Methods whose empty body is still announced (`content-length: 0`), as node:http does; servers answer 411 otherwise.
const BODY_METHODS = new Set(["POST", "PUT", "PATCH"]);
// A content-length a caller may set: decimal digits (optional whitespace around), at most 15 (exact as a number).
const LENGTH = /^[\t ]*\d{1,15}[\t ]*$/;
/** A `transfer-encoding` whose last coding is chunked (requests and responses). */
export const CHUNKED = /(?:^|,)[\t ]*chunked[\t ]*$/i;

/** A request no server can be sent (it could split the request, or names no reachable port): it would fail again. */
export function invalid(what: string): RequestError {
  return new RequestError(`invalid request: ${what}`, { retryable: false });
}

/** The body length {@link requestHead} returns for a body sent with chunked transfer-coding. */
export const CHUNKED_BODY = -1;

/** The number in a caller's `content-length` value; a non-retryable `RequestError` when it is not one. */
export function declaredLength(value: string): number {
  if (!LENGTH.test(value)) throw invalid(`content-length ${quote(value)} is not a byte count`);
  return Number(value);
}

/**
 * The HTTP/1.1 request line and headers (ending in the blank line), validated: a method, target, header name or
 * value that could split the request throws a non-retryable `RequestError`. `host` and the body framing
 * (`content-length`, or `transfer-encoding: chunked` for a stream of unknown length) are added when absent.
 * `bodyLength` is the byte count of a string or byte body (`undefined` for a stream). Returns the head and the
 * bytes the body must have on the wire: the caller's `content-length` (a byte body of another length throws
 * the mismatch here), the body's length, or {@link CHUNKED_BODY}.
 */
export function requestHead(request: HttpRequest, bodyLength: number | undefined, keepAlive: boolean): [string, number] {
  const method = request.method;
  if (!TOKEN.test(method)) throw invalid(`method ${quote(method)}`);
  const target = requestTarget(request);
  if (BAD_TARGET.test(target)) throw invalid(`path ${quote(target)} has characters that must be escaped`);
  let head = `${method} ${target} HTTP/1.1\r\n`;
  let host = false;
  let length: string | undefined; // the caller's content-length
  let chunked = false; // the caller set transfer-encoding: chunked
  const headers = request.headers;
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined) continue;
    if (!TOKEN.test(name) || BAD_VALUE.test(value)) throw invalid(`header ${quote(name)} has forbidden characters in its name or value`);
    // Only the three names this function cares about are lower-cased (per request, per header: a hot loop).
    const lower = name.length === 4 || name.length === 14 || name.length === 17 ? name.toLowerCase() : "";
    if (lower === "host") host = true;
    else if (lower === "content-length") length = value;
    else if (lower === "transfer-encoding") chunked = CHUNKED.test(value);
    head += `${name}: ${value}\r\n`;
  }
  if (!host) {
    // What node:http sends and SigV4 signs when `host` is absent: no port when it is the scheme's default.
    const { hostname: h, port } = request;
    const name = h.includes(":") && h[0] !== "[" ? `[${h}]` : h;
    head += `host: ${name}${port === undefined || port === (request.protocol === "https:" ? 443 : 80) ? "" : `:${port}`}\r\n`;
  }
  // A stream of unknown length is sent chunked; so is any body whose caller asked for chunked encoding.
  let wire: number;
  if (chunked || (bodyLength === undefined && length === undefined)) {
    wire = CHUNKED_BODY;
    if (!chunked) head += "transfer-encoding: chunked\r\n";
  } else if (length === undefined) {
    wire = bodyLength as number;
    if (wire > 0 || BODY_METHODS.has(method)) head += `content-length: ${wire}\r\n`;
  } else {
    // The caller's length frames the body: one that disagrees would leave the server waiting or desynchronized.
    wire = declaredLength(length);
    if (bodyLength !== undefined && bodyLength !== wire) throw bodyLengthMismatch(bodyLength, wire);
  }
  if (!keepAlive) head += "connection: close\r\n";
  return [`${head}\r\n`, wire];
}
