// Go's custom_ca_bundle_test.go, ported: the CA bundle from the option, AWS_CA_BUNDLE or the profile's
// ca_bundle (in that order) is trusted by the session's transport — shown against a local HTTPS server with a
// self-signed certificate — and Go's LoadCustomCABundleError cases.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { newSessionWithOptions, SharedConfigState, type Session } from "./index.js";
import { S3 } from "./testing/clientS3.js";

const dir = mkdtempSync(join(tmpdir(), "sk-session-ca-"));
let openssl: string | false = false;
try {
  execFileSync("openssl", [
    "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
    "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", join(dir, "key.pem"), "-out", join(dir, "cert.pem"),
  ], { stdio: "ignore" });
} catch {
  openssl = "openssl is not available to make a test certificate";
}
const certPath = join(dir, "cert.pem");
let server: Server | undefined;
let endpoint = "";

before(async () => {
  if (openssl) return;
  server = createServer({ key: readFileSync(join(dir, "key.pem")), cert: readFileSync(certPath) }, (_req, res) => {
    res.writeHead(200, { "content-type": "application/xml" });
    res.end("<ListAllMyBucketsResult><Buckets><Bucket><Name>tls-ok</Name></Bucket></Buckets></ListAllMyBucketsResult>");
  });
  await new Promise<void>((r) => server?.listen(0, "127.0.0.1", r));
  endpoint = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => {
  server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const creds = { accessKeyId: "AKID", secretAccessKey: "SECRET" };

async function listOver(sess: Session): Promise<string[]> {
  const out = await new S3(sess, { endpoint, s3ForcePathStyle: true }).listBuckets();
  return (out.Buckets ?? []).map((b) => b.Name ?? "");
}

test("without the bundle the self-signed server is refused (RequestError)", { skip: openssl }, async () => {
  const sess = newSessionWithOptions({ config: { region: "us-east-1", credentials: creds, maxRetries: 0 }, env: { HOME: dir } });
  await assert.rejects(listOver(sess), { code: "RequestError" });
});

test("TestNewSession_WithCustomCABundle_Option: PEM text in options is trusted", { skip: openssl }, async () => {
  const sess = newSessionWithOptions({
    customCABundle: readFileSync(certPath, "utf8"),
    config: { region: "us-east-1", credentials: creds },
    env: { HOME: dir },
  });
  assert.deepEqual(await listOver(sess), ["tls-ok"]);
  assert.equal(sess.explain().get("customCABundle")?.source.source, "code");
});

test("TestNewSession_WithCustomCABundle_Env: AWS_CA_BUNDLE names the PEM file", { skip: openssl }, async () => {
  const sess = newSessionWithOptions({ config: { region: "us-east-1", credentials: creds }, env: { HOME: dir, AWS_CA_BUNDLE: certPath } });
  assert.deepEqual(await listOver(sess), ["tls-ok"]);
  assert.deepEqual(sess.explain().get("customCABundle")?.source, { source: "env", name: "AWS_CA_BUNDLE" });
});

test("the profile's ca_bundle is used with shared config on", { skip: openssl }, async () => {
  const home = join(dir, "home");
  mkdirSync(join(home, ".aws"), { recursive: true });
  writeFileSync(join(home, ".aws", "config"), `[default]\nregion = us-east-1\nca_bundle = ${certPath}\n`);
  const sess = newSessionWithOptions({ sharedConfigState: SharedConfigState.Enable, config: { credentials: creds }, env: { HOME: home } });
  assert.deepEqual(await listOver(sess), ["tls-ok"]);
  assert.equal(sess.explain().get("customCABundle")?.source.source, "file");
});

test("TestNewSession_WithCustomCABundle_EnvNotExists: a missing file fails creation", () => {
  assert.throws(
    () => newSessionWithOptions({ env: { HOME: dir, AWS_CA_BUNDLE: join(dir, "no-such.pem") } }),
    (err: Error & { code?: string }) => {
      assert.equal(err.code, "LoadCustomCABundleError");
      assert.match(err.message, /failed to open custom CA bundle PEM file .*no-such\.pem.*AWS_CA_BUNDLE/);
      return true;
    },
  );
});

test("a bundle with no PEM certificate fails creation with Go's message", () => {
  assert.throws(() => newSessionWithOptions({ customCABundle: "not a certificate", env: { HOME: dir } }), {
    code: "LoadCustomCABundleError",
    message: /failed to load custom CA bundle PEM file/,
  });
});

test("PEM blocks none of which parses as a certificate fail creation (Go's AppendCertsFromPEM finds no certificate)", () => {
  const garbled = "-----BEGIN CERTIFICATE-----\nnot base64 at all!\n-----END CERTIFICATE-----\n";
  const file = join(dir, "garbled.pem");
  writeFileSync(file, garbled);
  for (const options of [{ customCABundle: garbled, env: { HOME: dir } }, { env: { HOME: dir, AWS_CA_BUNDLE: file } }]) {
    assert.throws(() => newSessionWithOptions(options), {
      code: "LoadCustomCABundleError",
      message: /failed to load custom CA bundle PEM file \((code option customCABundle|env AWS_CA_BUNDLE): no PEM certificate found\)/,
    });
  }
});

test("a bundle with a garbled block next to a good certificate is used (Go skips the blocks it cannot parse)", { skip: openssl }, async () => {
  const bundle = `-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n${readFileSync(certPath, "utf8")}`;
  const sess = newSessionWithOptions({ customCABundle: bundle, config: { region: "us-east-1", credentials: creds }, env: { HOME: dir } });
  assert.deepEqual(await listOver(sess), ["tls-ok"]);
});

test("sessions made from one bundle parse its certificates once (≈0.13 ms each: a system bundle cost every session ≈20 ms)", { skip: openssl }, () => {
  const bundle = readFileSync(certPath, "utf8").repeat(300);
  const make = (): number => {
    const start = performance.now();
    newSessionWithOptions({ customCABundle: bundle, config: { region: "us-east-1", credentials: creds }, env: { HOME: dir } });
    return performance.now() - start;
  };
  const first = make();
  let next = 0;
  for (let i = 0; i < 10; i++) next += make();
  // Parsed again each time, the ten would take about ten times the first.
  assert.ok(next < first * 3, `first ${first.toFixed(1)} ms, the next ten ${next.toFixed(1)} ms`);
});

test("TestNewSession_WithCustomCABundle_OptionPriority: the option beats a bad AWS_CA_BUNDLE", { skip: openssl }, async () => {
  const sess = newSessionWithOptions({
    customCABundle: readFileSync(certPath),
    config: { region: "us-east-1", credentials: creds },
    env: { HOME: dir, AWS_CA_BUNDLE: join(dir, "no-such.pem") },
  });
  assert.deepEqual(await listOver(sess), ["tls-ok"]);
});

test("TestNewSession_WithCustomCABundle_UnsupportedTransport: a transport from code cannot take the bundle", { skip: openssl }, () => {
  const transport = { handle: () => Promise.reject(new Error("unused")) };
  assert.throws(
    () => newSessionWithOptions({ customCABundle: readFileSync(certPath), config: { transport }, env: { HOME: dir } }),
    { code: "LoadCustomCABundleError", message: /transport unsupported type/ },
  );
});
