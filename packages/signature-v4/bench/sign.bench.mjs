// Signing cost: @sessionkit/signature-v4 vs @smithy/signature-v4 (the signer inside @aws-sdk/client-s3),
// both on node:crypto, same requests, same credentials. Rounds are interleaved in shuffled order and the
// median µs/op per contender is reported. Needs a build first (`pnpm run build`); run: `pnpm bench`.
import { createHash, createHmac } from "node:crypto";
import { SignatureV4 as SmithySignatureV4 } from "@smithy/signature-v4";
import { SignatureV4 } from "../dist/index.js";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 31);
const OPS = Number(process.env.BENCH_OPS ?? 5_000);

// What @smithy/hash-node does (not installed here): node:crypto behind smithy's async Checksum interface.
class NodeHash {
  constructor(secret) {
    this.hash = secret === undefined ? createHash("sha256") : createHmac("sha256", secret);
  }
  update(data) {
    this.hash.update(typeof data === "string" ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  }
  async digest() {
    return new Uint8Array(this.hash.digest());
  }
}

const credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };
const common = { service: "s3", region: "us-east-1", credentials, uriEscapePath: false, applyChecksum: true };
const ours = new SignatureV4(common);
const peer = new SmithySignatureV4({ ...common, sha256: NodeHash });

const sdkHeaders = {
  host: "examplebucket.s3.us-east-1.amazonaws.com",
  "x-amz-user-agent": "aws-sdk-js/3.1175.0",
  "user-agent": "aws-sdk-js/3.1175.0 ua/2.1 os/linux lang/js md/nodejs#20.20.2",
  "amz-sdk-invocation-id": "4f3ab7c2-93f5-4f43-9b52-4a0d1d1f6e0e",
  "amz-sdk-request": "attempt=1; max=3",
};
const get = {
  method: "GET",
  protocol: "https:",
  hostname: "examplebucket.s3.us-east-1.amazonaws.com",
  path: "/photos/2026/key.txt",
  query: {},
  headers: sdkHeaders,
};
const body = new Uint8Array(1024).fill(97);
const put = {
  ...get,
  method: "PUT",
  headers: { ...sdkHeaders, "content-type": "application/octet-stream", "content-length": "1024" },
  body,
};

// The two must agree before their speed means anything.
{
  const signingDate = new Date("2026-11-27T13:00:00Z");
  for (const req of [get, put]) {
    const a = await ours.sign(req, { signingDate });
    const b = await peer.sign(req, { signingDate });
    if (a.headers.authorization !== b.headers.authorization) {
      throw new Error(`signatures differ:\n${a.headers.authorization}\n${b.headers.authorization}`);
    }
  }
}

const contenders = [
  ["ours GET", () => ours.sign(get)],
  ["peer GET", () => peer.sign(get)],
  ["ours PUT 1 KiB", () => ours.sign(put)],
  ["peer PUT 1 KiB", () => peer.sign(put)],
];

async function timeOps(fn, n) {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await fn();
  return Number(process.hrtime.bigint() - t0) / 1000 / n;
}

for (const [, fn] of contenders) await timeOps(fn, OPS); // warm-up
const samples = new Map(contenders.map(([name]) => [name, []]));
for (let r = 0; r < ROUNDS; r++) {
  const order = [...contenders].sort(() => Math.random() - 0.5);
  for (const [name, fn] of order) samples.get(name).push(await timeOps(fn, OPS));
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const m = Object.fromEntries([...samples].map(([name, xs]) => [name, median(xs)]));
console.log(`node ${process.version}, ${ROUNDS} interleaved rounds × ${OPS} ops, median µs/op`);
for (const [name] of contenders) console.log(`  ${name.padEnd(16)} ${m[name].toFixed(2)} µs/op`);
console.log(`  GET: peer/ours = ${(m["peer GET"] / m["ours GET"]).toFixed(1)}×; PUT: peer/ours = ${(m["peer PUT 1 KiB"] / m["ours PUT 1 KiB"]).toFixed(1)}×`);
