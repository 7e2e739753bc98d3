import type { HttpRequest } from "@sessionkit/types";

/**
 * RFC 3986 encoding (what SigV4 signs): `encodeURIComponent` plus `!'()*`. A lone surrogate, which
 * `encodeURIComponent` refuses with a URIError, is sent as U+FFFD, as the signer signs it.
 */
export function escapeUri(value: string): string {
  let out: string;
  try {
    out = encodeURIComponent(value);
  } catch {
    out = encodeURIComponent(value.replace(/[\uD800-\uDFFF]/gu, "\uFFFD"));
  }
  return out.replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `a=1&b&c=x%20y` from a raw query bag (keys in insertion order, arrays as repeated keys). */
export function buildQueryString(query: HttpRequest["query"]): string {
  let out = "";
  for (const key in query) {
    const value = query[key];
    const k = `&${escapeUri(key)}`;
    if (value === null || value === undefined) out += k;
    else if (typeof value === "string") out += `${k}=${escapeUri(value)}`;
    else for (const v of value) out += `${k}=${escapeUri(v)}`;
  }
  return out.slice(1);
}

/** The request target: path plus `?query` when there is one. */
export function requestTarget(request: HttpRequest): string {
  const qs = buildQueryString(request.query);
  return qs === "" ? request.path : `${request.path}?${qs}`;
}
