import assert from "node:assert/strict";
import { test } from "node:test";
import { credentialSourceProvider } from "./credentialSourceProvider.js";
import { envTokenProvider, staticTokenProvider } from "./staticTokenProvider.js";

const settle = (p: Promise<unknown>) => p.then((v) => ["ok", v], (e: Error & { code?: string }) => [e.code, e.message]);

test("staticTokenProvider answers its code; envTokenProvider reads the variable at each call", async () => {
  const env: Record<string, string | undefined> = {};
  const fromEnv = envTokenProvider("MFA_CODE", env);
  const results = [await settle(staticTokenProvider("1234567")()), await settle(fromEnv())];
  env.MFA_CODE = " 654321\n";
  results.push(await settle(fromEnv()));
  assert.deepEqual(results, [
    ["ok", "1234567"],
    ["AssumeRoleTokenNotAvailable", "AssumeRoleTokenNotAvailable: no MFA token code: environment variable MFA_CODE is not set"],
    ["ok", "654321"],
  ]);
});

test("credential_source: Environment uses the env keys; the others fail clearly at once", async () => {
  const env = credentialSourceProvider("Environment", { environment: { accessKeyId: "AK", secretAccessKey: "SK", sessionToken: "T" } });
  const v = await env.retrieve();
  assert.deepEqual([env.name, v.accessKeyId, v.secretAccessKey, v.sessionToken], ["EnvConfigCredentials", "AK", "SK", "T"]);
  assert.deepEqual(await settle(credentialSourceProvider("Environment").retrieve()), [
    "EmptyStaticCreds",
    "EmptyStaticCreds: static credentials are empty",
  ]);
  const thrown = (source: string) => {
    try {
      credentialSourceProvider(source, { profile: "ops" });
      return "no error";
    } catch (e) {
      return [(e as { code?: string }).code, (e as Error).message];
    }
  };
  assert.deepEqual(
    ["Ec2InstanceMetadata", "EcsContainer", "environment"].map(thrown),
    [
      [
        "CredentialSourceNotSupported",
        "CredentialSourceNotSupported: credential_source Ec2InstanceMetadata (profile ops) is not supported by sessionkit: it has no EC2 instance metadata credentials provider; use credential_source = Environment, source_profile or credential_process",
      ],
      [
        "CredentialSourceNotSupported",
        "CredentialSourceNotSupported: credential_source EcsContainer (profile ops) is not supported by sessionkit: it has no ECS container credentials provider; use credential_source = Environment, source_profile or credential_process",
      ],
      ["SharedConfigErr", "SharedConfigErr: credential source values must be EcsContainer, Ec2InstanceMetadata, or Environment (profile ops)"],
    ],
  );
});
