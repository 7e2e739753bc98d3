// The S3 client over the real pipeline and signer, with a canned in-process transport: what goes on the
// wire (host, path, query, headers, body) and what comes back (outputs, typed errors) as data.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { test } from "node:test";
import { SdkError } from "@sessionkit/errors";
import type { HttpRequest } from "@sessionkit/types";
import { type Canned, cannedTransport, testProvider, type TestProviderOptions } from "../test/testProvider.js";
import { copySource, paginateListObjectsV2, presignGetObject, presignPutObject, S3, S3ServiceError } from "./index.js";

const AWS_NS = "http://s3.amazonaws.com/doc/2006-03-01/";
const S3RVER_NS = "http://doc.s3.amazonaws.com/2006-03-01/";
const noSleep = async () => {};

function client(respond: (r: HttpRequest, i: number) => Canned, options: Omit<TestProviderOptions, "transport"> = {}) {
  const transport = cannedTransport(respond);
  const s3 = new S3(testProvider({ transport, sleep: noSleep, ...options }));
  return { s3, sent: transport.sent };
}

const url = (r: HttpRequest) => {
  const q = Object.entries(r.query)
    .map(([k, v]) => (v === null ? k : `${k}=${String(v)}`))
    .sort()
    .join("&");
  return `${r.method} ${r.protocol}//${r.hostname}${r.port ? `:${r.port}` : ""}${r.path}${q ? `?${q}` : ""}`;
};

const sha256 = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");

async function rejection(p: Promise<unknown>): Promise<S3ServiceError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof S3ServiceError, `expected S3ServiceError, got ${String(err)}`);
    return err;
  }
  assert.fail("expected a rejection");
}

test("the client adds S3's handlers to its own copy of the lists", () => {
  const { s3 } = client(() => ({}));
  assert.deepEqual(
    {
      build: s3.handlers.build.names(),
      sign: s3.handlers.sign.names(),
      unmarshal: s3.handlers.unmarshal.names(),
      unmarshalError: s3.handlers.unmarshalError.names(),
      retry: s3.handlers.retry.names(),
    },
    {
      build: ["core.SDKVersionUserAgentHandler", "s3.BuildHandler"],
      sign: ["core.BuildContentLengthHandler", "v4.SignRequestHandler"],
      unmarshal: ["s3.UnmarshalHandler"],
      unmarshalError: ["s3.UnmarshalErrorHandler"],
      retry: ["v4.ClockSkewHandler", "s3.RetryErrorIn200Handler"],
    },
  );
  assert.equal(s3.clientInfo.endpoint, "https://s3.amazonaws.com");
  assert.equal(s3.clientInfo.signingName, "s3");
});

test("ListBuckets parses AWS's and s3rver's namespaces alike", async () => {
  for (const ns of [AWS_NS, S3RVER_NS]) {
    const body = `<?xml version="1.0" encoding="UTF-8"?><ListAllMyBucketsResult xmlns="${ns}"><Owner><ID>o1</ID><DisplayName>me</DisplayName></Owner><Buckets><Bucket><Name>a-bucket</Name><CreationDate>2024-01-02T03:04:05.000Z</CreationDate></Bucket><Bucket><Name>b&amp;c</Name><CreationDate>2024-02-03T04:05:06Z</CreationDate></Bucket></Buckets></ListAllMyBucketsResult>`;
    const { s3, sent } = client(() => ({ body, headers: { "x-amz-request-id": "req-1", "x-amz-id-2": "host-1" } }));
    const out = await s3.listBuckets();
    assert.deepEqual(out, {
      Buckets: [
        { Name: "a-bucket", CreationDate: new Date("2024-01-02T03:04:05.000Z") },
        { Name: "b&c", CreationDate: new Date("2024-02-03T04:05:06Z") },
      ],
      Owner: { ID: "o1", DisplayName: "me" },
      $metadata: { httpStatusCode: 200, requestId: "req-1", extendedRequestId: "host-1", attempts: 1 },
    });
    assert.deepEqual(sent.map((s) => url(s.request)), ["GET https://s3.amazonaws.com/"]);
    const headers = sent[0]?.request.headers ?? {};
    assert.equal(headers["x-amz-content-sha256"], sha256(""));
    assert.match(headers.authorization ?? "", /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-east-1\/s3\/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=[0-9a-f]{64}$/);
  }
});

test("an empty bucket list is an empty array", async () => {
  const { s3 } = client(() => ({ body: `<ListAllMyBucketsResult><Owner><ID>x</ID></Owner><Buckets/></ListAllMyBucketsResult>` }));
  assert.deepEqual((await s3.listBuckets()).Buckets, []);
});

test("addressing: virtual-hosted by default, path-style when forced, for IP/localhost endpoints and non-DNS buckets", async () => {
  const key = "dir/a b+c=ü.txt";
  const encoded = "dir/a%20b%2Bc%3D%C3%BC.txt";
  const rows: [Omit<TestProviderOptions, "transport">, string, string][] = [
    [{}, "my-bucket", `GET https://my-bucket.s3.amazonaws.com/${encoded}`],
    [{ s3ForcePathStyle: true }, "my-bucket", `GET https://s3.amazonaws.com/my-bucket/${encoded}`],
    [{ region: "eu-west-1" }, "my-bucket", `GET https://my-bucket.s3.eu-west-1.amazonaws.com/${encoded}`],
    [{ s3UsEast1RegionalEndpoint: "regional" }, "my-bucket", `GET https://my-bucket.s3.us-east-1.amazonaws.com/${encoded}`],
    [{ region: "cn-north-1" }, "my-bucket", `GET https://my-bucket.s3.cn-north-1.amazonaws.com.cn/${encoded}`],
    [{ disableSSL: true }, "my.dotted.bucket", `GET http://my.dotted.bucket.s3.amazonaws.com/${encoded}`],
    [{}, "my.dotted.bucket", `GET https://s3.amazonaws.com/my.dotted.bucket/${encoded}`],
    [{}, "Upper_Case", `GET https://s3.amazonaws.com/Upper_Case/${encoded}`],
    [{ endpoint: "http://127.0.0.1:9000" }, "my-bucket", `GET http://127.0.0.1:9000/my-bucket/${encoded}`],
    [{ endpoint: "http://localhost:9000/base" }, "my-bucket", `GET http://localhost:9000/base/my-bucket/${encoded}`],
    [{ endpoint: "https://storage.example.com" }, "my-bucket", `GET https://my-bucket.storage.example.com/${encoded}`],
  ];
  for (const [options, bucket, want] of rows) {
    const { s3, sent } = client(() => ({ body: "x" }), options);
    await s3.getObject({ Bucket: bucket, Key: key });
    const r = sent[0]?.request;
    assert.ok(r);
    assert.equal(url(r), want, JSON.stringify(options));
    // The signed host is the one the request goes to.
    assert.equal(r.headers.host, `${r.hostname}${r.port ? `:${r.port}` : ""}`);
  }
});

test("bucket-level operations address the bucket without a key", async () => {
  const { s3, sent } = client(() => ({}), { s3ForcePathStyle: true });
  await s3.headBucket({ Bucket: "b1" });
  await s3.deleteBucket({ Bucket: "b1" });
  await s3.createBucket({ Bucket: "b1" });
  const { s3: vh, sent: sentVh } = client(() => ({}));
  await vh.headBucket({ Bucket: "b1x" });
  assert.deepEqual(
    [...sent, ...sentVh].map((s) => url(s.request)),
    ["HEAD https://s3.amazonaws.com/b1", "DELETE https://s3.amazonaws.com/b1", "PUT https://s3.amazonaws.com/b1", "HEAD https://b1x.s3.amazonaws.com/"],
  );
});

test("a region that would change the endpoint's host is InvalidRegion for calls and presigned URLs alike", async () => {
  const { s3, sent } = client(() => ({ status: 200, body: "" }), { region: "us-east-1.evil.com#" });
  const outcomes = [];
  for (const attempt of [() => s3.listBuckets(), () => presignGetObject(s3, { Bucket: "b", Key: "k" })]) {
    outcomes.push(await attempt().then(String, (e: Error) => e.message));
  }
  assert.deepEqual(outcomes, ['InvalidRegion: invalid region "us-east-1.evil.com#"', 'InvalidRegion: invalid region "us-east-1.evil.com#"']);
  assert.equal(sent.length, 0);
});

test("a bucket name with '/' is an InvalidParameter before anything is sent (it would address an object)", async () => {
  // Sent as is, deleteBucket("b/victim") was DELETE /b/victim: it deleted the object `victim` (RGW decodes %2F too).
  const { s3, sent } = client(() => ({}), { endpoint: "http://127.0.0.1:9000" });
  const outcomes: string[] = [];
  for (const call of [
    () => s3.deleteBucket({ Bucket: "b/victim" }),
    () => s3.headBucket({ Bucket: "b/victim" }),
    () => s3.getObject({ Bucket: "b/dir", Key: "k" }),
    () => s3.listObjectsV2({ Bucket: "/b" }),
  ]) {
    await call().then(
      () => outcomes.push("sent"),
      (e: { code: string; message: string; operation: string }) => outcomes.push(`${e.operation} ${e.message}`),
    );
  }
  assert.deepEqual(
    outcomes,
    ["s3/DeleteBucket", "s3/HeadBucket", "s3/GetObject", "s3/ListObjectsV2"].map((op) => `${op} InvalidParameter: Bucket must be a non-empty string without /`),
  );
  assert.equal(sent.length, 0);
});

test("CreateBucket sends LocationConstraint outside us-east-1 on AWS, never to a configured endpoint", async () => {
  const bodies: string[] = [];
  for (const options of [{ region: "us-west-2" }, { region: "us-east-1" }, { region: "us-west-2", endpoint: "http://127.0.0.1:1" }]) {
    const { s3, sent } = client(() => ({ headers: { location: "/b1" } }), options);
    const out = await s3.createBucket({ Bucket: "b1" });
    assert.equal(out.Location, "/b1");
    bodies.push(new TextDecoder().decode(sent[0]?.body));
  }
  const { s3, sent } = client(() => ({}));
  await s3.createBucket({ Bucket: "b1", ACL: "private", CreateBucketConfiguration: { LocationConstraint: "eu-<x>" } });
  bodies.push(new TextDecoder().decode(sent[0]?.body));
  assert.equal(sent[0]?.request.headers["x-amz-acl"], "private");
  assert.deepEqual(bodies, [
    `<CreateBucketConfiguration xmlns="${AWS_NS}"><LocationConstraint>us-west-2</LocationConstraint></CreateBucketConfiguration>`,
    "",
    "",
    `<CreateBucketConfiguration xmlns="${AWS_NS}"><LocationConstraint>eu-&lt;x&gt;</LocationConstraint></CreateBucketConfiguration>`,
  ]);
});

test("PutObject: real payload hash for text and bytes, UNSIGNED-PAYLOAD when asked or for streams", async () => {
  const { s3, sent } = client(() => ({ headers: { etag: '"abc"', "x-amz-version-id": "v1" } }));
  const text = "hello ✓";
  const bytes = new Uint8Array([0, 1, 2, 255]);
  async function* stream() {
    yield new Uint8Array([1, 2]);
    yield new Uint8Array([3]);
  }
  const out = await s3.putObject({ Bucket: "b", Key: "k", Body: text, ContentType: "text/plain", Metadata: { color: "blue" } });
  await s3.putObject({ Bucket: "b", Key: "k", Body: bytes });
  await s3.putObject({ Bucket: "b", Key: "k", Body: text }, { unsignedPayload: true });
  await s3.putObject({ Bucket: "b", Key: "k", Body: stream(), ContentLength: 3 });
  await s3.putObject({ Bucket: "b", Key: "k" });
  assert.deepEqual(out, { ETag: '"abc"', VersionId: "v1", $metadata: { httpStatusCode: 200, requestId: undefined, extendedRequestId: undefined, attempts: 1 } });
  assert.deepEqual(
    sent.map((s) => [s.request.headers["x-amz-content-sha256"], s.request.headers["content-length"], Array.from(s.body).length]),
    [
      [sha256(text), "9", 9],
      [sha256(bytes), "4", 4],
      ["UNSIGNED-PAYLOAD", "9", 9],
      ["UNSIGNED-PAYLOAD", "3", 3],
      [sha256(""), "0", 0],
    ],
  );
  assert.equal(sent[0]?.request.headers["content-type"], "text/plain");
  assert.equal(sent[0]?.request.headers["x-amz-meta-color"], "blue");
  assert.match(sent[0]?.request.headers.authorization ?? "", /SignedHeaders=content-length;content-type;host;x-amz-content-sha256;x-amz-date;x-amz-meta-color,/);
});

test("PutObject with a stream and no ContentLength is a typed error before anything is sent", async () => {
  const { s3, sent } = client(() => ({}));
  async function* stream() {
    yield new Uint8Array([1]);
  }
  await assert.rejects(s3.putObject({ Bucket: "b", Key: "k", Body: stream() }), {
    code: "InvalidParameter",
    message: "InvalidParameter: PutObjectInput.ContentLength is required when Body is a stream",
    operation: "s3/PutObject",
  });
  assert.equal(sent.length, 0);
});

/** A client whose transport reads the body as a socket writer would; `received()` is how many bytes it got. */
function bodyReadingClient() {
  let received = 0;
  const s3 = new S3(
    testProvider({
      transport: {
        async handle(request) {
          for await (const chunk of request.body as AsyncIterable<Uint8Array>) received += chunk.byteLength;
          return { statusCode: 200, headers: {}, body: (async function* () {})() };
        },
      },
    }),
  );
  return { s3, received: () => received };
}

test("PutObject holds a stream to its ContentLength: more or fewer bytes fail typed, the excess is never sent", async () => {
  const outcomes: string[] = [];
  for (const sizes of [[4, 6], [4, 4], [4, 6, 5]]) {
    const { s3, received } = bodyReadingClient();
    async function* stream() {
      for (const n of sizes) yield new Uint8Array(n);
    }
    const outcome = await s3.putObject({ Bucket: "b", Key: "k", Body: stream(), ContentLength: 10 }).then(
      (out) => `${out.$metadata.httpStatusCode}`,
      (e: { code: string; message: string }) => `${e.code}: ${e.message}`,
    );
    outcomes.push(`${sizes.join("+")} → ${outcome}; transport got ${received()}`);
  }
  assert.deepEqual(outcomes, [
    "4+6 → 200; transport got 10",
    "4+4 → InvalidParameter: InvalidParameter: PutObjectInput.Body has 8 bytes, its ContentLength says 10; transport got 8",
    "4+6+5 → InvalidParameter: InvalidParameter: PutObjectInput.Body has more bytes than its ContentLength of 10; transport got 10",
  ]);
});

test("Metadata keys that differ only by case are refused before sending, naming both (HTTP would send one header twice)", async () => {
  const { s3, sent } = client(() => ({}));
  const outcomes: string[] = [];
  for (const call of [
    () => s3.putObject({ Bucket: "b", Key: "k", Body: "x", Metadata: { a: "1", A: "2" } }),
    () => s3.copyObject({ Bucket: "b", Key: "k", CopySource: "s/k", MetadataDirective: "REPLACE", Metadata: { "Color-Name": "1", x: "y", "color-name": "2" } }),
  ]) {
    await call().then(
      () => outcomes.push("sent"),
      (e: { code: string; message: string; operation: string }) => outcomes.push(`${e.operation} ${e.message}`),
    );
  }
  assert.deepEqual(outcomes, [
    's3/PutObject InvalidParameter: Metadata keys "a" and "A" are one header, x-amz-meta-a',
    's3/CopyObject InvalidParameter: Metadata keys "Color-Name" and "color-name" are one header, x-amz-meta-color-name',
  ]);
  assert.equal(sent.length, 0);
});

test("Metadata keys that are not header names are refused before sending, naming the key (the transport failed late, naming only the header)", async () => {
  const { s3, sent } = client(() => ({}));
  const outcomes: string[] = [];
  for (const key of ["a b", "é", "a:b", "a\nb", "(x)"]) {
    await s3.putObject({ Bucket: "b", Key: "k", Body: "x", Metadata: { ok: "1", [key]: "v" } }).then(
      () => outcomes.push("sent"),
      (e: { code: string; message: string; operation: string }) => outcomes.push(`${e.operation} ${e.message}`),
    );
  }
  await s3.copyObject({ Bucket: "b", Key: "k", CopySource: "s/k", MetadataDirective: "REPLACE", Metadata: { "a/b": "1" } }).then(
    () => outcomes.push("sent"),
    (e: { message: string; operation: string }) => outcomes.push(`${e.operation} ${e.message}`),
  );
  const refused = (k: string) => `s3/PutObject InvalidParameter: Metadata key ${JSON.stringify(k)} is not a header name`;
  assert.deepEqual(outcomes, [
    refused("a b"),
    refused("é"),
    refused("a:b"),
    refused("a\nb"),
    refused("(x)"),
    's3/CopyObject InvalidParameter: Metadata key "a/b" is not a header name',
  ]);
  assert.equal(sent.length, 0);
  // Every token character is a header name S3 takes, and so is an empty key (RGW stores it: header `x-amz-meta-`).
  await s3.putObject({ Bucket: "b", Key: "k", Body: "x", Metadata: { "Az09!#$%&'*+-.^_`|~": "v", "": "e" } });
  assert.deepEqual([sent[0]?.request.headers["x-amz-meta-az09!#$%&'*+-.^_`|~"], sent[0]?.request.headers["x-amz-meta-"]], ["v", "e"]);
});

test("Metadata goes out as one lowercase header per key, signed as sent; an undefined or null value is no header (Go skips nil)", async () => {
  const { s3, sent } = client(() => ({}));
  const Metadata = { Color: "Blue", size: undefined, shape: null, n: "1" } as unknown as Record<string, string>;
  await s3.putObject({ Bucket: "b", Key: "k", Body: "x", Metadata });
  const headers = sent[0]?.request.headers ?? {};
  assert.deepEqual(
    Object.keys(headers).filter((h) => h.toLowerCase().startsWith("x-amz-meta-")).map((h) => `${h}: ${headers[h]}`),
    ["x-amz-meta-color: Blue", "x-amz-meta-n: 1"],
  );
  assert.match(headers.authorization ?? "", /SignedHeaders=content-length;host;x-amz-content-sha256;x-amz-date;x-amz-meta-color;x-amz-meta-n,/);
});

test("PutObject takes an ArrayBuffer, any ArrayBuffer view and a Blob as Body (hashed bytes; a Blob is streamed with its size)", async () => {
  const { s3, sent } = client(() => ({}));
  const backing = new Uint8Array([9, 1, 2, 3, 4, 9]).buffer;
  await s3.putObject({ Bucket: "b", Key: "k", Body: backing });
  await s3.putObject({ Bucket: "b", Key: "k", Body: new Uint16Array(backing, 2, 2) });
  await s3.putObject({ Bucket: "b", Key: "k", Body: new DataView(backing, 1, 4) });
  await s3.putObject({ Bucket: "b", Key: "k", Body: new Blob(["blob ✓"]) });
  await s3.putObject({ Bucket: "b", Key: "k", Body: new Blob([]) });
  const b = (bytes: number[]) => Uint8Array.from(bytes);
  assert.deepEqual(
    sent.map((s) => [s.request.headers["x-amz-content-sha256"], s.request.headers["content-length"], Array.from(s.body)]),
    [
      [sha256(b([9, 1, 2, 3, 4, 9])), "6", [9, 1, 2, 3, 4, 9]],
      [sha256(b([2, 3, 4, 9])), "4", [2, 3, 4, 9]],
      [sha256(b([1, 2, 3, 4])), "4", [1, 2, 3, 4]],
      ["UNSIGNED-PAYLOAD", "8", Array.from(new TextEncoder().encode("blob ✓"))],
      ["UNSIGNED-PAYLOAD", "0", []],
    ],
  );
});

test("PutObject with a Body of no accepted kind is a typed InvalidParameter naming Body, before anything is sent", async () => {
  const { s3, sent } = client(() => ({}));
  const outcomes: string[] = [];
  for (const Body of [42, { a: 1 }, true, [new Uint8Array([1])], Symbol("s")]) {
    for (const ContentLength of [undefined, 2]) {
      await s3.putObject({ Bucket: "b", Key: "k", Body: Body as never, ContentLength }).then(
        () => outcomes.push("sent"),
        (e: unknown) => outcomes.push(e instanceof SdkError ? `${e.operation} ${e.code}` : String(e)),
      );
    }
  }
  assert.deepEqual(outcomes, Array(10).fill("s3/PutObject InvalidParameter"));
  await assert.rejects(s3.putObject({ Bucket: "b", Key: "k", Body: 42 as never }), {
    message: "InvalidParameter: PutObjectInput.Body must be a string, an ArrayBuffer or a view of one (Uint8Array…), a Blob or an AsyncIterable<Uint8Array>, not number",
  });
  assert.equal(sent.length, 0);
});

test("PutObject with a stream that yields something other than bytes fails typed, naming Body, with nothing sent", async () => {
  const { s3, received } = bodyReadingClient();
  async function* text() {
    yield "abc";
  }
  await assert.rejects(s3.putObject({ Bucket: "b", Key: "k", Body: text() as never, ContentLength: 3 }), {
    code: "InvalidParameter",
    message: "InvalidParameter: PutObjectInput.Body yielded a string, not a Uint8Array",
    operation: "s3/PutObject",
  });
  assert.equal(received(), 0);
});

test("missing required members fail validation with Go's message, naming each member", async () => {
  const { s3, sent } = client(() => ({}));
  await assert.rejects(s3.getObject({ Bucket: "b", Key: "" }), {
    code: "InvalidParameter",
    message: "InvalidParameter: 1 validation error(s) found.\n- missing required field, GetObjectInput.Key.",
  });
  await assert.rejects(s3.copyObject({ Bucket: "", Key: "k" } as never), {
    message:
      "InvalidParameter: 2 validation error(s) found.\n- missing required field, CopyObjectInput.Bucket.\n- missing required field, CopyObjectInput.CopySource.",
  });
  // With validation off the build step still refuses to address nothing.
  const off = client(() => ({}), { disableParamValidation: true });
  await assert.rejects(off.s3.headObject({ Bucket: "b" } as never), { code: "InvalidParameter", message: "InvalidParameter: Key must be a non-empty string" });
  assert.equal(sent.length + off.sent.length, 0);
});

test("a Date member that is not a time is a validation error naming it, before anything is sent (was \"Invalid Date\" on the wire, or a RangeError)", async () => {
  const { s3, sent } = client(() => ({}));
  const bad = new Date("junk");
  const messages: string[] = [];
  for (const call of [
    () => s3.getObject({ Bucket: "b", Key: "k", IfModifiedSince: bad }),
    () => s3.putObject({ Bucket: "b", Key: "", Body: "x", Expires: bad, ObjectLockRetainUntilDate: bad }),
    () => s3.copyObject({ Bucket: "b", Key: "k", CopySource: "s/k", CopySourceIfUnmodifiedSince: bad }),
  ]) {
    await call().then(
      () => messages.push("sent"),
      (e: { code: string; message: string }) => messages.push(e.message),
    );
  }
  assert.deepEqual(messages, [
    "InvalidParameter: 1 validation error(s) found.\n- invalid Date, GetObjectInput.IfModifiedSince.",
    "InvalidParameter: 3 validation error(s) found.\n- missing required field, PutObjectInput.Key.\n- invalid Date, PutObjectInput.Expires.\n- invalid Date, PutObjectInput.ObjectLockRetainUntilDate.",
    "InvalidParameter: 1 validation error(s) found.\n- invalid Date, CopyObjectInput.CopySourceIfUnmodifiedSince.",
  ]);
  assert.equal(sent.length, 0);
});

test("GetObject streams the body and reads typed headers", async () => {
  const headers = {
    "content-length": "11",
    "content-type": "text/plain",
    etag: '"e1"',
    "last-modified": "Wed, 01 May 2024 10:00:00 GMT",
    "x-amz-meta-color": "blue",
    "x-amz-meta-size": "xl",
    "x-amz-delete-marker": "false",
    "x-amz-mp-parts-count": "3",
    expires: "not a date",
    "accept-ranges": "bytes",
  };
  const { s3, sent } = client(() => ({ headers, body: "hello world" }));
  const out = await s3.getObject({ Bucket: "b", Key: "k", Range: "bytes=0-10", VersionId: "v 1", ResponseContentType: "text/html", IfModifiedSince: new Date(0) });
  const { Body, $metadata, ...rest } = out;
  assert.deepEqual(rest, {
    AcceptRanges: "bytes",
    ContentLength: 11,
    ContentType: "text/plain",
    DeleteMarker: false,
    ETag: '"e1"',
    ExpiresString: "not a date",
    LastModified: new Date("2024-05-01T10:00:00Z"),
    Metadata: { color: "blue", size: "xl" },
    PartsCount: 3,
  });
  assert.equal($metadata.httpStatusCode, 200);
  assert.equal(await Body.transformToString(), "hello world");
  const r = sent[0]?.request;
  assert.deepEqual([r?.headers.range, r?.headers["if-modified-since"], r?.query.versionId, r?.query["response-content-type"]], [
    "bytes=0-10",
    "Thu, 01 Jan 1970 00:00:00 GMT",
    "v 1",
    "text/html",
  ]);
});

test("an Expires header that is a date reads as Expires (a Date) and as ExpiresString (as sent)", async () => {
  const { s3 } = client(() => ({ headers: { expires: "Thu, 01 Jan 2037 00:00:00 GMT", "content-length": "0" } }));
  const head = await s3.headObject({ Bucket: "b", Key: "k" });
  assert.deepEqual([head.Expires, head.ExpiresString], [new Date("2037-01-01T00:00:00Z"), "Thu, 01 Jan 2037 00:00:00 GMT"]);
});

test("GetObject's Body is async-iterable and reads as bytes", async () => {
  const { s3 } = client(() => ({ body: new Uint8Array([1, 2, 3]) }));
  const chunks: number[] = [];
  for await (const chunk of (await s3.getObject({ Bucket: "b", Key: "k" })).Body) chunks.push(...chunk);
  assert.deepEqual(chunks, [1, 2, 3]);
  const again = await s3.getObject({ Bucket: "b", Key: "k" });
  assert.deepEqual(Array.from(await again.Body.transformToByteArray()), [1, 2, 3]);
  await assert.rejects((await s3.getObject({ Bucket: "b", Key: "k" })).Body.transformToString("no-such-encoding"), { code: "InvalidParameter" });
});

test("errors: code, message, status and request id from the XML body (AWS, RGW's empty message, s3rver's namespace)", async () => {
  const rows: [Canned, Record<string, unknown>][] = [
    [
      {
        status: 404,
        headers: { "x-amz-request-id": "hdr-id", "x-amz-id-2": "host" },
        body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>k</Key><RequestId>body-id</RequestId><HostId>h</HostId></Error>`,
      },
      { code: "NoSuchKey", message: "NoSuchKey: The specified key does not exist.", statusCode: 404, requestId: "hdr-id", hostId: "host", operation: "s3/GetObject" },
    ],
    [
      { status: 404, body: `<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchBucket</Code><Message></Message><BucketName>b</BucketName><RequestId>tx00-rgw</RequestId><HostId>h-rgw</HostId></Error>` },
      { code: "NoSuchBucket", message: "NoSuchBucket: NoSuchBucket", statusCode: 404, requestId: "tx00-rgw", hostId: "h-rgw", operation: "s3/GetObject" },
    ],
    [
      { status: 403, body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error xmlns="${S3RVER_NS}"><Code>AccessDenied</Code><Message>Access Denied</Message></Error>` },
      { code: "AccessDenied", message: "AccessDenied: Access Denied", statusCode: 403, requestId: undefined, hostId: undefined, operation: "s3/GetObject" },
    ],
    [
      { status: 502, body: "<html><body>Bad Gateway</body></html>" },
      { code: "HTTP502", message: "HTTP502: HTTP502 (not an S3 error document)", statusCode: 502, requestId: undefined, hostId: undefined, operation: "s3/GetObject" },
    ],
  ];
  for (const [canned, want] of rows) {
    const { s3 } = client(() => canned, { maxRetries: 0 });
    const err = await rejection(s3.getObject({ Bucket: "b", Key: "k" }));
    assert.deepEqual(
      { code: err.code, message: err.message, statusCode: err.statusCode, requestId: err.requestId, hostId: err.hostId, operation: err.operation },
      want,
    );
  }
});

test("HEAD errors have no body: the code comes from the status, as in Go", async () => {
  const codes: string[] = [];
  for (const status of [404, 403, 400, 301, 304, 412, 418]) {
    // Reason phrases other than the fixed table's come from the response (none here for 418).
    const reason = status === 301 ? "Moved Permanently" : undefined;
    const { s3 } = client(() => ({ status, reason, headers: { "x-amz-request-id": `r${status}` } }));
    const err = await rejection(s3.headObject({ Bucket: "b", Key: "k" }));
    assert.equal(err.statusCode, status);
    assert.equal(err.requestId, `r${status}`);
    codes.push(err.code);
  }
  assert.deepEqual(codes, ["NotFound", "Forbidden", "BadRequest", "MovedPermanently", "NotModified", "PreconditionFailed", "HTTP418"]);
});

test("a 5xx S3 error is retried by the default retryer, then surfaces typed", async () => {
  const { s3, sent } = client(() => ({ status: 500, body: "<Error><Code>InternalError</Code><Message>We encountered an internal error.</Message></Error>" }));
  const err = await rejection(s3.headBucket({ Bucket: "b" }));
  assert.equal(err.code, "InternalError");
  assert.equal(sent.length, 4);
});

test("CopyObject: an error inside a 200 rejects typed and is retried like a server error", async () => {
  const errorBody = "<Error><Code>InternalError</Code><Message>We encountered an internal error. Please try again.</Message><RequestId>r</RequestId></Error>";
  const okBody = `<CopyObjectResult><LastModified>2024-05-01T10:00:00.000Z</LastModified><ETag>"etag1"</ETag></CopyObjectResult>`;
  const { s3, sent } = client((_, i) => ({ body: i === 0 ? errorBody : okBody, headers: { "x-amz-copy-source-version-id": "sv" } }));
  const out = await s3.copyObject({ Bucket: "dst", Key: "new key", CopySource: copySource("src", "old key+1"), MetadataDirective: "COPY" });
  assert.deepEqual(out.CopyObjectResult, { ETag: '"etag1"', LastModified: new Date("2024-05-01T10:00:00.000Z") });
  assert.equal(out.CopySourceVersionId, "sv");
  assert.equal(out.$metadata.attempts, 2);
  assert.deepEqual(
    sent.map((s) => [url(s.request), s.request.headers["x-amz-copy-source"], s.request.headers["x-amz-metadata-directive"]]),
    [
      ["PUT https://dst.s3.amazonaws.com/new%20key", "src/old%20key%2B1", "COPY"],
      ["PUT https://dst.s3.amazonaws.com/new%20key", "src/old%20key%2B1", "COPY"],
    ],
  );
  const always = client(() => ({ body: errorBody }), { maxRetries: 1 });
  const err = await rejection(always.s3.copyObject({ Bucket: "dst", Key: "k", CopySource: "src/k" }));
  assert.deepEqual([err.code, err.statusCode, err.requestId, always.sent.length], ["InternalError", 200, "r", 2]);
});

test("DeleteObjects: XML body with Content-MD5, per-key Errors returned, not thrown", async () => {
  const response = `<DeleteResult xmlns="${AWS_NS}"><Deleted><Key>a&amp;b</Key></Deleted><Deleted><Key>v</Key><VersionId>1</VersionId><DeleteMarker>true</DeleteMarker><DeleteMarkerVersionId>dm</DeleteMarkerVersionId></Deleted><Error><Key>locked</Key><Code>AccessDenied</Code><Message>Access Denied</Message></Error></DeleteResult>`;
  const { s3, sent } = client(() => ({ body: response }));
  const out = await s3.deleteObjects({
    Bucket: "bkt",
    Delete: { Objects: [{ Key: "a&b" }, { Key: "v", VersionId: "1" }, { Key: "locked" }], Quiet: false },
  });
  assert.deepEqual(
    { Deleted: out.Deleted, Errors: out.Errors },
    {
      Deleted: [{ Key: "a&b" }, { Key: "v", VersionId: "1", DeleteMarker: true, DeleteMarkerVersionId: "dm" }],
      Errors: [{ Key: "locked", Code: "AccessDenied", Message: "Access Denied" }],
    },
  );
  const s = sent[0];
  assert.ok(s);
  const body = new TextDecoder().decode(s.body);
  assert.equal(
    body,
    `<Delete xmlns="${AWS_NS}"><Object><Key>a&amp;b</Key></Object><Object><Key>v</Key><VersionId>1</VersionId></Object><Object><Key>locked</Key></Object></Delete>`,
  );
  assert.equal(url(s.request), "POST https://bkt.s3.amazonaws.com/?delete");
  assert.equal(s.request.headers["content-md5"], createHash("md5").update(s.body).digest("base64"));
  assert.equal(s.request.headers["x-amz-content-sha256"], sha256(s.body));
});

test("DeleteObjects refuses an object without a Key, or with an empty one, as Go does, before anything is sent (it sent <Key></Key>)", async () => {
  // Go's ObjectIdentifier.Key is required with a minimum length of 1: ErrParamRequired / ErrParamMinLen, named by
  // their path in the input. A nil entry is skipped (the next test), and so is its index.
  const { s3, sent } = client(() => ({ body: "<DeleteResult/>" }));
  const messages: string[] = [];
  for (const input of [
    { Bucket: "b", Delete: { Objects: [{ Key: "a" }, {}, null, { Key: "" }, { Key: null, VersionId: "v" }] } },
    { Bucket: "", Delete: { Objects: [{ Key: "" }] } },
    { Bucket: "b", Delete: {} },
    { Bucket: "b", Delete: { Objects: null } },
  ]) {
    await s3.deleteObjects(input as never).then(
      () => messages.push("sent"),
      (e: { code: string; message: string }) => messages.push(`${e.code}: ${e.message}`),
    );
  }
  assert.deepEqual(messages, [
    "InvalidParameter: InvalidParameter: 3 validation error(s) found.\n- missing required field, DeleteObjectsInput.Delete.Objects[1].Key.\n- minimum field size of 1, DeleteObjectsInput.Delete.Objects[3].Key.\n- missing required field, DeleteObjectsInput.Delete.Objects[4].Key.",
    "InvalidParameter: InvalidParameter: 2 validation error(s) found.\n- missing required field, DeleteObjectsInput.Bucket.\n- minimum field size of 1, DeleteObjectsInput.Delete.Objects[0].Key.",
    "InvalidParameter: InvalidParameter: 1 validation error(s) found.\n- missing required field, DeleteObjectsInput.Delete.Objects.",
    "InvalidParameter: InvalidParameter: 1 validation error(s) found.\n- missing required field, DeleteObjectsInput.Delete.Objects.",
  ]);
  assert.equal(sent.length, 0);
});

test("DeleteObjects with validation off sends an object without a Key as Go does, with no Key element (never the key \"undefined\")", async () => {
  // `String(undefined)` named a real key: RGW and s3rver deleted an object called "undefined". Go's XML writer
  // omits a nil Key and writes an empty one as it is; the server refuses both.
  const { s3, sent } = client(() => ({ body: "<DeleteResult/>" }), { disableParamValidation: true });
  await s3.deleteObjects({ Bucket: "b", Delete: { Objects: [{ Key: "a" }, {}, { Key: null }, { Key: "" }] } } as never);
  assert.equal(
    new TextDecoder().decode(sent[0]?.body),
    `<Delete xmlns="${AWS_NS}"><Object><Key>a</Key></Object><Object></Object><Object></Object><Object><Key></Key></Object></Delete>`,
  );
});

test("DeleteObjects skips a null or undefined entry of Objects, as Go skips a nil one (it failed the build with a TypeError)", async () => {
  for (const disableParamValidation of [false, true]) {
    const { s3, sent } = client(() => ({ body: "<DeleteResult/>" }), { disableParamValidation });
    await s3.deleteObjects({ Bucket: "b", Delete: { Objects: [null, { Key: "a" }, undefined] } } as never);
    assert.equal(new TextDecoder().decode(sent[0]?.body), `<Delete xmlns="${AWS_NS}"><Object><Key>a</Key></Object></Delete>`);
  }
});

test("PutObject: a null Body is no body, as a null member is no member (it failed as a stream without ContentLength)", async () => {
  const { s3, sent } = client(() => ({}));
  await s3.putObject({ Bucket: "b", Key: "k", Body: null } as never);
  assert.deepEqual([sent.length, sent[0]?.body.byteLength, sent[0]?.request.headers["x-amz-content-sha256"]], [1, 0, sha256("")]);
});

test("ListObjectsV2 and its paginator follow continuation tokens until the last page", async () => {
  const page = (keys: string[], next?: string) =>
    `<ListBucketResult xmlns="${S3RVER_NS}"><Name>b</Name><Prefix>p/</Prefix><KeyCount>${keys.length}</KeyCount><MaxKeys>2</MaxKeys><IsTruncated>${next !== undefined}</IsTruncated>${
      next ? `<NextContinuationToken>${next}</NextContinuationToken>` : ""
    }${keys.map((k) => `<Contents><Key>${k}</Key><LastModified>2024-05-01T10:00:00.000Z</LastModified><ETag>"e"</ETag><Size>5</Size><StorageClass>STANDARD</StorageClass></Contents>`).join("")}<CommonPrefixes><Prefix>p/d/</Prefix></CommonPrefixes></ListBucketResult>`;
  const pages = [page(["p/1", "p/2"], "t+1"), page(["p/3", "p/4"], "t2"), page(["p/5"])];
  const { s3, sent } = client((_, i) => ({ body: pages[i % pages.length] }), { s3ForcePathStyle: true });
  const keys: (string | undefined)[] = [];
  for await (const p of paginateListObjectsV2({ client: s3, pageSize: 2 }, { Bucket: "b", Prefix: "p/", Delimiter: "/" })) {
    keys.push(...p.Contents.map((c) => c.Key));
  }
  assert.deepEqual(keys, ["p/1", "p/2", "p/3", "p/4", "p/5"]);
  assert.deepEqual(
    sent.map((s) => url(s.request)),
    [
      "GET https://s3.amazonaws.com/b?delimiter=/&list-type=2&max-keys=2&prefix=p/",
      "GET https://s3.amazonaws.com/b?continuation-token=t+1&delimiter=/&list-type=2&max-keys=2&prefix=p/",
      "GET https://s3.amazonaws.com/b?continuation-token=t2&delimiter=/&list-type=2&max-keys=2&prefix=p/",
    ],
  );
  const one = await s3.listObjectsV2({ Bucket: "b" });
  assert.deepEqual(one.Contents[0], { Key: "p/1", LastModified: new Date("2024-05-01T10:00:00.000Z"), ETag: '"e"', Size: 5, StorageClass: "STANDARD" });
  assert.deepEqual([one.IsTruncated, one.KeyCount, one.MaxKeys, one.CommonPrefixes, one.Name], [true, 2, 2, [{ Prefix: "p/d/" }], "b"]);
});

test("the paginator stops with a typed error when the server repeats a token", async () => {
  const body = `<ListBucketResult><IsTruncated>true</IsTruncated><NextContinuationToken>same</NextContinuationToken></ListBucketResult>`;
  const { s3, sent } = client(() => ({ body }));
  const seen: number[] = [];
  await assert.rejects(
    (async () => {
      for await (const p of paginateListObjectsV2({ client: s3, startingToken: "same" }, { Bucket: "b" })) seen.push(p.Contents.length);
    })(),
    { code: "InvalidPaginationToken" },
  );
  assert.deepEqual([seen, sent.length], [[0], 1]);
});

test("the paginator fails typed after a truncated page without a continuation token (it used to stop as if done)", async () => {
  const body = `<ListBucketResult><IsTruncated>true</IsTruncated><Contents><Key>k1</Key></Contents></ListBucketResult>`;
  const { s3, sent } = client(() => ({ body }));
  const seen: string[] = [];
  await assert.rejects(
    (async () => {
      for await (const p of paginateListObjectsV2({ client: s3 }, { Bucket: "b" })) seen.push(...p.Contents.map((c) => String(c.Key)));
    })(),
    { code: "InvalidPaginationToken", message: "InvalidPaginationToken: ListObjectsV2 returned a truncated page without a NextContinuationToken for bucket b" },
  );
  assert.deepEqual([seen, sent.length], [["k1"], 1]);
});

test("the paginator refuses a page size below 1 before anything is sent (MaxKeys 0 lists nothing, untruncated: an empty listing passed off as whole)", async () => {
  const { s3, sent } = client(() => ({ body: "<ListBucketResult><IsTruncated>false</IsTruncated></ListBucketResult>" }));
  const messages: string[] = [];
  for (const [pageSize, MaxKeys] of [[0, undefined], [undefined, 0], [-1, 5], [1.5, undefined], [Number.NaN, undefined]]) {
    await (async () => {
      for await (const _ of paginateListObjectsV2({ client: s3, pageSize }, { Bucket: "b", MaxKeys })) messages.push("page");
    })().catch((e: { code: string; message: string }) => messages.push(e.message));
  }
  assert.deepEqual(messages, [
    "InvalidParameter: paginateListObjectsV2's pageSize (or MaxKeys) must be a whole number from 1, got 0",
    "InvalidParameter: paginateListObjectsV2's pageSize (or MaxKeys) must be a whole number from 1, got 0",
    "InvalidParameter: paginateListObjectsV2's pageSize (or MaxKeys) must be a whole number from 1, got -1",
    "InvalidParameter: paginateListObjectsV2's pageSize (or MaxKeys) must be a whole number from 1, got 1.5",
    "InvalidParameter: paginateListObjectsV2's pageSize (or MaxKeys) must be a whole number from 1, got NaN",
  ]);
  assert.equal(sent.length, 0);
});

test("HeadObject, DeleteObject and HeadBucket read their headers", async () => {
  const { s3 } = client(() => ({
    status: 200,
    headers: {
      "content-length": "42",
      etag: '"x"',
      "x-amz-version-id": "v9",
      "x-amz-delete-marker": "true",
      "x-amz-bucket-region": "eu-west-1",
      "x-amz-object-lock-retain-until-date": "2030-01-01T00:00:00.000Z",
    },
  }));
  const head = await s3.headObject({ Bucket: "b", Key: "k" });
  assert.deepEqual([head.ContentLength, head.ETag, head.VersionId, head.DeleteMarker, head.ObjectLockRetainUntilDate], [
    42,
    '"x"',
    "v9",
    true,
    new Date("2030-01-01T00:00:00.000Z"),
  ]);
  const del = await s3.deleteObject({ Bucket: "b", Key: "k", VersionId: "v9" });
  assert.deepEqual([del.DeleteMarker, del.VersionId], [true, "v9"]);
  assert.equal((await s3.headBucket({ Bucket: "b" })).BucketRegion, "eu-west-1");
});

test("presigned GET and PUT URLs: query signature, S3 path rules, unsigned payload, signed content-type", async () => {
  const clock = () => Date.UTC(2024, 4, 1, 10, 0, 0);
  const { s3 } = client(() => ({}), { endpoint: "http://127.0.0.1:7480", clock });
  const get = new URL(await presignGetObject(s3, { Bucket: "b", Key: "a b/ü+1" }, { expiresIn: 600 }));
  assert.equal(`${get.origin}${get.pathname}`, "http://127.0.0.1:7480/b/a%20b/%C3%BC%2B1");
  assert.deepEqual(Object.fromEntries([...get.searchParams.entries()].filter(([k]) => k !== "X-Amz-Signature")), {
    "X-Amz-Algorithm": "AWS4-HMAC-SHA256",
    "X-Amz-Credential": "AKIDEXAMPLE/20240501/us-east-1/s3/aws4_request",
    "X-Amz-Date": "20240501T100000Z",
    "X-Amz-Expires": "600",
    "X-Amz-SignedHeaders": "host",
  });
  assert.match(get.searchParams.get("X-Amz-Signature") ?? "", /^[0-9a-f]{64}$/);
  const put = new URL(await presignPutObject(s3, { Bucket: "b", Key: "k", ContentType: "text/plain" }));
  assert.equal(put.searchParams.get("X-Amz-Expires"), "3600");
  assert.equal(put.searchParams.get("X-Amz-SignedHeaders"), "content-type;host");
  await assert.rejects(presignGetObject(s3, { Bucket: "b", Key: "k" }, { expiresIn: 604801 }), { code: "InvalidPresignExpireError" });
  await assert.rejects(presignGetObject(s3, { Bucket: "b", Key: "" }), { code: "InvalidParameter" });
});

test("an error document that is not well-formed XML (s3rver's &uuml;) still gives its code and message", async () => {
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>missing key+&uuml;</Key></Error>`;
  const { s3 } = client(() => ({ status: 404, body }));
  const err = await rejection(s3.getObject({ Bucket: "b", Key: "missing key+ü" }));
  assert.deepEqual([err.code, err.message, err.statusCode], ["NoSuchKey", "NoSuchKey: The specified key does not exist.", 404]);
});

test("the constructor asks the provider for the s3 service with the caller's overrides", () => {
  const calls: unknown[] = [];
  const base = testProvider({ transport: cannedTransport(() => ({})) });
  const s3 = new S3(
    {
      clientConfig(service, overrides) {
        calls.push([service, overrides]);
        return base.clientConfig(service, overrides);
      },
    },
    { region: "eu-central-1", s3ForcePathStyle: true },
  );
  assert.deepEqual(calls, [["s3", { region: "eu-central-1", s3ForcePathStyle: true }]]);
  assert.deepEqual([s3.clientInfo.endpoint, s3.clientInfo.signingRegion, s3.config.s3ForcePathStyle], ["https://s3.eu-central-1.amazonaws.com", "eu-central-1", true]);
});

test("an aborted signal rejects with RequestCanceled and sends nothing", async () => {
  const { s3, sent } = client(() => ({}));
  const controller = new AbortController();
  controller.abort();
  await assert.rejects(s3.getObject({ Bucket: "bkt", Key: "k" }, { signal: controller.signal }), { code: "RequestCanceled", operation: "s3/GetObject" });
  assert.equal(sent.length, 0);
});
