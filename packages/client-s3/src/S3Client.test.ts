// The modular style: an S3Client with no operation methods, plus one function per operation. Same wire
// requests and outputs as the S3 class, checked as data.
import assert from "node:assert/strict";
import { test } from "node:test";
import { defaultHandlers } from "@sessionkit/handlers";
import type { HttpRequest } from "@sessionkit/types";
import { type Canned, cannedTransport, testCredentials, testProvider } from "../test/testProvider.js";
import {
  buildRequest,
  copyObject,
  createBucket,
  deleteBucket,
  deleteObject,
  deleteObjects,
  GetObject,
  getObject,
  headBucket,
  headObject,
  ListBuckets,
  ListObjectsV2,
  listBuckets,
  listObjectsV2,
  paginateListObjectsV2,
  putObject,
  S3,
  S3Client,
} from "./index.js";

const noSleep = async () => {};

function modular(respond: (r: HttpRequest, i: number) => Canned) {
  const transport = cannedTransport(respond);
  return { client: new S3Client(testProvider({ transport, sleep: noSleep })), sent: transport.sent };
}

const line = (r: HttpRequest) => `${r.method} ${r.hostname}${r.path}${Object.keys(r.query).length ? `?${Object.keys(r.query).sort().join("&")}` : ""}`;

test("S3Client has the class's handlers but no operation methods", () => {
  const { client } = modular(() => ({}));
  assert.deepEqual(
    [client.handlers.build.names(), client.handlers.sign.names(), client.handlers.unmarshal.names(), client.handlers.retry.names()],
    [
      ["core.SDKVersionUserAgentHandler", "s3.BuildHandler"],
      ["core.BuildContentLengthHandler", "v4.SignRequestHandler"],
      ["s3.UnmarshalHandler"],
      ["v4.ClockSkewHandler", "s3.RetryErrorIn200Handler"],
    ],
  );
  // buildRequest is a function, like the operations: an app that never presigns does not bundle it.
  const methods = Object.getOwnPropertyNames(S3Client.prototype).sort();
  assert.deepEqual(methods, ["constructor", "sendOperation"]);
  assert.ok(new S3(testProvider({ transport: cannedTransport(() => ({})) })) instanceof S3Client);
});

test("listBuckets(client) parses the same output as s3.listBuckets()", async () => {
  const body =
    "<ListAllMyBucketsResult><Owner><ID>o1</ID></Owner><Buckets><Bucket><Name>a</Name><CreationDate>2024-01-02T03:04:05.000Z</CreationDate></Bucket></Buckets></ListAllMyBucketsResult>";
  const { client, sent } = modular(() => ({ body }));
  const out = await listBuckets(client);
  assert.deepEqual(out.Buckets, [{ Name: "a", CreationDate: new Date("2024-01-02T03:04:05.000Z") }]);
  assert.deepEqual(out.Owner, { ID: "o1" });
  assert.equal(out.$metadata.httpStatusCode, 200);
  assert.deepEqual(sent.map((s) => line(s.request)), ["GET s3.amazonaws.com/"]);
});

test("every operation function sends the same request as the S3 method of the same name", async () => {
  const calls: Array<[string, (c: S3Client) => Promise<unknown>, (s: S3) => Promise<unknown>]> = [
    ["createBucket", (c) => createBucket(c, { Bucket: "b" }), (s) => s.createBucket({ Bucket: "b" })],
    ["headBucket", (c) => headBucket(c, { Bucket: "b" }), (s) => s.headBucket({ Bucket: "b" })],
    ["deleteBucket", (c) => deleteBucket(c, { Bucket: "b" }), (s) => s.deleteBucket({ Bucket: "b" })],
    ["putObject", (c) => putObject(c, { Bucket: "b", Key: "k", Body: "x" }), (s) => s.putObject({ Bucket: "b", Key: "k", Body: "x" })],
    ["getObject", (c) => getObject(c, { Bucket: "b", Key: "k" }), (s) => s.getObject({ Bucket: "b", Key: "k" })],
    ["headObject", (c) => headObject(c, { Bucket: "b", Key: "k" }), (s) => s.headObject({ Bucket: "b", Key: "k" })],
    ["deleteObject", (c) => deleteObject(c, { Bucket: "b", Key: "k" }), (s) => s.deleteObject({ Bucket: "b", Key: "k" })],
    [
      "deleteObjects",
      (c) => deleteObjects(c, { Bucket: "b", Delete: { Objects: [{ Key: "k" }] } }),
      (s) => s.deleteObjects({ Bucket: "b", Delete: { Objects: [{ Key: "k" }] } }),
    ],
    ["listObjectsV2", (c) => listObjectsV2(c, { Bucket: "b" }), (s) => s.listObjectsV2({ Bucket: "b" })],
    [
      "copyObject",
      (c) => copyObject(c, { Bucket: "b", Key: "k", CopySource: "s/k" }),
      (s) => s.copyObject({ Bucket: "b", Key: "k", CopySource: "s/k" }),
    ],
  ];
  const body = (r: HttpRequest): Canned => (r.method === "POST" ? { body: "<DeleteResult/>" } : r.query["list-type"] ? { body: "<ListBucketResult/>" } : { body: r.method === "PUT" && r.headers["x-amz-copy-source"] ? "<CopyObjectResult><ETag>e</ETag></CopyObjectResult>" : "" });
  const viaFunctions = modular(body);
  const viaClass = cannedTransport(body);
  const s3 = new S3(testProvider({ transport: viaClass, sleep: noSleep }));
  for (const [, fn, method] of calls) {
    await fn(viaFunctions.client);
    await method(s3);
  }
  const wire = (r: HttpRequest) => [line(r), r.headers["content-md5"], r.headers["x-amz-content-sha256"], r.headers["x-amz-copy-source"]];
  assert.equal(viaFunctions.sent.length, calls.length);
  assert.deepEqual(viaFunctions.sent.map((s) => wire(s.request)), viaClass.sent.map((s) => wire(s.request)));
});

test("options reach the call: unsignedPayload signs UNSIGNED-PAYLOAD", async () => {
  const { client, sent } = modular(() => ({}));
  await putObject(client, { Bucket: "b", Key: "k", Body: "x" }, { unsignedPayload: true });
  assert.deepEqual(sent.map((s) => s.request.headers["x-amz-content-sha256"]), ["UNSIGNED-PAYLOAD"]);
});

test("paginateListObjectsV2 takes a plain S3Client", async () => {
  const pages = ["<ListBucketResult><IsTruncated>true</IsTruncated><NextContinuationToken>t1</NextContinuationToken><KeyCount>1</KeyCount></ListBucketResult>", "<ListBucketResult><IsTruncated>false</IsTruncated><KeyCount>2</KeyCount></ListBucketResult>"];
  const { client, sent } = modular((_r, i) => ({ body: pages[i] ?? "" }));
  const counts: number[] = [];
  for await (const p of paginateListObjectsV2({ client }, { Bucket: "b" })) counts.push(p.KeyCount ?? -1);
  assert.deepEqual(counts, [1, 2]);
  assert.deepEqual(sent.map((s) => s.request.query["continuation-token"] ?? null), [null, "t1"]);
});

test("LogDebugWithSigning: S3Client's signer logs Go's signing block through the debug handlers, token redacted", async () => {
  const body = "<ListAllMyBucketsResult><Buckets></Buckets></ListAllMyBucketsResult>";
  const signingLines = async (setUp: (c: S3Client) => void) => {
    const lines: string[] = [];
    const provider = testProvider({
      transport: cannedTransport(() => ({ body })),
      sleep: noSleep,
      logLevel: 0x1001,
      logger: { log: (...args: unknown[]) => lines.push(args.join(" ")) },
      keys: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret", sessionToken: "token-not-shown" },
      clock: () => Date.UTC(2026, 10, 27, 13, 0, 0),
    });
    const client = new S3Client(provider);
    setUp(client);
    await listBuckets(client);
    return lines.filter((l) => l.startsWith("DEBUG: Request Signature:"));
  };
  const logged = await signingLines(() => {});
  const without = await signingLines((c) => c.handlers.sign.removeByName("awssdk.v4.LogSigning"));
  assert.equal(logged.length, 1);
  assert.match(logged[0] ?? "", /^DEBUG: Request Signature:\n---\[ CANONICAL STRING {2}\]-+\nGET\n\/\n/);
  assert.match(logged[0] ?? "", /x-amz-security-token:<redacted>\n/);
  assert.match(logged[0] ?? "", /---\[ STRING TO SIGN \]-+\nAWS4-HMAC-SHA256\n20261127T130000Z\n20261127\/us-east-1\/s3\/aws4_request\n[0-9a-f]{64}\n-{53}$/);
  assert.doesNotMatch(logged[0] ?? "", /token-not-shown/);
  assert.deepEqual(without, [], "without the debug handlers the signer writes no signing log");
});

test("a client given only region, credentials and transport runs every other setting at its default", async () => {
  const before = Date.now();
  const transport = cannedTransport((_r, i) =>
    i < 3 ? { status: 500, body: "<Error><Code>InternalError</Code></Error>" } : { body: "<ListAllMyBucketsResult><Buckets/></ListAllMyBucketsResult>" },
  );
  const credentials = testCredentials({ accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" });
  const client = new S3Client({ clientConfig: () => ({ config: { region: "us-east-1", credentials, transport }, handlers: defaultHandlers() }) });
  const logged: unknown[] = [];
  const log = console.log;
  console.log = (...args: unknown[]) => void logged.push(args);
  let out: Awaited<ReturnType<typeof listBuckets>>;
  try {
    out = await listBuckets(client);
  } finally {
    console.log = log;
  }
  const signedAt = (r: HttpRequest) => Date.parse((r.headers["x-amz-date"] as string).replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, "$1-$2-$3T$4:$5:$6Z"));
  assert.deepEqual(
    {
      // https, the us-east-1 global endpoint (legacy), 3 retries after the first attempt, nothing logged.
      sent: transport.sent.map((s) => `${s.request.protocol}//${line(s.request)}`),
      attempts: out.$metadata.attempts,
      signed: transport.sent.every((s) => String(s.request.headers.authorization).startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")),
      // The clock is Date.now (x-amz-date has whole seconds).
      clock: transport.sent.every((s) => signedAt(s.request) >= Math.floor(before / 1000) * 1000 && signedAt(s.request) <= Date.now()),
      logged,
    },
    { sent: Array(4).fill("https://GET s3.amazonaws.com/"), attempts: 4, signed: true, clock: true, logged: [] },
  );
  // Virtual-hosted addressing unless the bucket cannot be a host label (or has dots under https); validation on.
  assert.deepEqual(
    ["my-bucket", "my.bucket"].map((Bucket) => line(buildRequest(client, ListObjectsV2, { Bucket }))),
    ["GET my-bucket.s3.amazonaws.com/?list-type", "GET s3.amazonaws.com/my.bucket?list-type"],
  );
  assert.throws(() => buildRequest(client, ListObjectsV2, {} as { Bucket: string }), { code: "InvalidParameter" });
});

test("buildRequest gives the addressed, unsigned wire request, or throws the client's endpoint error", () => {
  const { client } = modular(() => ({}));
  const http = buildRequest(client, GetObject, { Bucket: "bkt", Key: "a b+c/ü", VersionId: "v1" });
  assert.deepEqual(
    { line: line(http), path: http.path, query: http.query, signed: "authorization" in http.headers, host: http.headers.host },
    { line: "GET bkt.s3.amazonaws.com/a%20b%2Bc/%C3%BC?versionId", path: "/a%20b%2Bc/%C3%BC", query: { versionId: "v1" }, signed: false, host: "bkt.s3.amazonaws.com" },
  );
  const broken = new S3Client(testProvider({ transport: cannedTransport(() => ({})), endpoint: "http://[bad" }));
  assert.throws(() => buildRequest(broken, ListBuckets, {}), { code: "InvalidEndpointURL" });
});
