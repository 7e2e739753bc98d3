// Proves the launcher: it starts its own RGW + s3rver on free ports, RGW verifies SigV4 (wrong secret → 403)
// and serves STS AssumeRole for the test role, and stop() ends every process it started.
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { createHash, createHmac } from "node:crypto";
import { SignatureV4 } from "@smithy/signature-v4";
import { rgw } from "./require.js";
import { type RunningServers, startTestServers } from "./servers.js";

// The peer signer wants a hash constructor; node:crypto provides one (HMAC when given a secret).
class Sha256 {
  private readonly h;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    const key = secret instanceof ArrayBuffer ? new Uint8Array(secret) : secret;
    this.h = key === undefined ? createHash("sha256") : createHmac("sha256", key as string | Uint8Array);
  }
  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.h.update(data instanceof ArrayBuffer ? new Uint8Array(data) : (data as string | Uint8Array));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.h.digest());
  }
}

// Only where Ceph can run (the runner already proved it can, by starting one); otherwise a visible skip.
const available = rgw();
let servers: RunningServers | undefined;

before(async () => {
  if (available.skip) return;
  servers = await startTestServers(["rgw", "s3rver"]);
});
after(() => servers?.stop());

async function signedFetch(
  endpoint: string,
  service: string,
  secretAccessKey: string,
  accessKeyId: string,
  method: string,
  body?: string,
): Promise<Response> {
  const url = new URL(endpoint);
  const signer = new SignatureV4({ service, region: "us-east-1", credentials: { accessKeyId, secretAccessKey }, sha256: Sha256 });
  const headers: Record<string, string> = { host: url.host };
  if (body !== undefined) headers["content-type"] = "application/x-www-form-urlencoded";
  const signed = await signer.sign({
    method,
    protocol: url.protocol,
    hostname: url.hostname,
    port: Number(url.port),
    path: "/",
    query: {},
    headers,
    body,
  });
  const h = { ...signed.headers };
  delete h.host;
  return fetch(`${endpoint}/`, { method, headers: h, body });
}

test("launcher starts RGW and s3rver on loopback and writes their env", { skip: available.skip }, () => {
  assert.ok(servers);
  assert.match(servers.env.RGW_ENDPOINT ?? "", /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.match(servers.env.S3RVER_ENDPOINT ?? "", /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.deepEqual(Object.keys(servers.pids).sort(), ["ceph-client.rgw.a", "ceph-mon.a", "ceph-osd.0", "s3rver"]);
});

test("RGW accepts the right secret and rejects a wrong one with 403", { skip: available.skip }, async () => {
  assert.ok(servers);
  const env = servers.env;
  const ok = await signedFetch(env.RGW_ENDPOINT!, "s3", env.RGW_SECRET_ACCESS_KEY!, env.RGW_ACCESS_KEY_ID!, "GET");
  assert.equal(ok.status, 200);
  const bad = await signedFetch(env.RGW_ENDPOINT!, "s3", `${env.RGW_SECRET_ACCESS_KEY}x`, env.RGW_ACCESS_KEY_ID!, "GET");
  assert.equal(bad.status, 403);
  assert.match(await bad.text(), /<Code>AccessDenied<\/Code>/);
});

test("RGW's STS assumes the test role for testuser", { skip: available.skip }, async () => {
  assert.ok(servers);
  const env = servers.env;
  const form = `Action=AssumeRole&RoleArn=${encodeURIComponent(env.RGW_ROLE_ARN!)}&RoleSessionName=launcher-test&DurationSeconds=900`;
  const res = await signedFetch(env.RGW_ENDPOINT!, "sts", env.RGW_SECRET_ACCESS_KEY!, env.RGW_ACCESS_KEY_ID!, "POST", form);
  const text = await res.text();
  assert.equal(res.status, 200, text);
  assert.match(text, /<AccessKeyId>[^<]+<\/AccessKeyId>/);
  assert.match(text, /<SessionToken>[^<]+<\/SessionToken>/);
});

test("s3rver answers ListBuckets", { skip: available.skip }, async () => {
  assert.ok(servers);
  const res = await fetch(`${servers.env.S3RVER_ENDPOINT}/`);
  assert.equal(res.status, 200);
  assert.match(await res.text(), /ListAllMyBucketsResult/);
});

test("stop() ends every process it started", { skip: available.skip }, () => {
  assert.ok(servers);
  const pids = Object.values(servers.pids);
  servers.stop();
  servers = undefined;
  const alive = pids.filter((pid) => {
    if (!existsSync(`/proc/${pid}`)) return false;
    try {
      return !/^State:\s*Z/m.test(readFileSync(`/proc/${pid}/status`, "utf8"));
    } catch {
      return false;
    }
  });
  assert.deepEqual(alive, []);
});
