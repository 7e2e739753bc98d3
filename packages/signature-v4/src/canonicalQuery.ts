import type { QueryParameterBag } from "@smithy/types";
import { uriEscape } from "./uriEscape.js";

function byKeyThenValue(a: readonly [string, string], b: readonly [string, string]): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  return a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;
}

/**
 * The canonical query string: keys and values encoded once, sorted by key then value (byte order, which
 * for the encoded ASCII strings is string order). A `null` value (`?uploads`) signs as `uploads=`;
 * `X-Amz-Signature` is never part of it.
 */
export function canonicalQuery(query: QueryParameterBag | undefined): string {
  const pairs: [string, string][] = [];
  for (const key in query) {
    if (key === "X-Amz-Signature" || (key.length === 15 && key.toLowerCase() === "x-amz-signature")) continue;
    const value = query[key];
    const k = uriEscape(key);
    if (typeof value === "string") pairs.push([k, uriEscape(value)]);
    else if (Array.isArray(value)) for (const v of value) pairs.push([k, uriEscape(String(v))]);
    else if (value === null) pairs.push([k, ""]);
    else if (value !== undefined) pairs.push([k, uriEscape(String(value))]);
  }
  if (pairs.length === 0) return "";
  if (pairs.length > 1) pairs.sort(byKeyThenValue);
  let out = "";
  for (let i = 0; i < pairs.length; i++) {
    const p = pairs[i] as [string, string];
    out += i === 0 ? `${p[0]}=${p[1]}` : `&${p[0]}=${p[1]}`;
  }
  return out;
}
