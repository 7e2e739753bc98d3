import { SdkError } from "@sessionkit/errors";

// Matches keys that need no escaping at all, so the common case skips the encoder.
const SAFE = /^[A-Za-z0-9\-._~/]*$/;
const RESERVED_BY_RFC3986 = /[!'()*]/g;

function hexEscape(c: string): string {
  return `%${c.charCodeAt(0).toString(16).toUpperCase()}`;
}

/**
 * Percent-encodes an object key (or bucket) for the request path the way S3 and its SigV4 canonical path
 * expect it: every byte outside RFC 3986's unreserved set is escaped (space → `%20`, `+` → `%2B`, UTF-8 for
 * unicode), and `/` is kept so keys keep their "folders". The signer then uses this path as-is (S3 mode).
 */
export function encodeKey(key: string): string {
  if (SAFE.test(key)) return key;
  let encoded: string;
  try {
    encoded = encodeURIComponent(key);
  } catch (cause) {
    // A lone UTF-16 surrogate has no UTF-8 form; say so instead of leaking a URIError.
    throw new SdkError("InvalidParameter", "the bucket or key contains a lone UTF-16 surrogate and cannot be encoded", { cause });
  }
  return encoded.replace(RESERVED_BY_RFC3986, hexEscape).replace(/%2F/g, "/");
}

/**
 * Builds a `CopySource` value (`bucket/key[?versionId=…]`, URL-encoded as S3 requires) from its parts,
 * so keys with spaces, `+` or unicode copy correctly.
 */
export function copySource(bucket: string, key: string, versionId?: string): string {
  const base = `${encodeKey(bucket)}/${encodeKey(key)}`;
  return versionId === undefined ? base : `${base}?versionId=${encodeURIComponent(versionId)}`;
}
