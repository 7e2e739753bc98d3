// SigV4's URI encoding: every byte outside the unreserved set `A-Za-z0-9-._~` becomes `%XX` (upper case).
const UNRESERVED = /^[A-Za-z0-9\-._~]*$/;
const UNRESERVED_OR_SLASH = /^[A-Za-z0-9\-._~/]*$/;
// encodeURIComponent leaves these five alone; SigV4 does not.
const SUB_DELIMS = /[!'()*]/;
const SUB_DELIMS_G = /[!'()*]/g;
const SLASH_G = /%2F/g;

const PCT: readonly string[] = /* @__PURE__ */ Array.from({ length: 256 }, (_, b) => `%${b.toString(16).toUpperCase().padStart(2, "0")}`);
const KEEP: readonly boolean[] = /* @__PURE__ */ Array.from({ length: 256 }, (_, b) => UNRESERVED_OR_SLASH.test(String.fromCharCode(b)));
const encoder = /* @__PURE__ */ new TextEncoder();

function hexEscape(c: string): string {
  return PCT[c.charCodeAt(0)] ?? c;
}

function encodeComponent(s: string): string {
  let out: string;
  try {
    out = encodeURIComponent(s);
  } catch {
    // A lone surrogate: encode the bytes TextEncoder produces for it (U+FFFD), as the wire will carry.
    out = "";
    for (const b of encoder.encode(s)) out += KEEP[b] && b !== 0x2f ? String.fromCharCode(b) : PCT[b];
    return out;
  }
  return SUB_DELIMS.test(out) ? out.replace(SUB_DELIMS_G, hexEscape) : out;
}

/** Encodes a query key or value (or anything else where `/` must be encoded too). */
export function uriEscape(s: string): string {
  return UNRESERVED.test(s) ? s : encodeComponent(s);
}

/** Encodes a path, keeping `/`. Applied to a wire-form path it double-encodes (`%3D` → `%253D`). */
export function uriEscapePath(path: string): string {
  return UNRESERVED_OR_SLASH.test(path) ? path : encodeComponent(path).replace(SLASH_G, "/");
}

function hexValue(b: number): number {
  if (b >= 0x30 && b <= 0x39) return b - 0x30;
  if (b >= 0x41 && b <= 0x46) return b - 0x37;
  if (b >= 0x61 && b <= 0x66) return b - 0x57;
  return -1;
}

/**
 * S3's rule: the path is already in wire form; the canonical URI is that path percent-decoded and encoded
 * exactly once again (what S3 and Ceph RGW compute server-side). A path that is already canonical is returned
 * as is; `%41` becomes `A`, a raw space `%20`, a stray `%` `%25`.
 */
export function uriRecodePath(path: string): string {
  if (UNRESERVED_OR_SLASH.test(path)) return path;
  const raw = encoder.encode(path);
  let out = "";
  for (let i = 0; i < raw.length; i++) {
    let b = raw[i] ?? 0;
    if (b === 0x25 && i + 2 < raw.length) {
      const hi = hexValue(raw[i + 1] ?? 0);
      const lo = hexValue(raw[i + 2] ?? 0);
      if (hi >= 0 && lo >= 0) {
        b = hi * 16 + lo;
        i += 2;
      }
    }
    out += KEEP[b] ? String.fromCharCode(b) : PCT[b];
  }
  return out;
}
