// The browser builds of client-s3, session, signer, http and xml, bundled as an app would bundle them (esbuild, platform browser), run in headless
// Chromium against Ceph RGW, which verifies every SigV4 signature: fetch transport, WebCrypto signing,
// DOMParser XML and the session's browser build, with no Node API anywhere. Chromium runs with CORS off
// (RGW sends no CORS headers to a file:// page); everything else is what a browser does.
import assert from "node:assert/strict";
import { dirname } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { browser, rgw } from "@sessionkit/test-env";

const chromium = browser();
const server = rgw();
const here = dirname(fileURLToPath(import.meta.url));

// The app. `cfg` is injected as JSON; the page reports each step's outcome as data.
const APP = `
import { S3Client, createBucket, deleteBucket, deleteObject, getObject, headObject, listBuckets, listObjectsV2, presignGetObject, presignPutObject, putObject, S3ServiceError } from "@sessionkit/client-s3";
import { staticCredentials } from "@sessionkit/credentials";
import { defaultHandlers } from "@sessionkit/handlers";
import { createDefaultTransport } from "@sessionkit/http";
import { newSession } from "@sessionkit/session";

const steps = [];
const step = async (name, fn) => {
  try {
    steps.push([name, await fn()]);
  } catch (e) {
    steps.push([name, "threw", e instanceof S3ServiceError ? "S3ServiceError" : e?.constructor?.name, e?.code, e?.statusCode, e?.code ? "" : String(e?.message)]); // the message only for an untyped error
  }
};
const keys = (ak, sk) => ({ accessKeyId: ak, secretAccessKey: sk });
// With the session's browser build, as an app would write it.
const s3 = new S3Client(newSession({ region: "us-east-1", endpoint: cfg.endpoint, credentials: keys(cfg.ak, cfg.sk) }));
// Without a session: the modular client on a hand-made config (the size-budget app).
const config = { region: "us-east-1", credentials: staticCredentials(keys(cfg.ak, cfg.sk)), transport: createDefaultTransport() };
const bare = new S3Client({ clientConfig: () => ({ config, endpoint: cfg.endpoint, handlers: defaultHandlers() }) });
const wrong = new S3Client(newSession({ region: "us-east-1", endpoint: cfg.endpoint, credentials: keys(cfg.ak, "not-the-secret") }));
const Bucket = cfg.bucket;
const Key = "dir/a b+c=ü 日本.txt";

await step("createBucket", async () => (await createBucket(s3, { Bucket })).$metadata.httpStatusCode);
await step("putObject", async () => typeof (await putObject(s3, { Bucket, Key, Body: "hello from Chromium ✓", ContentType: "text/plain" })).ETag);
await step("listBuckets (no session)", async () => (await listBuckets(bare, {})).Buckets.some((b) => b.Name === Bucket && b.CreationDate instanceof Date));
await step("listObjectsV2", async () => (await listObjectsV2(s3, { Bucket })).Contents.map((c) => [c.Key, c.Size]));
await step("headObject", async () => { const h = await headObject(bare, { Bucket, Key }); return [h.ContentLength, h.ContentType]; });
await step("getObject", async () => (await getObject(s3, { Bucket, Key })).Body.transformToString());
await step("getObject, missing key", () => getObject(s3, { Bucket, Key: "nope" }));
// A stream body: Chromium cannot stream an upload over HTTP/1.1, so the fetch transport collects it first.
await step("putObject, stream body (no session), then GET", async () => {
  async function* chunks() {
    yield new TextEncoder().encode("streamed ");
    yield new TextEncoder().encode("from Chromium");
  }
  const put = await putObject(bare, { Bucket, Key: "stream.txt", Body: chunks(), ContentLength: 22 });
  const text = await (await getObject(bare, { Bucket, Key: "stream.txt" })).Body.transformToString();
  await deleteObject(bare, { Bucket, Key: "stream.txt" });
  return [put.$metadata.httpStatusCode, text];
});
// Presigned URLs, used by the browser's own fetch with no credentials.
await step("presigned PUT, then GET", async () => {
  const put = await fetch(await presignPutObject(s3, { Bucket, Key: "presigned.txt" }, { expiresIn: 60 }), { method: "PUT", body: "via URL" });
  const get = await fetch(await presignGetObject(s3, { Bucket, Key: "presigned.txt" }, { expiresIn: 60 }));
  return [put.status, get.status, await get.text()];
});
await step("deleteObject (presigned)", async () => (await deleteObject(s3, { Bucket, Key: "presigned.txt" })).$metadata.httpStatusCode);
await step("listBuckets, wrong secret", () => listBuckets(wrong, {}));
await step("deleteObject", async () => (await deleteObject(s3, { Bucket, Key })).$metadata.httpStatusCode);
await step("deleteBucket", async () => (await deleteBucket(s3, { Bucket })).$metadata.httpStatusCode);
document.getElementById("out").textContent = JSON.stringify(steps);
`;

test("the browser builds in Chromium against Ceph RGW: every step signed, parsed and typed as in Node", { skip: chromium.skip || server.skip }, async () => {
  const info = server.value as NonNullable<typeof server.value>;
  const cfg = { endpoint: info.endpoint, ak: info.accessKeyId, sk: info.secretAccessKey, bucket: `sk-browser-${Date.now().toString(36)}` };
  const chrome = chromium.value as NonNullable<typeof chromium.value>;
  const app = await chrome.bundle(`const cfg = ${JSON.stringify(cfg)};\n${APP}`, here);
  assert.doesNotMatch(app, /from\s*["']node:|require\(["']node:/, "the browser bundle imports no Node built-in");
  const steps = JSON.parse(await chrome.run(app, { crossOrigin: true }));
  assert.deepEqual(steps, [
    ["createBucket", 200],
    ["putObject", "string"],
    ["listBuckets (no session)", true],
    ["listObjectsV2", [["dir/a b+c=ü 日本.txt", 23]]],
    ["headObject", [23, "text/plain"]],
    ["getObject", "hello from Chromium ✓"],
    ["getObject, missing key", "threw", "S3ServiceError", "NoSuchKey", 404, ""],
    ["putObject, stream body (no session), then GET", [200, "streamed from Chromium"]],
    ["presigned PUT, then GET", [200, 200, "via URL"]],
    ["deleteObject (presigned)", 204],
    // RGW with STS auth on answers AccessDenied (as in the Node integration tests).
    ["listBuckets, wrong secret", "threw", "S3ServiceError", "AccessDenied", 403, ""],
    ["deleteObject", 204],
    ["deleteBucket", 204],
  ]);
});

// A Web Worker has fetch and WebCrypto but no DOMParser. Bundled with the `worker` condition, @sessionkit/xml
// is its own parser and everything works; bundled as for a page, the XML step fails with a typed error that says
// so. Run in a page whose DOMParser is removed (headless Chromium's virtual time does not wait for a worker's
// requests, so a real Worker cannot report back here); fetch and WebCrypto are the page's, as in a worker.
const WORKER_APP = `
import { S3Client, listBuckets, listObjectsV2 } from "@sessionkit/client-s3";
import { newSession } from "@sessionkit/session";
const s3 = new S3Client(newSession({ region: "us-east-1", endpoint: cfg.endpoint, credentials: { accessKeyId: cfg.ak, secretAccessKey: cfg.sk } }));
const outcome = (p) => p.then((v) => v, (e) => ["threw", e?.code]);
document.getElementById("out").textContent = JSON.stringify([
  typeof DOMParser,
  await outcome(listBuckets(s3, {}).then((r) => Array.isArray(r.Buckets))),
  await outcome(listObjectsV2(s3, { Bucket: "sk-no-such-bucket-in-worker" })),
]);
`;

test("without DOMParser (as in a Web Worker): the worker condition works against RGW, a page bundle fails typed", { skip: chromium.skip || server.skip }, async () => {
  const info = server.value as NonNullable<typeof server.value>;
  const cfg = { endpoint: info.endpoint, ak: info.accessKeyId, sk: info.secretAccessKey };
  const chrome = chromium.value as NonNullable<typeof chromium.value>;
  const run = async (conditions: string[]) => {
    const code = `delete globalThis.DOMParser;\n${await chrome.bundle(`const cfg = ${JSON.stringify(cfg)};\n${WORKER_APP}`, here, conditions)}`;
    return JSON.parse(await chrome.run(code, { crossOrigin: true }));
  };
  assert.deepEqual(
    [await run(["worker"]), await run([])],
    [
      ["undefined", true, ["threw", "NoSuchBucket"]],
      ["undefined", ["threw", "DOMParserUnavailable"], ["threw", "NoSuchBucket"]],
    ],
  );
});
