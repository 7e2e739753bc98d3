import type { QueryParameterBag } from "@smithy/types";
import { uriEscape } from "./uriEscape.js";

/**
 * The canonical query string: keys and values encoded once, sorted by key then value (byte order, which
 * for the encoded ASCII strings is string order). A `null` value (`?uploads`) signs as `uploads=`;
 * `X-Amz-Signature` is never part of it.
 */
export function canonicalQuery(query: QueryParameterBag | undefined): string {
  // Pairs as `key\0value`: encoded keys hold no NUL, so the plain string sort orders by key, then value.
  const pairs: string[] = [];
  for (const key in query) {
    if (key.length === 15 && key.toLowerCase() === "x-amz-signature") continue;
    const k = `${uriEscape(key)}\0`;
    const value = query[key];
    if (value === null) pairs.push(k);
    else if (Array.isArray(value)) for (const v of value) pairs.push(k + uriEscape(String(v)));
    else if (value !== undefined) pairs.push(k + uriEscape(String(value)));
  }
  return pairs.length === 0 ? "" : pairs.length === 1 ? (pairs[0] as string).replace("\0", "=") : pairs.sort().join("&").replace(/\0/g, "=");
}
