// Creates the bucket and the 1 KiB public-read object the RGW throughput rows read (public-read, so the raw
// node:http limit can GET it unsigned). `node rgw-prepare.mjs '<json { endpoint, bucket, key, credentials }>'`.
import { CreateBucketCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";

const opt = JSON.parse(process.argv[2]);
const s3 = new S3Client({
  region: "us-east-1",
  endpoint: opt.endpoint,
  forcePathStyle: true,
  credentials: opt.credentials,
  // RGW 16.2 does not take v3's default CRC32 trailers (local-servers.md)
  requestChecksumCalculation: "WHEN_REQUIRED",
  responseChecksumValidation: "WHEN_REQUIRED",
});
await s3.send(new CreateBucketCommand({ Bucket: opt.bucket }));
await s3.send(new PutObjectCommand({ Bucket: opt.bucket, Key: opt.key, Body: Buffer.alloc(1024, "sessionkit-bench "), ACL: "public-read" }));
const anon = await fetch(`${opt.endpoint}/${opt.bucket}/${opt.key}`);
const bytes = (await anon.arrayBuffer()).byteLength;
if (anon.status !== 200 || bytes !== 1024) throw new Error(`anonymous GET of the public object: HTTP ${anon.status}, ${bytes} bytes`);
console.log(JSON.stringify({ ok: true }));
