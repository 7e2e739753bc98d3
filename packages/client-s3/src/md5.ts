// MD5 for DeleteObjects' Content-MD5 header. Our own ~0.5 KB implementation: WebCrypto has no MD5 and
// importing node:crypto would break the browser bundle; the bodies it hashes are small XML documents.

// Per-round left-rotation amounts, four per round group.
const SHIFTS = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
// K[i] = floor(abs(sin(i + 1)) * 2^32), computed once instead of a 64-entry literal table (in a pure
// initialiser, so that a bundle without DeleteObjects drops it).
const K = /* @__PURE__ */ (() => {
  const k = new Int32Array(64);
  for (let i = 0; i < 64; i++) k[i] = Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) | 0;
  return k;
})();

/** The MD5 digest (16 bytes) of `data`. */
export function md5(data: Uint8Array): Uint8Array {
  const len = data.length;
  // Message + 0x80 + zero padding + 64-bit little-endian bit length, rounded up to 64-byte blocks.
  const total = (((len + 8) >>> 6) + 1) << 6;
  const buf = new Uint8Array(total);
  buf.set(data);
  buf[len] = 0x80;
  const view = new DataView(buf.buffer);
  view.setUint32(total - 8, len * 8, true);
  view.setUint32(total - 4, Math.floor(len / 0x20000000), true);
  let a0 = 0x67452301;
  let b0 = 0xefcdab89 | 0;
  let c0 = 0x98badcfe | 0;
  let d0 = 0x10325476;
  const m = new Int32Array(16);
  for (let off = 0; off < total; off += 64) {
    for (let j = 0; j < 16; j++) m[j] = view.getInt32(off + j * 4, true);
    let a = a0;
    let b = b0;
    let c = c0;
    let d = d0;
    for (let i = 0; i < 64; i++) {
      let f: number;
      let g: number;
      if (i < 16) {
        f = (b & c) | (~b & d);
        g = i;
      } else if (i < 32) {
        f = (d & b) | (~d & c);
        g = (5 * i + 1) & 15;
      } else if (i < 48) {
        f = b ^ c ^ d;
        g = (3 * i + 5) & 15;
      } else {
        f = c ^ (b | ~d);
        g = (7 * i) & 15;
      }
      const s = SHIFTS[((i >>> 4) << 2) | (i & 3)] as number;
      const x = (a + f + (K[i] as number) + (m[g] as number)) | 0;
      a = d;
      d = c;
      c = b;
      b = (b + ((x << s) | (x >>> (32 - s)))) | 0;
    }
    a0 = (a0 + a) | 0;
    b0 = (b0 + b) | 0;
    c0 = (c0 + c) | 0;
    d0 = (d0 + d) | 0;
  }
  const out = new Uint8Array(16);
  const ov = new DataView(out.buffer);
  ov.setInt32(0, a0, true);
  ov.setInt32(4, b0, true);
  ov.setInt32(8, c0, true);
  ov.setInt32(12, d0, true);
  return out;
}

/** Base64 of the MD5 digest, the form the `Content-MD5` header wants. */
export function md5Base64(data: Uint8Array): string {
  let s = "";
  for (const byte of md5(data)) s += String.fromCharCode(byte);
  return btoa(s);
}
