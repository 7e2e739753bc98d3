// Real-shaped canned responses for the in-process pipeline benchmark, and a fresh Node stream per call
// (what a real transport hands over: a Readable, for both clients).
import { Readable } from "node:stream";

export const OBJECT_1K = Buffer.alloc(1024, "sessionkit-bench ");

const LIST_BUCKETS = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?>\n<ListAllMyBucketsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">' +
    "<Owner><ID>75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a</ID><DisplayName>bench</DisplayName></Owner><Buckets>" +
    ["logs", "photos", "backups"]
      .map((n) => `<Bucket><Name>bench-${n}</Name><CreationDate>2026-11-27T13:00:00.000Z</CreationDate></Bucket>`)
      .join("") +
    "</Buckets></ListAllMyBucketsResult>",
);

export const ASSUMED_KEY_ID = "ASIAIOSFODNN7EXAMPLE";
const TOKEN = `IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQD${"A".repeat(560)}EXAMPLETOKEN==`;
const ASSUME_ROLE = Buffer.from(
  '<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">\n  <AssumeRoleResult>\n' +
    "    <AssumedRoleUser>\n      <Arn>arn:aws:sts::123456789012:assumed-role/demo/bench-session</Arn>\n" +
    "      <AssumedRoleId>AROA3XFRBF535PLBIFPI4:bench-session</AssumedRoleId>\n    </AssumedRoleUser>\n" +
    `    <Credentials>\n      <AccessKeyId>${ASSUMED_KEY_ID}</AccessKeyId>\n` +
    "      <SecretAccessKey>wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY</SecretAccessKey>\n" +
    `      <SessionToken>${TOKEN}</SessionToken>\n      <Expiration>2026-11-27T14:00:00Z</Expiration>\n    </Credentials>\n` +
    "    <PackedPolicySize>6</PackedPolicySize>\n  </AssumeRoleResult>\n" +
    "  <ResponseMetadata>\n    <RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId>\n  </ResponseMetadata>\n</AssumeRoleResponse>\n",
);

const COMMON = { "x-amz-request-id": "4442587FB7D0A2F9", "x-amz-id-2": "bench", date: "Fri, 27 Nov 2026 13:00:00 GMT", server: "AmazonS3" };

/** Per operation: status, headers and body bytes. */
export const CANNED = {
  getObject: {
    statusCode: 200,
    headers: {
      ...COMMON,
      "content-type": "application/octet-stream",
      "content-length": "1024",
      etag: '"d41d8cd98f00b204e9800998ecf8427e"',
      "last-modified": "Fri, 27 Nov 2026 12:00:00 GMT",
      "accept-ranges": "bytes",
    },
    body: OBJECT_1K,
  },
  putObject: { statusCode: 200, headers: { ...COMMON, etag: '"0f343b0931126a20f133d67c2b018a3b"', "content-length": "0" }, body: Buffer.alloc(0) },
  listBuckets: { statusCode: 200, headers: { ...COMMON, "content-type": "application/xml", "content-length": String(LIST_BUCKETS.length) }, body: LIST_BUCKETS },
  assumeRole: { statusCode: 200, headers: { "x-amzn-requestid": "c6104cbe-af31-11e0-8154-cbc7ccf896c7", "content-type": "text/xml", "content-length": String(ASSUME_ROLE.length), date: COMMON.date }, body: ASSUME_ROLE },
};

/** A response object for one call: fresh headers and a fresh one-shot stream. */
export function respond(op) {
  const c = CANNED[op];
  return { statusCode: c.statusCode, headers: { ...c.headers }, body: Readable.from([c.body]) };
}

/** Reads a Node stream / async iterable to its byte count. */
export async function drain(body) {
  let n = 0;
  for await (const chunk of body) n += chunk.length;
  return n;
}
