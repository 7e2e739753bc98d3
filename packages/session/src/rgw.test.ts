// End to end against Ceph RGW (real SigV4 and STS): a session from a throwaway HOME whose config has a role
// profile with mfa_serial, its source profile holding RGW's static keys, and the endpoint from the profile
// (`endpoint_url`) or the environment (`AWS_ENDPOINT_URL`). S3 calls work with the assumed credentials.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { rgw } from "@sessionkit/test-env";
import { newSessionWithOptions, SharedConfigState } from "./index.js";
import { S3 } from "./testing/clientS3.js";

const server = rgw();
const homes: string[] = [];
after(() => {
  for (const h of homes) rmSync(h, { recursive: true, force: true });
});

function home(endpointInProfile: boolean): string {
  const info = server.value;
  assert.ok(info);
  const dir = mkdtempSync(join(tmpdir(), "sk-session-rgw-"));
  homes.push(dir);
  mkdirSync(join(dir, ".aws"));
  writeFileSync(
    join(dir, ".aws", "credentials"),
    `[rgw-base]\naws_access_key_id = ${info.accessKeyId}\naws_secret_access_key = ${info.secretAccessKey}\n`,
  );
  writeFileSync(
    join(dir, ".aws", "config"),
    [
      "[profile rgw-role]",
      `role_arn = ${info.roleArn}`,
      "source_profile = rgw-base",
      "mfa_serial = arn:aws:iam::123456789012:mfa/sessionkit-test",
      "role_session_name = sessionkit-rgw-test",
      "region = us-east-1",
      ...(endpointInProfile ? [`endpoint_url = ${info.endpoint}`] : []),
      "",
    ].join("\n"),
  );
  return dir;
}

for (const where of ["endpoint_url in the profile", "AWS_ENDPOINT_URL in the environment"] as const) {
  test(`RGW: role profile with mfa_serial, ${where} → S3 works with assumed credentials`, { skip: server.skip }, async () => {
    const info = server.value;
    assert.ok(info);
    const inProfile = where.startsWith("endpoint_url");
    const prompts: string[] = [];
    const sess = newSessionWithOptions({
      profile: "rgw-role",
      sharedConfigState: SharedConfigState.Enable,
      // RGW 16.2 rejects 6-character codes (local-servers.md); 7 are accepted.
      assumeRoleTokenProvider: async () => {
        prompts.push("asked");
        return "1234567";
      },
      config: { s3ForcePathStyle: true },
      env: { HOME: home(inProfile), ...(inProfile ? {} : { AWS_ENDPOINT_URL: info.endpoint }) },
    });
    assert.deepEqual(prompts, [], "nothing is asked at creation");
    const s3 = new S3(sess);
    const bucket = `sk-session-${inProfile ? "p" : "e"}-${Date.now().toString(36)}`;
    await s3.createBucket({ Bucket: bucket });
    try {
      await s3.putObject({ Bucket: bucket, Key: "hello.txt", Body: "hello from an assumed role" });
      const got = await s3.getObject({ Bucket: bucket, Key: "hello.txt" });
      assert.equal(await got.Body.transformToString(), "hello from an assumed role");
      const listed = await s3.listBuckets();
      assert.ok((listed.Buckets ?? []).some((b) => b.Name === bucket));
    } finally {
      await s3.deleteObject({ Bucket: bucket, Key: "hello.txt" }).catch(() => undefined);
      await s3.deleteBucket({ Bucket: bucket });
    }
    const creds = await sess.config.credentials.get();
    assert.equal(creds.providerName, "AssumeRoleProvider");
    assert.notEqual(creds.accessKeyId, info.accessKeyId, "requests were signed with the assumed, not the static, keys");
    assert.ok(creds.sessionToken !== undefined && creds.sessionToken !== "");
    assert.deepEqual(prompts, ["asked"], "one prompt for one assume-role call, however many requests");
  });
}
