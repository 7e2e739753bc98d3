// Test support: the aws-c-auth `request.txt` grammar (see shared/conformance/README.md §5), both ways.
import type { HttpRequest } from "@sessionkit/types";
import type { QueryParameterBag } from "@smithy/types";

/** A request as written in the suite's text files. */
export interface RequestText {
  readonly method: string;
  readonly path: string;
  /** Decoded `key=value` pairs in file order (`key` alone when there is no `=`). */
  readonly query: readonly (readonly [string, string | null])[];
  /** Header lines in file order; continuation lines folded into their header with one space. */
  readonly headers: readonly (readonly [string, string])[];
  readonly body: string;
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export function parseRequestText(text: string): RequestText {
  const lines = text.split("\n");
  const first = lines[0] ?? "";
  const sp = first.indexOf(" ");
  const method = first.slice(0, sp);
  // The target may hold a raw space (`/example space/`); the HTTP version is optional (old-format files).
  const target = first.slice(sp + 1).replace(/ HTTP\/\d\.\d$/, "");
  const q = target.indexOf("?");
  const path = q < 0 ? target : target.slice(0, q);
  const query: (readonly [string, string | null])[] = [];
  if (q >= 0 && q < target.length - 1) {
    for (const part of target.slice(q + 1).split("&")) {
      const eq = part.indexOf("=");
      query.push(eq < 0 ? [decode(part), null] : [decode(part.slice(0, eq)), decode(part.slice(eq + 1))]);
    }
  }
  const headers: [string, string][] = [];
  let i = 1;
  for (; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (line === "") break;
    const last = headers[headers.length - 1];
    if ((line.startsWith(" ") || line.startsWith("\t")) && last !== undefined) {
      last[1] = `${last[1]} ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(":");
    headers.push([line.slice(0, colon), line.slice(colon + 1)]);
  }
  const body = lines.slice(i + 1).join("\n");
  return { method, path, query, headers, body };
}

/** The `HttpRequest` the C harness builds from a request file: repeated headers joined with `,`. */
export function toHttpRequest(r: RequestText): HttpRequest {
  const headers: Record<string, string> = {};
  let hostname = "";
  for (const [name, value] of r.headers) {
    const existing = Object.keys(headers).find((n) => n.toLowerCase() === name.toLowerCase());
    if (existing === undefined) headers[name] = value;
    else headers[existing] = `${headers[existing]},${value}`;
    if (name.toLowerCase() === "host") hostname = value.trim();
  }
  const query: QueryParameterBag = {};
  for (const [k, v] of r.query) {
    const prev = query[k];
    if (prev === undefined) query[k] = v;
    else query[k] = [...(Array.isArray(prev) ? prev : [prev ?? ""]), v ?? ""];
  }
  const request: HttpRequest = { method: r.method, protocol: "https:", hostname, path: r.path, query, headers };
  if (r.body !== "") request.body = r.body;
  return request;
}

/** What two requests must agree on: headers and query as multisets, case-insensitive header names. */
export interface ComparableRequest {
  readonly method: string;
  readonly path: string;
  readonly query: readonly string[];
  readonly headers: readonly string[];
  readonly body: string;
}

export function comparableFromText(r: RequestText): ComparableRequest {
  return comparable(toHttpRequest(r));
}

export function comparable(request: HttpRequest): ComparableRequest {
  const query: string[] = [];
  for (const [k, v] of Object.entries(request.query ?? {})) {
    for (const one of Array.isArray(v) ? v : [v]) query.push(one === null ? k : `${k}=${one}`);
  }
  const headers = Object.entries(request.headers).map(([n, v]) => `${n.toLowerCase()}:${String(v).trim()}`);
  const body = typeof request.body === "string" ? request.body.replace(/\n+$/, "") : "";
  return { method: request.method, path: request.path, query: query.sort(), headers: headers.sort(), body };
}
