import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { test } from "node:test";
import { md5, md5Base64 } from "./md5.js";

const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");

test("RFC 1321 test suite digests", () => {
  const cases: [string, string][] = [
    ["", "d41d8cd98f00b204e9800998ecf8427e"],
    ["a", "0cc175b9c0f1b6a831c399e269772661"],
    ["abc", "900150983cd24fb0d6963f7d28e17f72"],
    ["message digest", "f96b697d7cb7938d525a2f31aaf161d0"],
    ["abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b"],
    ["ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "d174ab98d277d9f5a5611c2c9f419d9f"],
    ["12345678901234567890123456789012345678901234567890123456789012345678901234567890", "57edf4a22be3c955ac49da2e2107b67a"],
  ];
  for (const [input, want] of cases) assert.equal(hex(md5(new TextEncoder().encode(input))), want, JSON.stringify(input));
});

test("agrees with node:crypto for every length around the block and padding boundaries", () => {
  for (let n = 0; n <= 200; n++) {
    const data = new Uint8Array(n).map((_, i) => (i * 31 + n) & 0xff);
    assert.equal(hex(md5(data)), createHash("md5").update(data).digest("hex"), `length ${n}`);
  }
  const big = new Uint8Array(1 << 20).map((_, i) => i & 0xff);
  assert.equal(md5Base64(big), createHash("md5").update(big).digest("base64"));
});
