// SigV4's URI encoding: every byte outside the unreserved set `A-Za-z0-9-._~` becomes `%XX` (upper case).
const UNRESERVED = /^[\w\-.~]*$/;
const UNRESERVED_OR_SLASH = /^[\w\-.~/]*$/;
// encodeURIComponent leaves these five alone; SigV4 does not.
const SUB_DELIMS = /[!'()*]/g;
// S3 paths: a `%XX` escape, a run of other characters that need encoding, or a stray `%`.
const RECODE = /%([\dA-Fa-f]{2})|[^\w\-.~/%]+|%/g;

const hexEscape = (c: string): string => `%${c.charCodeAt(0).toString(16).toUpperCase()}`;

function encodeComponent(s: string): string {
  let out: string;
  try {
    out = encodeURIComponent(s);
  } catch {
    // A lone surrogate: encode U+FFFD in its place, as TextEncoder puts it on the wire. (With the `u` flag
    // the class matches only unpaired surrogates.)
    out = encodeURIComponent(s.replace(/[\uD800-\uDFFF]/gu, "\uFFFD"));
  }
  return out.replace(SUB_DELIMS, hexEscape);
}

/** Encodes a query key or value (or anything else where `/` must be encoded too). */
export const uriEscape = (s: string): string => (UNRESERVED.test(s) ? s : encodeComponent(s));

/** Encodes a path, keeping `/`. Applied to a wire-form path it double-encodes (`%3D` → `%253D`). */
export const uriEscapePath = (path: string): string =>
  UNRESERVED_OR_SLASH.test(path) ? path : encodeComponent(path).replace(/%2F/g, "/");

function recode(run: string, hex: string | undefined): string {
  if (hex === undefined) return encodeComponent(run);
  const c = String.fromCharCode(+`0x${hex}`);
  return UNRESERVED_OR_SLASH.test(c) ? c : run.toUpperCase();
}

/**
 * S3's rule: the path is already in wire form; the canonical URI is that path percent-decoded and encoded
 * exactly once again (what S3 and Ceph RGW compute server-side). A path that is already canonical is returned
 * as is; `%41` becomes `A`, a raw space `%20`, a stray `%` `%25`.
 */
export const uriRecodePath = (path: string): string => (UNRESERVED_OR_SLASH.test(path) ? path : path.replace(RECODE, recode));
