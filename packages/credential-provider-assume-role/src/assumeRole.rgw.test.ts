// Against Ceph RGW's real STS and S3 (started by `pnpm test` / with-servers.mjs; a visible skip otherwise):
// a profile with source_profile + role_arn + mfa_serial → temporary credentials → S3 requests with them,
// through @aws-sdk/client-s3 v3 taking our Credentials object unchanged as its `credentials`.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { CreateBucketCommand, DeleteBucketCommand, ListBucketsCommand, S3Client } from "@aws-sdk/client-s3";
import { STSServiceError } from "@sessionkit/client-sts";
import { loadSharedConfig, profileChain, SharedConfigFileCache } from "@sessionkit/config";
import { staticCredentials } from "@sessionkit/credentials";
import { rgw } from "@sessionkit/test-env";
import type { Credentials } from "@sessionkit/types";
import { assumeRoleChain, stsClientFactory } from "./assumeRoleChain.js";
import { configProvider } from "./testFixtures.js";

const server = rgw();
const info = server.value;
const tmp = mkdtempSync(join(tmpdir(), "sk-assume-role-rgw-"));
after(() => rmSync(tmp, { recursive: true, force: true }));

function roleCredentials(tokenCode: string, prompts: string[]): Credentials {
  const file = join(tmp, `config-${tokenCode}`);
  writeFileSync(
    file,
    [
      "[profile rgw-base]",
      `aws_access_key_id = ${info?.accessKeyId}`,
      `aws_secret_access_key = ${info?.secretAccessKey}`,
      "[profile rgw-role]",
      `role_arn = ${info?.roleArn}`,
      "source_profile = rgw-base",
      "mfa_serial = arn:aws:iam:::mfa/testuser",
      "",
    ].join("\n"),
  );
  const cfg = loadSharedConfig({ profile: "rgw-role", files: [{ path: file, kind: "config" }], sharedConfigEnabled: true, cache: new SharedConfigFileCache() });
  const [base, ...steps] = profileChain(cfg);
  assert.equal(base.type, "staticKeys");
  if (base.type !== "staticKeys") throw new Error("unreachable");
  return assumeRoleChain(staticCredentials({ accessKeyId: base.accessKeyId.value, secretAccessKey: base.secretAccessKey.value }), steps, {
    client: stsClientFactory(configProvider(info?.endpoint)),
    tokenProvider: () => {
      prompts.push("prompt");
      return Promise.resolve(tokenCode);
    },
  });
}

function s3(credentials: Credentials): S3Client {
  return new S3Client({
    endpoint: info?.endpoint,
    region: "us-east-1",
    forcePathStyle: true,
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    credentials,
  });
}

test("RGW: source_profile + role_arn + mfa_serial (7-character code) → temporary credentials that work for S3", { skip: server.skip }, async () => {
  const prompts: string[] = [];
  const credentials = roleCredentials("1234567", prompts);
  const before = Date.now();
  const v = await credentials.get();
  assert.equal(v.providerName, "AssumeRoleProvider");
  assert.notEqual(v.accessKeyId, info?.accessKeyId);
  assert.ok((v.sessionToken ?? "").length > 100);
  const ttl = (v.expiration?.getTime() ?? 0) - before;
  assert.ok(ttl > 890_000 && ttl < 910_000, `expires in ${ttl} ms (900 s requested)`);
  assert.equal(prompts.length, 1);

  // @aws-sdk/client-s3 takes the Credentials object as is (it is an AwsCredentialIdentityProvider).
  const client = s3(credentials);
  const bucket = `sk-assume-role-${Date.now().toString(36)}`;
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  const listed = await client.send(new ListBucketsCommand({}));
  await client.send(new DeleteBucketCommand({ Bucket: bucket }));
  assert.equal(listed.$metadata.httpStatusCode, 200);
  assert.ok(listed.Buckets?.some((b) => b.Name === bucket));
  // The cache served every S3 call: still one AssumeRole, one prompt.
  assert.equal(prompts.length, 1);
  client.destroy();
});

test("RGW: the temporary credentials are what signs (a tampered secret is refused)", { skip: server.skip }, async () => {
  const v = await roleCredentials("7654321", []).get();
  const tampered = s3(staticCredentials({ accessKeyId: v.accessKeyId, secretAccessKey: `${v.secretAccessKey}x`, sessionToken: v.sessionToken }));
  const err = await tampered.send(new ListBucketsCommand({})).catch((e: unknown) => e as { $metadata?: { httpStatusCode?: number } });
  assert.equal(err?.$metadata?.httpStatusCode, 403);
  tampered.destroy();
});

test("RGW: a 6-character code is sent as given and RGW's rejection surfaces as a typed STS error", { skip: server.skip }, async () => {
  const err = await roleCredentials("123456", [])
    .get()
    .catch((e: unknown) => e);
  assert.ok(err instanceof STSServiceError);
  assert.deepEqual([err.code, err.statusCode, err.operation], ["InvalidArgument", 400, "sts/AssumeRole"]);
});
