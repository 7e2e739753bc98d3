import assert from "node:assert/strict";
import { test } from "node:test";
import { inspect } from "node:util";
import { nodeSigningCrypto } from "./nodeSigningCrypto.js";
import type { SigningCrypto } from "./SigningCrypto.js";
import { SignatureV4 } from "./SignatureV4.js";
import { defaultSigningKeyCache, SigningKeyCache } from "./SigningKeyCache.js";
import { toHex } from "./toHex.js";
import { webSigningCrypto } from "./webSigningCrypto.js";

/** Wraps a crypto and records every HMAC input used for key derivation. */
function counting<K>(inner: SigningCrypto<K>, fail = false): SigningCrypto<K> & { derived: string[] } {
  const derived: string[] = [];
  return {
    derived,
    sha256Hex: (d) => inner.sha256Hex(d),
    hmac: (k, d) => {
      derived.push(d);
      return fail ? Promise.reject(new Error("hmac failed")) : inner.hmac(k, d);
    },
    importSigningKey: (k) => inner.importSigningKey(k),
    hmacHex: (k, d) => inner.hmacHex(k, d),
  };
}

test("the derived key matches the AWS documentation example (kSigning for 20120215/us-east-1/iam)", async () => {
  const c = {
    ...nodeSigningCrypto,
    importSigningKey: (k: Uint8Array) => toHex(k),
  };
  const cache = new SigningKeyCache();
  assert.equal(
    cache.get(c, "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "20120215", "us-east-1", "iam"),
    "f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d",
  );
});

test("one derivation per (secret, date, region, service); each change derives again", () => {
  const c = counting(nodeSigningCrypto);
  const cache = new SigningKeyCache();
  const a = cache.get(c, "s1", "20260101", "us-east-1", "s3");
  assert.equal(cache.get(c, "s1", "20260101", "us-east-1", "s3"), a);
  cache.get(c, "s1", "20260101", "eu-west-1", "s3");
  assert.equal(cache.get(c, "s1", "20260101", "us-east-1", "s3"), a, "found again through the map");
  cache.get(c, "s1", "20260101", "us-east-1", "sts");
  cache.get(c, "s1", "20260102", "us-east-1", "s3");
  cache.get(c, "s2", "20260101", "us-east-1", "s3");
  assert.deepEqual(c.derived.filter((d) => d === "aws4_request").length, 5);
  assert.deepEqual(c.derived.slice(0, 4), ["20260101", "us-east-1", "s3", "aws4_request"]);
  assert.equal(cache.size, 5);
});

test("bounded: past maxEntries the least recently used key goes", () => {
  const c = counting(nodeSigningCrypto);
  const cache = new SigningKeyCache(2);
  cache.get(c, "s", "20260101", "r1", "s3");
  cache.get(c, "s", "20260101", "r2", "s3");
  cache.get(c, "s", "20260101", "r1", "s3"); // r1 is now the most recent
  cache.get(c, "s", "20260101", "r3", "s3"); // evicts r2
  assert.equal(cache.size, 2);
  const before = c.derived.length;
  cache.get(c, "s", "20260101", "r1", "s3");
  cache.get(c, "s", "20260101", "r3", "s3");
  assert.equal(c.derived.length, before, "r1 and r3 are cached");
  cache.get(c, "s", "20260101", "r2", "s3");
  assert.equal(c.derived.length, before + 4, "r2 was derived again");
});

test("async crypto: concurrent signers share one derivation, later hits are synchronous", async () => {
  const c = counting(webSigningCrypto);
  const cache = new SigningKeyCache();
  const [a, b] = await Promise.all([
    cache.get(c, "s", "20260101", "us-east-1", "s3"),
    cache.get(c, "s", "20260101", "us-east-1", "s3"),
  ]);
  assert.equal(a, b);
  assert.equal(c.derived.length, 4);
  assert.equal(cache.get(c, "s", "20260101", "us-east-1", "s3"), a, "the settled key, not a promise");
});

test("a failed derivation is not cached", async () => {
  const failing = counting(webSigningCrypto, true);
  const cache = new SigningKeyCache();
  await assert.rejects(Promise.resolve(cache.get(failing, "s", "20260101", "us-east-1", "s3")), /hmac failed/);
  assert.equal(cache.size, 0);
  const ok = counting(webSigningCrypto);
  assert.ok(await cache.get(ok, "s", "20260101", "us-east-1", "s3"));
});

test("util.inspect and JSON.stringify of a cache (the shared one too) show no secret key and no derived key", async () => {
  const secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
  const c = { ...nodeSigningCrypto, importSigningKey: (k: Uint8Array) => toHex(k) };
  const cache = new SigningKeyCache();
  // The derived key as hex (this crypto's "prepared" key), as it would appear if an entry were shown.
  const derived = cache.get(c, secret, "20120215", "us-east-1", "iam") as string;
  await new SignatureV4({ service: "iam", region: "us-east-1", credentials: { accessKeyId: "AKID", secretAccessKey: secret } }).sign({
    method: "GET",
    protocol: "https:",
    hostname: "iam.amazonaws.com",
    path: "/",
    query: {},
    headers: {},
  });
  const shown = [cache, defaultSigningKeyCache].map((x) => `${inspect(x, { depth: 5, showHidden: true })}\n${JSON.stringify(x)}`).join("\n");
  assert.deepEqual([secret, derived].filter((s) => shown.includes(s)), []);
  assert.equal(cache.size, 1);
});
