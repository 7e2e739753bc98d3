// The browser build: bundling newSession + the S3 client for the browser (esbuild, platform browser) with
// static config and credentials pulls in no fs, os, child_process, node:* or STS code — asserted on the
// metafile's inputs. The bundle then runs in headless Chromium against a stand-in fetch to show it works.
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { after, test } from "node:test";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { browser } from "@sessionkit/test-env";
import { build, type Metafile } from "esbuild";

const chromium = browser();

const packagesDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const appDir = mkdtempSync(join(tmpdir(), "sk-session-browser-"));
mkdirSync(join(appDir, "node_modules", "@sessionkit"), { recursive: true });
for (const name of ["session", "client-s3"]) {
  if (existsSync(join(packagesDir, name, "package.json"))) {
    symlinkSync(join(packagesDir, name), join(appDir, "node_modules", "@sessionkit", name), "dir");
  }
}
writeFileSync(join(appDir, "package.json"), JSON.stringify({ name: "browser-app", type: "module", private: true }));
after(() => rmSync(appDir, { recursive: true, force: true }));

const APP = `
import { S3 } from "@sessionkit/client-s3";
import { newSession } from "@sessionkit/session";
const sess = newSession({ region: "us-east-1", credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "SECRET" } });
export const run = () => new S3(sess).listBuckets();
export const session = sess;
`;

async function bundle(app = APP): Promise<{ code: string; metafile: Metafile }> {
  const entry = join(appDir, "app.mjs");
  writeFileSync(entry, app);
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    platform: "browser",
    format: "esm",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  return { code: result.outputFiles[0]?.text ?? "", metafile: result.metafile };
}

const FORBIDDEN = /^(node:|fs$|os$|path$|child_process$|readline$)|client-sts|credential-provider-assume-role|credential-provider-shared-file/;

test("browser bundle of newSession + S3: no fs, os, child_process, node:* or STS code", async () => {
  const { code, metafile } = await bundle();
  const inputs = Object.keys(metafile.inputs);
  assert.deepEqual(
    inputs.filter((p) => FORBIDDEN.test(p.replace(/^.*node_modules\//, ""))),
    [],
  );
  // It is the session's browser build that was picked (the `browser` export condition).
  const absolute = inputs.map((p) => resolve(p));
  assert.ok(absolute.includes(join(packagesDir, "session", "dist", "browser.js")), inputs.join("\n"));
  assert.equal(absolute.includes(join(packagesDir, "session", "dist", "index.js")), false);
  assert.equal(/\bimport\(/.test(code), false, "no dynamic import left in the browser bundle");
  console.log(`# browser bundle: ${code.length} B raw, ${gzipSync(code, { level: 9 }).byteLength} B gzip`);
});

const PAGE_APP = `
// A stand-in fetch, installed before the session makes its transport: one canned ListBuckets answer.
const seen = [];
globalThis.fetch = async (input, init) => {
  seen.push({ url: String(input), auth: new Headers(init?.headers).get("authorization") });
  const body = '<?xml version="1.0" encoding="UTF-8"?><ListAllMyBucketsResult><Owner><ID>o</ID></Owner><Buckets><Bucket><Name>b1</Name><CreationDate>2026-01-01T00:00:00.000Z</CreationDate></Bucket></Buckets></ListAllMyBucketsResult>';
  return new Response(body, { status: 200, headers: { "content-type": "application/xml" } });
};
${APP}
const out = await run().catch((e) => ({ error: String(e) }));
document.getElementById("out").textContent = JSON.stringify({ names: out.Buckets?.map((b) => b.Name) ?? out, seen });
`;

// In a real browser (headless Chromium): the bundle uses the browser's fetch, WebCrypto and DOMParser.
test("the browser bundle works in Chromium: a signed ListBuckets through fetch", { skip: chromium.skip }, async () => {
  const { code } = await bundle(PAGE_APP);
  const { names, seen } = JSON.parse(await (chromium.value as NonNullable<typeof chromium.value>).run(code)) as {
    names: unknown;
    seen: { url: string; auth: string | null }[];
  };
  assert.deepEqual(names, ["b1"]);
  assert.equal(seen.length, 1);
  assert.match(seen[0]?.url ?? "", /^https:\/\/s3\.amazonaws\.com\/?$/);
  assert.match(seen[0]?.auth ?? "", /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-east-1\/s3\/aws4_request/);
});

test("the browser build refuses options that need files or an environment, and has no credentials of its own", async () => {
  const browser = await import("./browser.js");
  for (const options of [{ env: {} }, { homeDir: "/h" }, { profile: "p" }, { sharedConfigFiles: ["f"] }, { customCABundle: "pem" }]) {
    assert.throws(() => browser.newSessionWithOptions(options), { code: "BrowserOptionUnsupported" });
  }
  // null is unset there too, as in the Node build: no option given, nothing refused.
  const unset = ["env", "homeDir", "profile", "sharedConfigFiles", "customCABundle"].map((key) => {
    const options = { [key]: null } as never;
    return browser.newSessionWithOptions(options).config.region;
  });
  assert.deepEqual(unset, ["", "", "", "", ""]);
  const s = browser.newSession({ region: "eu-west-1" });
  assert.equal(s.config.region, "eu-west-1");
  await assert.rejects(s.config.credentials.get(), { code: "NoCredentialProviders" });
  const withKeys = browser.newSession({ credentials: { accessKeyId: "AKID", secretAccessKey: "S" } });
  assert.equal((await withKeys.config.credentials.get()).accessKeyId, "AKID");
});
