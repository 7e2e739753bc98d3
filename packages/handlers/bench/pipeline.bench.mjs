// Pipeline cost per GetObject with a canned in-process transport (no sockets): ours vs @aws-sdk/client-s3.
// Not a test. Run: pnpm --filter @sessionkit/handlers bench   (build first: pnpm turbo run build)
// Rounds are interleaved (every variant once per round, shuffled) and the median round is reported.
import { createRequire } from "node:module";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { Readable } from "node:stream";
import { fileURLToPath, pathToFileURL } from "node:url";
import { defaultHandlers, readBody, ServiceClient } from "../dist/index.js";

const here = dirname(fileURLToPath(import.meta.url));
const packages = join(here, "..", "..");
const ROUNDS = Number(process.env.ROUNDS ?? 7);
const OPS = Number(process.env.OPS ?? 20_000);
const BODY = new Uint8Array(1024).fill(97);
const HEADERS = {
  "content-length": "1024",
  "content-type": "application/octet-stream",
  etag: '"0f343b0931126a20f133d67c2b018a3b"',
  "last-modified": "Wed, 26 Nov 2026 10:00:00 GMT",
  "x-amz-request-id": "4442587FB7D0A2F9",
};

function cannedBody() {
  let done = false;
  return {
    bytes: () => Promise.resolve(BODY),
    [Symbol.asyncIterator]: () => ({
      next: () => {
        if (done) return Promise.resolve({ done: true, value: undefined });
        done = true;
        return Promise.resolve({ done: false, value: BODY });
      },
    }),
  };
}

const transport = { handle: () => Promise.resolve({ statusCode: 200, headers: { ...HEADERS }, body: cannedBody() }) };

function fakeCredentials() {
  const value = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", providerName: "Bench" };
  const get = () => Promise.resolve(value);
  return Object.assign(get, { get, providerName: "Bench", isExpired: () => false, expire() {}, expiresAt: () => undefined });
}

const config = {
  region: "us-east-1",
  credentials: fakeCredentials(),
  maxRetries: -1,
  logLevel: 0,
  logger: { log() {} },
  s3ForcePathStyle: true,
  disableSSL: false,
  transport,
  stsRegionalEndpoints: "legacy",
  s3UsEast1RegionalEndpoint: "legacy",
  disableParamValidation: false,
  clock: Date.now,
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
};

// A minimal REST GetObject on the bare pipeline: path from params, body read in unmarshal.
const GetObject = { name: "GetObject", httpMethod: "GET", httpPath: "/{Bucket}/{Key+}" };
class MiniS3 extends ServiceClient {
  constructor() {
    super({ config, handlers: defaultHandlers() }, { serviceName: "s3", apiVersion: "2006-03-01", defaultEndpoint: (r) => `https://s3.${r}.amazonaws.com` });
    this.handlers.build.pushBackNamed({
      name: "bench.Build",
      fn(r) {
        r.httpRequest.path = `/${r.params.Bucket}/${r.params.Key}`;
      },
    });
    this.handlers.unmarshal.pushBackNamed({
      name: "bench.Unmarshal",
      async fn(r) {
        const res = r.httpResponse;
        r.data = { Body: await readBody(res.body), ETag: res.headers.etag, ContentLength: Number(res.headers["content-length"]) };
      },
    });
  }
  getObject(params) {
    return this.send(GetObject, params);
  }
}

const variants = [];
const mini = new MiniS3();
variants.push({ name: "sessionkit pipeline (ServiceClient + defaultHandlers, no signing)", op: () => mini.getObject({ Bucket: "b", Key: "k" }) });

// Our real S3 client (REST-XML handlers + SigV4), when the workspace has built it.
const s3Dist = join(packages, "client-s3", "dist", "index.js");
if (existsSync(s3Dist)) {
  const { S3 } = await import(pathToFileURL(s3Dist).href);
  const s3 = new S3({ clientConfig: () => ({ config, handlers: defaultHandlers() }) });
  variants.push({
    name: "sessionkit @sessionkit/client-s3 getObject (SigV4, body read)",
    op: async () => {
      const out = await s3.getObject({ Bucket: "bucket", Key: "key" });
      for await (const _ of out.Body);
    },
  });
} else {
  console.log("(skipping @sessionkit/client-s3: packages/client-s3/dist not built)");
}

// The peer, resolved from the workspace package that depends on it.
try {
  const require = createRequire(join(packages, "client-s3", "package.json"));
  const { S3Client, GetObjectCommand } = require("@aws-sdk/client-s3");
  const peer = new S3Client({
    region: "us-east-1",
    credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" },
    requestHandler: {
      handle: async () => ({ response: { statusCode: 200, headers: { ...HEADERS }, body: Readable.from([Buffer.from(BODY)]) } }),
    },
  });
  variants.push({
    name: "peer @aws-sdk/client-s3 GetObjectCommand (body read)",
    op: async () => {
      const out = await peer.send(new GetObjectCommand({ Bucket: "bucket", Key: "key" }));
      await out.Body.transformToByteArray();
    },
    ops: Math.max(1000, Math.floor(OPS / 20)),
  });
} catch (err) {
  console.log(`(skipping peer: ${err.message})`);
}

async function round(v, ops) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < ops; i++) await v.op();
  return Number(process.hrtime.bigint() - start) / 1000 / ops; // µs/op
}

async function round32(v, ops) {
  let next = 0;
  const start = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      while (next++ < ops) await v.op();
    }),
  );
  return Number(process.hrtime.bigint() - start) / 1000 / ops;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const shuffle = (xs) => xs.map((x) => [Math.random(), x]).sort((a, b) => a[0] - b[0]).map(([, x]) => x);

for (const v of variants) {
  v.c1 = [];
  v.c32 = [];
  await round(v, Math.min(2000, v.ops ?? OPS)); // warm up
}
for (let r = 0; r < ROUNDS; r++) {
  for (const v of shuffle(variants)) {
    v.c1.push(await round(v, v.ops ?? OPS));
    v.c32.push(await round32(v, v.ops ?? OPS));
  }
}
console.log(`node ${process.version}; ${ROUNDS} interleaved rounds; median µs/op (ops/s)`);
for (const v of variants) {
  const a = median(v.c1);
  const b = median(v.c32);
  console.log(`${v.name}\n  c=1:  ${a.toFixed(2)} µs/op (${Math.round(1e6 / a).toLocaleString("en")} ops/s)\n  c=32: ${b.toFixed(2)} µs/op (${Math.round(1e6 / b).toLocaleString("en")} ops/s)`);
}
