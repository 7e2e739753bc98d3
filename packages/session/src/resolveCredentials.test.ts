// Go v1 aws/session/credentials_test.go, ported (spec §4, §8): assume role from shared config (with MFA,
// durations, invalid source profiles), credential_source, credential_process, and the precedence of env
// credentials. STS is a stand-in transport that records each AssumeRole call's form fields.
import assert from "node:assert/strict";
import { test } from "node:test";
import { defaultHandlers } from "@sessionkit/handlers";
import type { Request } from "@sessionkit/types";
import { newSessionWithOptions, SharedConfigState } from "./index.js";
import { goEnv, goFixture, goSessionDir, goSkip, testConfigFilename } from "./testing/goFixtures.js";
import { stsServer } from "./testing/stsServer.js";

const skip = goSkip;
const credentialSourceConfig = goFixture("credential_source_config");

/** Go's `TestSessionAssumeRole` env: a role profile in the credentials file, shared config on. */
function assumeRoleEnv(extra: Record<string, string> = {}): ReturnType<typeof goEnv> {
  return goEnv({
    AWS_REGION: "us-east-1",
    AWS_SDK_LOAD_CONFIG: "1",
    AWS_SHARED_CREDENTIALS_FILE: testConfigFilename,
    AWS_PROFILE: "assume_role_w_creds",
    ...extra,
  });
}

test("TestSessionAssumeRole: source_profile with static keys → AssumeRoleProvider credentials", { skip }, async () => {
  const sts = stsServer();
  const s = newSessionWithOptions({ config: { endpoint: "sts.test", disableSSL: true, transport: sts }, env: assumeRoleEnv() });
  assert.equal(sts.calls.length, 0, "creation is lazy: no STS call until get()");
  const creds = await s.config.credentials.get();
  assert.deepEqual([creds.accessKeyId, creds.secretAccessKey, creds.sessionToken], ["AKID", "SECRET", "SESSION_TOKEN"]);
  assert.match(creds.providerName, /AssumeRoleProvider/);
  assert.equal(sts.calls.length, 1);
  const call = sts.calls[0];
  assert.equal(call?.url, "http://sts.test/");
  assert.deepEqual(
    [call?.form.Action, call?.form.RoleArn, call?.form.RoleSessionName, call?.form.ExternalId, call?.form.DurationSeconds],
    ["AssumeRole", "assume_role_w_creds_role_arn", "assume_role_w_creds_session_name", "1234", "900"],
  );
  assert.equal(call?.signedWith, "assume_role_w_creds_akid", "the source profile's keys sign the STS call");
  // Cached: a second get() makes no call.
  await s.config.credentials.get();
  assert.equal(sts.calls.length, 1);
});

test("TestSessionAssumeRole_WithMFA: the token provider is called at retrieve; SerialNumber and TokenCode are sent", { skip }, async () => {
  const sts = stsServer();
  const asked: string[] = [];
  const sess = newSessionWithOptions({
    profile: "assume_role_w_mfa",
    config: { region: "us-east-1", endpoint: "sts.test", disableSSL: true, transport: sts },
    sharedConfigState: SharedConfigState.Enable,
    assumeRoleTokenProvider: async () => {
      asked.push("asked");
      return "tokencode";
    },
    env: assumeRoleEnv(),
  });
  assert.deepEqual(asked, [], "not asked at creation");
  const creds = await sess.config.credentials.get();
  assert.deepEqual(asked, ["asked"]);
  assert.deepEqual([creds.accessKeyId, creds.sessionToken], ["AKID", "SESSION_TOKEN"]);
  assert.deepEqual(
    [sts.calls[0]?.form.SerialNumber, sts.calls[0]?.form.TokenCode, sts.calls[0]?.form.DurationSeconds],
    ["0123456789", "tokencode", "900"],
  );
});

test("TestSessionAssumeRole_WithMFA_NoTokenProvider: creation fails with AssumeRoleTokenProviderNotSetError", { skip }, () => {
  assert.throws(
    () => newSessionWithOptions({ profile: "assume_role_w_mfa", sharedConfigState: SharedConfigState.Enable, env: assumeRoleEnv() }),
    { code: "AssumeRoleTokenProviderNotSetError", name: "AssumeRoleTokenProviderNotSetError" },
  );
});

test("TestSessionAssumeRole_DisableSharedConfig: with AWS_SDK_LOAD_CONFIG=0 the role is ignored, static keys used", { skip }, async () => {
  const sts = stsServer();
  const s = newSessionWithOptions({ config: { transport: sts }, env: assumeRoleEnv({ AWS_SDK_LOAD_CONFIG: "0" }) });
  const creds = await s.config.credentials.get();
  assert.deepEqual([creds.accessKeyId, creds.secretAccessKey], ["assume_role_w_creds_akid", "assume_role_w_creds_secret"]);
  assert.match(creds.providerName, /SharedConfigCredentials/);
  assert.equal(sts.calls.length, 0);
});

test("TestSessionAssumeRole_InvalidSourceProfile: creation fails with SharedConfigAssumeRoleError", { skip }, () => {
  assert.throws(
    () => newSessionWithOptions({ env: assumeRoleEnv({ AWS_PROFILE: "assume_role_invalid_source_profile" }) }),
    (err: Error & { code?: string }) => {
      assert.equal(err.code, "SharedConfigAssumeRoleError");
      assert.match(err.message, /SharedConfigAssumeRoleError: failed to load assume role/);
      assert.match(err.message, /profile_not_exists/);
      return true;
    },
  );
});

const durations: { profile: string; optionSeconds?: number; expected: string }[] = [
  { profile: "assume_role_w_creds", expected: "900" },
  { profile: "assume_role_w_creds", optionSeconds: 1800, expected: "1800" },
  { profile: "assume_role_w_creds_w_duration", expected: "1800" },
  { profile: "assume_role_w_creds_w_invalid_duration", expected: "900" },
];

for (const d of durations) {
  test(`TestSessionAssumeRole_ExtendedDuration: ${d.profile}, option ${d.optionSeconds ?? "unset"} → ${d.expected}`, { skip }, async () => {
    const sts = stsServer();
    const s = newSessionWithOptions({
      profile: d.profile,
      config: { endpoint: "sts.test", disableSSL: true, transport: sts },
      sharedConfigState: SharedConfigState.Enable,
      assumeRoleDuration: d.optionSeconds,
      env: assumeRoleEnv(),
    });
    const creds = await s.config.credentials.get();
    assert.deepEqual([creds.accessKeyId, sts.calls[0]?.form.DurationSeconds], ["AKID", d.expected]);
  });
}

test("TestSessionAssumeRole_WithMFA_ExtendedDuration: MFA plus the duration option sends DurationSeconds=1800", { skip }, async () => {
  const sts = stsServer(30 * 60_000);
  const sess = newSessionWithOptions({
    profile: "assume_role_w_mfa",
    config: { region: "us-east-1", endpoint: "sts.test", disableSSL: true, transport: sts },
    sharedConfigState: SharedConfigState.Enable,
    assumeRoleDuration: 1800,
    assumeRoleTokenProvider: async () => "tokencode",
    env: assumeRoleEnv(),
  });
  await sess.config.credentials.get();
  assert.deepEqual(
    [sts.calls[0]?.form.SerialNumber, sts.calls[0]?.form.TokenCode, sts.calls[0]?.form.DurationSeconds],
    ["0123456789", "tokencode", "1800"],
  );
});

/** Go's `TestSharedConfigCredentialSource` rows that apply (IMDS, ECS and SSO sources are out of scope). */
interface SourceCase {
  readonly name: string;
  readonly profile?: string;
  readonly optionProfile?: string;
  readonly env?: Record<string, string>;
  readonly error?: { at: "creation" | "get"; code: string };
  readonly expected?: [string, string, string | undefined];
  /** RoleArn of each AssumeRole call, in order. */
  readonly chain?: string[];
}

const sourceCases: SourceCase[] = [
  {
    name: "credential source and source profile",
    profile: "invalid_source_and_credential_source",
    env: { AWS_ACCESS_KEY: "access_key", AWS_SECRET_KEY: "secret_key" },
    error: { at: "creation", code: "SharedConfigErr" },
  },
  {
    name: "env var credential source",
    optionProfile: "env_var_credential_source",
    env: { AWS_ACCESS_KEY: "access_key", AWS_SECRET_KEY: "secret_key" },
    expected: ["AKID", "SECRET", "SESSION_TOKEN"],
    chain: ["assume_role_w_creds_role_arn_env"],
  },
  {
    name: "credential process with no ARN set",
    profile: "cred_proc_no_arn_set",
    expected: ["cred_proc_akid", "cred_proc_secret", undefined],
    chain: [],
  },
  {
    name: "credential process with ARN set",
    profile: "cred_proc_arn_set",
    expected: ["AKID", "SECRET", "SESSION_TOKEN"],
    chain: ["assume_role_w_creds_proc_role_arn"],
  },
  {
    name: "chained assume role with credential process",
    profile: "chained_cred_proc",
    expected: ["AKID", "SECRET", "SESSION_TOKEN"],
    chain: ["assume_role_w_creds_proc_source_prof"],
  },
  {
    name: "environment credentials with invalid sso",
    profile: "sso_invalid",
    env: { AWS_ACCESS_KEY: "access_key", AWS_SECRET_KEY: "secret_key" },
    expected: ["access_key", "secret_key", undefined],
    chain: [],
  },
  {
    name: "env var credential source with no env credentials fails at get() with EmptyStaticCreds",
    optionProfile: "env_var_credential_source",
    error: { at: "get", code: "EmptyStaticCreds" },
  },
  {
    name: "EcsContainer without AWS_CONTAINER_CREDENTIALS_RELATIVE_URI fails creation",
    profile: "ecscontainer",
    error: { at: "creation", code: "SharedConfigErr" },
  },
];

for (const c of sourceCases) {
  const posixOnly = process.platform === "win32" && (c.profile ?? "").includes("cred_proc") ? "needs a POSIX shell" : false;
  test(`TestSharedConfigCredentialSource: ${c.name}`, { skip: skip || posixOnly }, async () => {
    const sts = stsServer();
    const chain: string[] = [];
    const handlers = defaultHandlers();
    // As Go's test: a sign handler records the RoleArn of every signed AssumeRole call.
    handlers.sign.pushBack((r: Request) => {
      const params = r.params as { RoleArn?: string };
      if (r.clientInfo.serviceName === "sts" && params.RoleArn !== undefined) chain.push(params.RoleArn);
    });
    // Go's test names the fixture AWS_CONFIG_FILE; its sections have no `profile ` prefix, which the
    // cross-SDK file format ignores in a config file, so the port reads it as the credentials file.
    const env = goEnv({
      AWS_SHARED_CREDENTIALS_FILE: credentialSourceConfig,
      AWS_REGION: "us-east-1",
      AWS_SDK_LOAD_CONFIG: "1",
      ...(c.profile === undefined ? {} : { AWS_PROFILE: c.profile }),
      ...c.env,
    });
    const create = () =>
      newSessionWithOptions({
        profile: c.optionProfile,
        config: { endpoint: "sts.test", disableSSL: true, transport: sts },
        handlers,
        env,
      });
    if (c.error?.at === "creation") {
      assert.throws(create, { code: c.error.code });
      return;
    }
    const sess = create();
    if (c.error?.at === "get") {
      await assert.rejects(sess.config.credentials.get(), { code: c.error.code });
      return;
    }
    // The process is `cat ./testdata/test_json.json`, relative to the directory Go's tests run in.
    const cwd = process.cwd();
    process.chdir(goSessionDir);
    try {
      const creds = await sess.config.credentials.get();
      assert.deepEqual([creds.accessKeyId, creds.secretAccessKey, creds.sessionToken], c.expected);
      assert.deepEqual(chain, c.chain);
    } finally {
      process.chdir(cwd);
    }
  });
}

test("assumeRoleTokenProvider also takes a factory of a provider (the issue's `stdinTokenProvider`), made once", { skip }, async () => {
  const { stdinTokenProvider } = await import("@sessionkit/credential-provider-assume-role");
  const { PassThrough } = await import("node:stream");
  const input = new PassThrough();
  const prompts: string[] = [];
  const output = { write: (t: string) => void prompts.push(t) };
  // What `assumeRoleTokenProvider: stdinTokenProvider` does, with the streams injected.
  const factory = () => stdinTokenProvider({ input, output });
  const sts = stsServer();
  const sess = newSessionWithOptions({
    profile: "assume_role_w_mfa",
    config: { region: "us-east-1", endpoint: "sts.test", disableSSL: true, transport: sts },
    sharedConfigState: SharedConfigState.Enable,
    assumeRoleTokenProvider: factory,
    env: assumeRoleEnv(),
  });
  input.write("7654321\n");
  await sess.config.credentials.get();
  assert.deepEqual(prompts, ["Assume Role MFA token code: "]);
  assert.equal(sts.calls[0]?.form.TokenCode, "7654321");
});
