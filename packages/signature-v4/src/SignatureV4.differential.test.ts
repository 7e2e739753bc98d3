// Differential check against @smithy/signature-v4 (the signer of the AWS SDK for JS v3) on seeded random
// requests: unicode, reserved characters, percent-escapes, repeated query keys, messy header whitespace,
// bodies, session tokens; header signing (services and S3) and presigning. Where the two are documented to
// differ the generator stays out: smithy drops `null` query values and keeps `/a/..` without a trailing
// slash; S3 paths are generated in canonical wire form (smithy signs them verbatim, we decode and re-encode).
import assert from "node:assert/strict";
import { createHash, createHmac, type Hash, type Hmac } from "node:crypto";
import { test } from "node:test";
import type { HttpRequest } from "@sessionkit/types";
import { SignatureV4 as SmithySignatureV4 } from "@smithy/signature-v4";
import type { QueryParameterBag, SourceData } from "@smithy/types";
import { SignatureV4 } from "./SignatureV4.js";
import { uriEscape, uriEscapePath } from "./uriEscape.js";

const SEED = Number(process.env.SIGV4_DIFF_SEED ?? 20261127);
const RUNS = Number(process.env.SIGV4_DIFF_RUNS ?? 300);

// smithy's Checksum interface over node:crypto (what @smithy/hash-node does).
class NodeHash {
  readonly #h: Hash | Hmac;
  constructor(secret?: SourceData) {
    this.#h = secret === undefined ? createHash("sha256") : createHmac("sha256", bytes(secret));
  }
  update(data: SourceData): void {
    this.#h.update(bytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.#h.digest());
  }
}

function bytes(data: SourceData): string | Uint8Array {
  if (typeof data === "string") return data;
  return ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data);
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CHARS = ["a", "Z", "0", "-", ".", "_", "~", " ", "+", "=", "&", "!", "'", "(", ")", "*", "@", ":", "$", ",", ";", "%", "/", "ሴ", "é", "\u{1F600}"];

function gen(rand: () => number) {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const word = (max: number, chars: readonly string[] = CHARS) => {
    let s = "";
    const n = 1 + Math.floor(rand() * max);
    for (let i = 0; i < n; i++) s += pick(chars);
    return s;
  };
  return { pick, word, int: (n: number) => Math.floor(rand() * n) };
}

function randomRequest(rand: () => number, s3: boolean): HttpRequest {
  const { pick, word, int } = gen(rand);
  const segments: string[] = [];
  const nSeg = int(5);
  for (let i = 0; i < nSeg; i++) {
    const kind = int(10);
    // Dot segments only where smithy and RFC 3986 agree (not last).
    if (kind === 0 && i < nSeg - 1) segments.push(pick([".", "..", ""]));
    else if (kind === 1) segments.push(`%${pick(["3D", "2F", "41", "e1"])}`);
    else segments.push(word(6).replaceAll("/", "_").replaceAll("%", "pct"));
  }
  const last = segments[segments.length - 1];
  if (last === "." || last === "..") segments.push("x");
  let path = `/${segments.join("/")}${int(3) === 0 ? "/" : ""}`;
  // S3: a key as a serializer puts it on the wire, strictly encoded.
  if (s3) path = `/bucket/${uriEscapePath(word(12))}`;
  const query: QueryParameterBag = {};
  for (let i = int(4); i > 0; i--) {
    const key = word(5);
    query[key] = int(4) === 0 ? [word(4), word(4), word(4)] : int(5) === 0 ? "" : word(6);
  }
  const host = s3 ? "bucket.s3.us-east-1.amazonaws.com" : "svc.us-east-1.amazonaws.com";
  const headers: Record<string, string> = { host };
  const names = ["X-Custom", "x-amz-meta-k", "Content-Type", "x-amz-acl", "User-Agent", "My-Header", "x-amz-target"];
  for (const name of names) {
    if (int(2) === 0) continue;
    const v = word(8, ["a", "B", " ", "  ", "\t", "\"", "é", "1", ",", ";", "\u00a0", "\u3000"]);
    headers[name] = int(3) === 0 ? `  ${v}  ` : v;
  }
  const method = pick(["GET", "PUT", "POST", "DELETE", "HEAD"]);
  const request: HttpRequest = { method, protocol: "https:", hostname: host, path, query, headers };
  const body = int(4);
  if (body === 1) request.body = word(40);
  else if (body === 2) request.body = new TextEncoder().encode(word(40));
  return request;
}

const signingDate = new Date("2026-11-27T13:00:00Z");

for (const s3 of [false, true]) {
  test(`header signing agrees with @smithy/signature-v4 on ${RUNS} random ${s3 ? "S3" : "service"} requests (seed ${SEED})`, async () => {
    const rand = mulberry32(SEED + (s3 ? 1 : 0));
    const mismatches: string[] = [];
    for (let i = 0; i < RUNS; i++) {
      const credentials = { accessKeyId: "AKID", secretAccessKey: "secret", ...(rand() < 0.3 ? { sessionToken: "token/+=" } : {}) };
      const options = { service: s3 ? "s3" : "svc", region: "us-east-1", credentials, uriEscapePath: !s3, applyChecksum: s3 };
      const req = randomRequest(rand, s3);
      const ours = await new SignatureV4(options).sign(req, { signingDate });
      const peer = await new SmithySignatureV4({ ...options, sha256: NodeHash }).sign(structuredClone(req), { signingDate });
      if (ours.headers.authorization !== peer.headers.authorization) mismatches.push(JSON.stringify(req));
    }
    assert.deepEqual(mismatches, []);
  });
}

test(`presigning agrees with @smithy/signature-v4 on ${RUNS} random requests (seed ${SEED})`, async () => {
  const rand = mulberry32(SEED + 2);
  const mismatches: string[] = [];
  for (let i = 0; i < RUNS; i++) {
    const credentials = { accessKeyId: "AKID", secretAccessKey: "secret", ...(rand() < 0.3 ? { sessionToken: "token/+=" } : {}) };
    const options = { service: "svc", region: "us-east-1", credentials };
    const req = randomRequest(rand, false);
    const expiresIn = 1 + Math.floor(rand() * 604_800);
    const ours = await new SignatureV4(options).presign(req, { signingDate, expiresIn });
    const peer = await new SmithySignatureV4({ ...options, sha256: NodeHash }).presign(structuredClone(req), { signingDate, expiresIn });
    const q = (r: { query?: QueryParameterBag }) =>
      Object.entries(r.query ?? {})
        .map(([k, v]) => `${uriEscape(k)}=${JSON.stringify(v)}`)
        .sort();
    if (ours.query["X-Amz-Signature"] !== peer.query?.["X-Amz-Signature"] || JSON.stringify(q(ours)) !== JSON.stringify(q(peer))) {
      mismatches.push(JSON.stringify(req));
    }
  }
  assert.deepEqual(mismatches, []);
});
