// Property-based test of the response side: whatever a server (or a proxy in front of it) answers — any
// status, headers, and a body from valid documents cut and spliced to pure garbage — every S3 and STS call
// ends in data or a typed error. A stand-in transport answers, so a run costs microseconds; FUZZ_RUNS / 5 runs.
import assert from "node:assert/strict";
import { test } from "node:test";
import { S3 } from "@sessionkit/client-s3";
import { STS } from "@sessionkit/client-sts";
import { SdkError } from "@sessionkit/errors";
import { bytesBody } from "@sessionkit/handlers";
import type { HttpResponse, Transport } from "@sessionkit/types";
import fc from "fast-check";
import { LIST_BUCKETS_OK } from "./FaultServer.js";
import { describeError } from "./outcome.js";
import { emptyHome, hermeticSession, recordingSleep } from "./testSession.js";

const RUNS = Number(process.env.FUZZ_RUNS ?? "") || 500;
const params = { seed: 0x0fa017, numRuns: Math.max(200, Math.floor(RUNS / 5)) };

const DOCS = [
  LIST_BUCKETS_OK,
  '<?xml version="1.0"?><ListBucketResult><Name>b</Name><KeyCount>1</KeyCount><IsTruncated>false</IsTruncated><Contents><Key>k</Key><Size>3</Size><LastModified>2026-01-01T00:00:00Z</LastModified><ETag>"e"</ETag></Contents></ListBucketResult>',
  "<Error><Code>SlowDown</Code><Message>m</Message><RequestId>r</RequestId></Error>",
  "<AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>A</AccessKeyId><SecretAccessKey>S</SecretAccessKey><SessionToken>T</SessionToken><Expiration>2030-01-01T00:00:00.123456789Z</Expiration></Credentials></AssumeRoleResult></AssumeRoleResponse>",
  '<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>x</Message></Error><RequestId>r</RequestId></ErrorResponse>',
  "<CopyObjectResult><ETag>e</ETag></CopyObjectResult>",
  '<DeleteResult><Deleted><Key>a</Key></Deleted><Error><Key>b</Key><Code>AccessDenied</Code></Error></DeleteResult>',
];

const body = fc.oneof(
  fc.constantFrom(...DOCS),
  fc.tuple(fc.constantFrom(...DOCS), fc.nat(), fc.nat(), fc.string({ maxLength: 8 })).map(([d, at, cut, ins]) => {
    const i = at % (d.length + 1);
    return d.slice(0, i) + ins + d.slice(i + (cut % 12));
  }),
  fc.string({ maxLength: 60 }),
  fc.constantFrom("", "<", "<?xml", "<Error>", "<html>502</html>", "&amp;&#xFFFF;&#0;", "<a><b></a></b>", "<Error><Code>", "\u0000\u0001"),
);
const status = fc.constantFrom(200, 200, 200, 204, 206, 301, 304, 400, 403, 404, 409, 412, 429, 500, 501, 502, 503, 504, 0, 999);
const headers = fc.dictionary(
  fc.constantFrom("content-type", "content-length", "x-amz-request-id", "etag", "last-modified", "x-amz-meta-a", "date", "retry-after", "x-amz-bucket-region", "content-range"),
  fc.oneof(fc.constantFrom("", "0", "-1", "abc", "text/xml", "Thu, 01 Jan 2026 00:00:00 GMT", "99999999999999999999", "bytes 0-1/2"), fc.string({ maxLength: 10 })),
  { maxKeys: 4 },
);
const response = fc.record({ status, headers, body });

const encoder = new TextEncoder();
const home = emptyHome();

test("random answers to S3 and STS calls: data or a typed error, never an untyped one", async () => {
  let data = 0;
  let typed = 0;
  try {
    await fc.assert(
      fc.asyncProperty(fc.array(response, { minLength: 1, maxLength: 4 }), fc.nat({ max: 7 }), async (answers, op) => {
        let i = 0;
        const transport: Transport = {
          handle: async (): Promise<HttpResponse> => {
            const a = answers[Math.min(i++, answers.length - 1)] ?? { status: 500, headers: {}, body: "" };
            return { statusCode: a.status, headers: { ...a.headers }, body: bytesBody(encoder.encode(a.body)) };
          },
        };
        const session = hermeticSession("http://127.0.0.1:9", home.dir, { transport, sleep: recordingSleep().sleep, maxRetries: 3 });
        const s3 = new S3(session);
        const sts = new STS(session);
        const calls = [
          () => s3.listBuckets(),
          () => s3.listObjectsV2({ Bucket: "b" }),
          async () => (await s3.getObject({ Bucket: "b", Key: "k" })).Body.transformToString(),
          () => s3.headObject({ Bucket: "b", Key: "k" }),
          () => s3.copyObject({ Bucket: "b", Key: "k", CopySource: "a/b" }),
          () => s3.deleteObjects({ Bucket: "b", Delete: { Objects: [{ Key: "a" }, { Key: "b" }] } }),
          () => sts.assumeRole({ RoleArn: "arn:aws:iam::1:role/r", RoleSessionName: "s" }),
          () => sts.getCallerIdentity(),
        ];
        try {
          await (calls[op] ?? calls[0])?.();
          data++;
        } catch (err) {
          assert.ok(err instanceof SdkError, `op ${op}: ${describeError(err)} for ${JSON.stringify(answers)}`);
          typed++;
        }
      }),
      params,
    );
  } finally {
    home.remove();
  }
  assert.ok(data > 0 && typed > 0, `both outcomes reached: ${data} results, ${typed} typed errors`);
});
