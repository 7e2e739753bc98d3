// Cost per call of the whole client pipeline with a canned in-process transport (no sockets): ours vs
// @aws-sdk/client-s3, GetObject (1 KiB body read), PutObject (1 KiB, payload hashed) and ListBuckets.
// Not a test. Run: pnpm turbo run build --filter=@sessionkit/client-s3... && pnpm --filter @sessionkit/client-s3 bench
// Rounds are interleaved (every contender once per round, in a shuffled order); the median round is reported.
import { Readable } from "node:stream";
import { GetObjectCommand, ListBucketsCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { CoreHandlers, defaultHandlers, sleep } from "@sessionkit/handlers";
import { interleavedBatches } from "../../../tooling/bench/src/workers/batches.mjs";
import { S3 } from "../dist/index.js";

const ROUNDS = Number(process.env.ROUNDS ?? 9);
const BATCH_MS = Number(process.env.BATCH_MS ?? 150);
const OBJECT_1K = Buffer.alloc(1024, "sessionkit-bench ");
const COMMON = { "x-amz-request-id": "4442587FB7D0A2F9", "x-amz-id-2": "bench", date: "Fri, 27 Nov 2026 13:00:00 GMT" };
const LIST = Buffer.from(
  `<?xml version="1.0" encoding="UTF-8"?>\n<ListAllMyBucketsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Owner><ID>75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a</ID><DisplayName>bench</DisplayName></Owner><Buckets>${["logs", "photos", "backups"]
    .map((n) => `<Bucket><Name>bench-${n}</Name><CreationDate>2026-11-27T13:00:00.000Z</CreationDate></Bucket>`)
    .join("")}</Buckets></ListAllMyBucketsResult>`,
);
const CANNED = {
  getObject: {
    statusCode: 200,
    headers: { ...COMMON, "content-type": "application/octet-stream", "content-length": "1024", etag: '"d41d8cd98f00b204e9800998ecf8427e"', "last-modified": "Fri, 27 Nov 2026 12:00:00 GMT" },
    body: OBJECT_1K,
  },
  putObject: { statusCode: 200, headers: { ...COMMON, etag: '"0f343b0931126a20f133d67c2b018a3b"', "content-length": "0" }, body: Buffer.alloc(0) },
  listBuckets: { statusCode: 200, headers: { ...COMMON, "content-type": "application/xml", "content-length": String(LIST.length) }, body: LIST },
};
// What a real transport hands over to both clients: fresh headers and a one-shot Node stream.
const respond = (op) => ({ statusCode: CANNED[op].statusCode, headers: { ...CANNED[op].headers }, body: Readable.from([CANNED[op].body]) });

const keys = { accessKeyId: "AKIDBENCH", secretAccessKey: "benchSecret" };

// Peer: a custom requestHandler is the documented way to plug a transport into v3.
const peer = (op) => new S3Client({ region: "us-east-1", credentials: keys, requestHandler: { handle: async () => ({ response: respond(op) }) } });

// Ours: a ClientConfigProvider in a few lines (what a session hands over), the transport a config option.
function ours(op) {
  const value = { ...keys, providerName: "Bench" };
  const get = () => Promise.resolve(value);
  const credentials = Object.assign(get, { get, providerName: "Bench", isExpired: () => false, expire() {}, expiresAt: () => undefined });
  const config = {
    region: "us-east-1",
    credentials,
    maxRetries: -1,
    logLevel: 0,
    logger: { log() {} },
    s3ForcePathStyle: false,
    disableSSL: false,
    transport: { handle: async () => respond(op) },
    stsRegionalEndpoints: "regional",
    s3UsEast1RegionalEndpoint: "legacy",
    disableParamValidation: false,
    clock: Date.now,
    sleep,
  };
  const handlers = defaultHandlers();
  handlers.validate.pushBackNamed(CoreHandlers.ValidateParametersHandler);
  return new S3({ clientConfig: () => ({ config, handlers }) });
}

const p = { getObject: peer("getObject"), putObject: peer("putObject"), listBuckets: peer("listBuckets") };
const o = { getObject: ours("getObject"), putObject: ours("putObject"), listBuckets: ours("listBuckets") };
const contenders = {
  "GetObject ours": async () => (await (await o.getObject.getObject({ Bucket: "bench", Key: "object-1k" })).Body.transformToByteArray()).length,
  "GetObject peer": async () => (await (await p.getObject.send(new GetObjectCommand({ Bucket: "bench", Key: "object-1k" }))).Body.transformToByteArray()).length,
  "PutObject 1 KiB ours": async () => (await o.putObject.putObject({ Bucket: "bench", Key: "object-1k", Body: OBJECT_1K })).ETag,
  "PutObject 1 KiB peer": async () => (await p.putObject.send(new PutObjectCommand({ Bucket: "bench", Key: "object-1k", Body: OBJECT_1K }))).ETag,
  "ListBuckets ours": async () => (await o.listBuckets.listBuckets()).Buckets.length,
  "ListBuckets peer": async () => (await p.listBuckets.send(new ListBucketsCommand({}))).Buckets.length,
};

// Both must give the right answer before they are timed; then warm the JIT.
const expected = { GetObject: 1024, PutObject: CANNED.putObject.headers.etag, ListBuckets: 3 };
for (const [name, fn] of Object.entries(contenders)) {
  const got = await fn();
  const want = expected[name.split(" ")[0]];
  if (got !== want) throw new Error(`${name} returned ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
  for (let i = 0; i < 500; i++) await fn();
}

const samples = await interleavedBatches(contenders, ROUNDS, BATCH_MS);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`client pipeline, canned transport, node ${process.version}, ${ROUNDS} interleaved rounds of ${BATCH_MS} ms, median µs/op`);
console.log("| operation | ours µs/op | @aws-sdk/client-s3 µs/op | ratio |");
console.log("| --- | ---: | ---: | ---: |");
for (const op of ["GetObject", "PutObject 1 KiB", "ListBuckets"]) {
  const a = median(samples[`${op} ours`]);
  const b = median(samples[`${op} peer`]);
  console.log(`| ${op} | ${a.toFixed(1)} | ${b.toFixed(1)} | ${(b / a).toFixed(1)}× faster |`);
}
