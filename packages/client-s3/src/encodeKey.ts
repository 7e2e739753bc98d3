import { SdkError } from "@sessionkit/errors";
import { uriEscapePath } from "@sessionkit/signature-v4";

// A UTF-16 surrogate without its pair has no UTF-8 form.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Percent-encodes an object key (or bucket) for the request path the way S3 and its SigV4 canonical path
 * expect it: every byte outside RFC 3986's unreserved set is escaped (space → `%20`, `+` → `%2B`, UTF-8 for
 * unicode), and `/` is kept so keys keep their "folders". The signer then uses this path as-is (S3 mode).
 * A lone surrogate is an error rather than silently becoming U+FFFD, which would name another key.
 */
export function encodeKey(key: string): string {
  if (LONE_SURROGATE.test(key)) {
    throw new SdkError("InvalidParameter", "a bucket or key with a lone UTF-16 surrogate has no UTF-8 form");
  }
  return uriEscapePath(key);
}

/**
 * Builds a `CopySource` value (`bucket/key[?versionId=…]`, URL-encoded as S3 requires) from its parts,
 * so keys with spaces, `+` or unicode copy correctly.
 */
export function copySource(bucket: string, key: string, versionId?: string): string {
  const base = `${encodeKey(bucket)}/${encodeKey(key)}`;
  return versionId === undefined ? base : `${base}?versionId=${encodeURIComponent(versionId)}`;
}
