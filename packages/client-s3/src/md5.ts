// MD5 for DeleteObjects' Content-MD5 header. Our own ~0.4 KB implementation: WebCrypto has no MD5 and
// importing node:crypto would break the browser bundle; the bodies it hashes are small XML documents.

// Per-round left-rotation amounts, four per round group.
const SHIFTS = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
// K[i] = floor(abs(sin(i + 1)) * 2^32) (the Int32Array store truncates), computed once instead of a 64-entry
// literal table (in a pure initialiser, so that a bundle without DeleteObjects drops it).
const K = /* @__PURE__ */ (() => {
  const k = new Int32Array(64);
  for (let i = 0; i < 64; i++) k[i] = Math.abs(Math.sin(i + 1)) * 2 ** 32;
  return k;
})();

/** The MD5 digest (16 bytes) of `data`. */
export function md5(data: Uint8Array): Uint8Array {
  const len = data.length;
  // Little-endian words of: message + 0x80 + zero padding + 64-bit bit length, in whole 64-byte blocks.
  const m = new Int32Array((((len + 8) >>> 6) + 1) << 4);
  const put = (i: number, byte: number): void => {
    m[i >> 2] = (m[i >> 2] as number) | (byte << ((i & 3) << 3));
  };
  for (let i = 0; i < len; i++) put(i, data[i] as number);
  put(len, 0x80);
  m[m.length - 2] = len * 8;
  m[m.length - 1] = len / 0x20000000;
  const h = [0x67452301, 0xefcdab89 | 0, 0x98badcfe | 0, 0x10325476];
  for (let off = 0; off < m.length; off += 16) {
    let [a, b, c, d] = h as [number, number, number, number];
    for (let i = 0; i < 64; i++) {
      const r = i >> 4;
      const f = r === 0 ? (b & c) | (~b & d) : r === 1 ? (d & b) | (~d & c) : r === 2 ? b ^ c ^ d : c ^ (b | ~d);
      const g = r === 0 ? i : r === 1 ? 5 * i + 1 : r === 2 ? 3 * i + 5 : 7 * i;
      const s = SHIFTS[(r << 2) | (i & 3)] as number;
      const x = (a + f + (K[i] as number) + (m[off + (g & 15)] as number)) | 0;
      a = d;
      d = c;
      c = b;
      b = (b + ((x << s) | (x >>> (32 - s)))) | 0;
    }
    h[0] = ((h[0] as number) + a) | 0;
    h[1] = ((h[1] as number) + b) | 0;
    h[2] = ((h[2] as number) + c) | 0;
    h[3] = ((h[3] as number) + d) | 0;
  }
  // Little-endian bytes of the four words (the Uint8Array store keeps the low 8 bits).
  return Uint8Array.from({ length: 16 }, (_, i) => (h[i >> 2] as number) >>> ((i & 3) << 3));
}

/** Base64 of the MD5 digest, the form the `Content-MD5` header wants. */
export function md5Base64(data: Uint8Array): string {
  return btoa(String.fromCharCode(...md5(data)));
}
