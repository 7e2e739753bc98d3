// Against Ceph RGW's real STS (started by `pnpm test` / with-servers.mjs; a visible skip otherwise).
import assert from "node:assert/strict";
import { test } from "node:test";
import { rgw } from "@sessionkit/test-env";
import { STS } from "./STS.js";
import { STSServiceError } from "./STSServiceError.js";
import { fetchTransport, keys, testProvider } from "./testFixtures.js";

const server = rgw();
const info = server.value;

function sts(accessKeyId = info?.accessKeyId ?? "", secretAccessKey = info?.secretAccessKey ?? ""): STS {
  return new STS(testProvider({ transport: fetchTransport, credentials: keys(accessKeyId, secretAccessKey) }, info?.endpoint));
}

test("RGW: AssumeRole returns temporary credentials with a nanosecond Expiration parsed", { skip: server.skip }, async () => {
  const before = Date.now();
  const out = await sts().assumeRole({ RoleArn: info?.roleArn ?? "", RoleSessionName: "sessionkit-sts", DurationSeconds: 900 });
  const c = out.Credentials;
  assert.ok(c);
  assert.match(c.AccessKeyId, /^[A-Za-z0-9]{16,32}$/);
  assert.ok(c.SecretAccessKey.length > 20);
  assert.ok(c.SessionToken.length > 100);
  // 900 s from now, to within the test's own runtime.
  const ttl = c.Expiration.getTime() - before;
  assert.ok(ttl > 890_000 && ttl < 910_000, `ttl ${ttl}`);
  assert.match(out.AssumedRoleUser?.Arn ?? "", /^arn:aws:sts::\d*:assumed-role\/S3Access\/sessionkit-sts$/);
  assert.match(out.AssumedRoleUser?.AssumedRoleId ?? "", /:sessionkit-sts$/);
  assert.match(out.ResponseMetadata.RequestId ?? "", /^tx/);
});

test("RGW: MFA serial with a 7-character code is accepted; no length check on our side", { skip: server.skip }, async () => {
  const out = await sts().assumeRole({
    RoleArn: info?.roleArn ?? "",
    RoleSessionName: "sessionkit-mfa",
    SerialNumber: "arn:aws:iam:::mfa/testuser",
    TokenCode: "1234567",
  });
  assert.ok(out.Credentials?.SessionToken);
});

test("RGW: typed errors in its S3-shaped error bodies", { skip: server.skip }, async () => {
  const results = await Promise.all([
    sts(info?.otherAccessKeyId, info?.otherSecretAccessKey).assumeRole({ RoleArn: info?.roleArn ?? "", RoleSessionName: "x1" }),
    sts().assumeRole({ RoleArn: "arn:aws:iam:::role/DoesNotExist", RoleSessionName: "x2" }),
    sts().assumeRole({ RoleArn: info?.roleArn ?? "", RoleSessionName: "x3", DurationSeconds: 100_000 }),
    sts(info?.accessKeyId, "wrong-secret").assumeRole({ RoleArn: info?.roleArn ?? "", RoleSessionName: "x4" }),
    sts().getCallerIdentity(),
  ].map((p) => p.then(() => undefined, (e: unknown) => e)));
  assert.deepEqual(
    results.map((e) => {
      assert.ok(e instanceof STSServiceError, String(e));
      assert.match(e.requestId ?? "", /^tx/);
      return [e.code, e.statusCode, e.operation];
    }),
    [
      ["AccessDenied", 403, "sts/AssumeRole"],
      ["NoSuchEntity", 404, "sts/AssumeRole"],
      ["InvalidArgument", 400, "sts/AssumeRole"],
      ["AccessDenied", 403, "sts/AssumeRole"],
      ["MethodNotAllowed", 405, "sts/GetCallerIdentity"],
    ],
  );
});
