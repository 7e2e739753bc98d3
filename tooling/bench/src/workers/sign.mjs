// 6. Signing a GET and a PUT (1 KiB body, hashed): `node sign.mjs <rounds> <withOurs 0|1>`.
// Both signers get a fresh plain request per call and sign in S3 mode with default signing time.
import { createHash, createHmac } from "node:crypto";
import { SignatureV4 as PeerSigner } from "@smithy/signature-v4";
import { checkAndWarm, interleavedBatches } from "./batches.mjs";

const [roundsArg, withOursArg] = process.argv.slice(2);
const rounds = Number(roundsArg);
const BATCH_MS = 25;
const credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };
const BODY = new Uint8Array(1024).fill(97);

// @smithy/signature-v4 takes a hash constructor; this is what @smithy/hash-node does, over node:crypto.
class Sha256 {
  constructor(secret) {
    this.secret = secret;
    this.reset();
  }
  update(data) {
    this.hash.update(typeof data === "string" ? Buffer.from(data) : data);
  }
  digest() {
    return Promise.resolve(new Uint8Array(this.hash.digest()));
  }
  reset() {
    this.hash = this.secret === undefined ? createHash("sha256") : createHmac("sha256", this.secret);
  }
}

// The headers a client has set by signing time (host, user agent, invocation id, retry info).
const HOST = "examplebucket.s3.us-east-1.amazonaws.com";
const CLIENT_HEADERS = {
  host: HOST,
  "user-agent": "aws-sdk-js/3.1175.0 ua/2.1 os/linux lang/js md/nodejs#20.20.2",
  "x-amz-user-agent": "aws-sdk-js/3.1175.0",
  "amz-sdk-invocation-id": "4f3ab7c2-93f5-4f43-9b52-4a0d1d1f6e0e",
  "amz-sdk-request": "attempt=1; max=3",
};
const request = (method) => ({
  method,
  protocol: "https:",
  hostname: HOST,
  path: "/photos/2026/11/puppy.jpg",
  query: {},
  headers: method === "PUT" ? { ...CLIENT_HEADERS, "content-type": "image/jpeg", "content-length": "1024" } : { ...CLIENT_HEADERS },
  body: method === "PUT" ? BODY : undefined,
});

const peer = new PeerSigner({ credentials, region: "us-east-1", service: "s3", sha256: Sha256, uriEscapePath: false, applyChecksum: true });
const ops = {
  "peer.get": () => peer.sign(request("GET")),
  "peer.put": () => peer.sign(request("PUT")),
};
let ours;
if (withOursArg === "1") {
  const { SignatureV4 } = await import("@sessionkit/signature-v4");
  ours = new SignatureV4({ credentials, region: "us-east-1", service: "s3", uriEscapePath: false });
  ops["ours.get"] = () => ours.sign(request("GET"));
  ops["ours.put"] = () => ours.sign(request("PUT"));
}

const errors = {};
// Same request, same instant: both signers must produce the same Authorization before their speed means anything.
if (ours) {
  const signingDate = new Date("2026-11-27T13:00:00Z");
  for (const method of ["GET", "PUT"]) {
    const a = (await ours.sign(request(method), { signingDate })).headers.authorization;
    const b = (await peer.sign(request(method), { signingDate })).headers.authorization;
    if (a !== b) errors[`ours.${method.toLowerCase()}`] = `signature differs from @smithy/signature-v4 for ${method}: ${a} vs ${b}`;
  }
}
for (const id of Object.keys(errors)) delete ops[id];
Object.assign(
  errors,
  await checkAndWarm(
    ops,
    (_id, signed) => {
      const auth = signed.headers.authorization ?? signed.headers.Authorization;
      if (!/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-east-1\/s3\/aws4_request, SignedHeaders=.*, Signature=[0-9a-f]{64}$/.test(auth ?? "")) {
        throw new Error(`no valid Authorization header: ${auth}`);
      }
    },
    2000,
  ),
);
const samples = await interleavedBatches(ops, rounds, BATCH_MS);
console.log(JSON.stringify({ samples, errors }));
