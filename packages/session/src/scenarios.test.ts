// The smithy-rs credential scenario folders (conformance README §4): `profile-provider/` and
// `default-credential-provider-chain/`, replayed through the session with env.json as the only environment,
// `fs/` mounted by rewriting HOME (and other absolute paths) into the case folder, and http-traffic.json
// answered by an injected transport. Every folder is listed below: in scope (with the result this session
// gives, Go's semantics) or out of scope with the reason. The README carries the same table.
import assert from "node:assert/strict";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { conformanceDir } from "@sessionkit/test-env";
import { newSessionWithOptions, SharedConfigState } from "./index.js";
import { replayTransport } from "./testing/replayTransport.js";

const found = conformanceDir();
const root = join(found.value ?? "/nonexistent", "smithy-rs", "aws", "rust-runtime", "aws-config", "test-data");

type Suite = "profile-provider" | "default-credential-provider-chain";

/** How a folder is run, and what differs from the recording, if anything. */
interface Plan {
  /** `pass`: replayed and compared in full. `go-differs`: Go v1 gives another result (asserted), see `note`. */
  readonly status: "pass" | "go-differs" | "out-of-scope";
  readonly note?: string;
  /** For an expected error: the code this session raises, and when. */
  readonly error?: { readonly at: "creation" | "get"; readonly code: string };
  /** For `go-differs`: rewrite the config file so the case shows what it was written to show. */
  readonly rewrite?: (config: string) => string;
}

const dropSourceProfile = (config: string): string =>
  config
    .split("\n")
    .filter((l) => !/^\s*source_profile\s*=/.test(l) || !config.includes("credential_process"))
    .join("\n");
const PROCESS_NOTE =
  "[default] has source_profile without role_arn: Go fails creation with CredentialRequiresARNError (asserted); with that line removed the case is replayed in full";

const PLANS: Record<Suite, Record<string, Plan>> = {
  "profile-provider": {
    e2e_assume_role: { status: "pass" },
    retry_on_error: { status: "pass" },
    region_override: { status: "pass" },
    assume_role_override_global_env_url: { status: "pass" },
    assume_role_override_service_env_url: { status: "pass" },
    assume_role_override_global_profile_url: { status: "pass" },
    assume_role_override_service_profile_url: { status: "pass" },
    invalid_config: { status: "pass", error: { at: "creation", code: "SharedConfigLoadError" } },
    empty_config: { status: "pass", error: { at: "creation", code: "SharedConfigProfileNotExistsError" } },
    credential_process: { status: "go-differs", note: PROCESS_NOTE, rewrite: dropSourceProfile },
    credential_process_account_id_fallback: { status: "go-differs", note: PROCESS_NOTE, rewrite: dropSourceProfile },
    credential_process_failure: {
      status: "go-differs",
      note: PROCESS_NOTE,
      rewrite: dropSourceProfile,
      error: { at: "get", code: "ProcessProviderExecutionError" },
    },
    credential_process_invalid: {
      status: "go-differs",
      note: PROCESS_NOTE,
      rewrite: dropSourceProfile,
      error: { at: "get", code: "ProcessProviderParseError" },
    },
    e2e_fips_and_dual_stack_sts: { status: "out-of-scope", note: "FIPS / dual-stack endpoints: the Config contract has no such settings" },
    invalid_sso_credentials_config: { status: "out-of-scope", note: "SSO" },
    sso_credentials: { status: "out-of-scope", note: "SSO" },
    sso_override_global_env_url: { status: "out-of-scope", note: "SSO" },
    sso_token: { status: "out-of-scope", note: "SSO" },
  },
  "default-credential-provider-chain": {
    environment_variables: { status: "pass" },
    environment_variables_blank: { status: "pass", note: "whitespace-only env keys count as unset (Go would use them)" },
    prefer_environment: { status: "pass" },
    profile_static_keys: { status: "pass" },
    profile_static_keys_case_insensitive: { status: "pass" },
    profile_name: { status: "pass" },
    web_identity_source_profile_no_env: {
      status: "pass",
      note: "web_identity_token_file without role_arn is a creation error in Go too",
      error: { at: "creation", code: "CredentialRequiresARNError" },
    },
    profile_overrides_web_identity: {
      status: "out-of-scope",
      note: "web identity; Go would also differ: env web identity beats AWS_PROFILE (spec §4.2)",
    },
    web_identity_token_env: { status: "out-of-scope", note: "web identity" },
    web_identity_token_profile: { status: "out-of-scope", note: "web identity" },
    web_identity_token_source_profile: { status: "out-of-scope", note: "web identity" },
    web_identity_token_invalid_jwt: { status: "out-of-scope", note: "web identity" },
    ecs_assume_role: { status: "out-of-scope", note: "ECS container credentials" },
    ecs_credentials: { status: "out-of-scope", note: "ECS container credentials" },
    ecs_credentials_invalid_profile: { status: "out-of-scope", note: "ECS container credentials" },
    eks_pod_identity_credentials: { status: "out-of-scope", note: "EKS pod identity" },
    eks_pod_identity_no_token_file: { status: "out-of-scope", note: "EKS pod identity" },
    imds_assume_role: { status: "out-of-scope", note: "EC2 instance metadata (IMDS)" },
    imds_config_with_no_creds: { status: "out-of-scope", note: "EC2 instance metadata (IMDS)" },
    imds_default_chain_error: { status: "out-of-scope", note: "EC2 instance metadata (IMDS)" },
    imds_default_chain_retries: { status: "out-of-scope", note: "EC2 instance metadata (IMDS)" },
    imds_default_chain_success: { status: "out-of-scope", note: "EC2 instance metadata (IMDS)" },
    imds_disabled: { status: "out-of-scope", note: "EC2 instance metadata (IMDS)" },
    imds_no_iam_role: { status: "out-of-scope", note: "EC2 instance metadata (IMDS)" },
    imds_token_fail: { status: "out-of-scope", note: "EC2 instance metadata (IMDS)" },
    sso_assume_role: { status: "out-of-scope", note: "SSO" },
    sso_no_token_file: { status: "out-of-scope", note: "SSO" },
    sso_server_error: { status: "out-of-scope", note: "SSO" },
    e2e_fips_and_dual_stack_sso: { status: "out-of-scope", note: "SSO (and FIPS / dual-stack)" },
  },
};

interface Expected {
  readonly access_key_id: string;
  readonly secret_access_key: string;
  readonly session_token?: string;
  readonly account_id?: string;
  readonly expiry?: number;
}

/** env.json with absolute paths moved into the case's `fs/` (its mount point). */
function mountEnv(env: Record<string, string>, fsRoot: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) {
    const isPath = k === "HOME" || k.endsWith("_FILE") || k === "USERPROFILE";
    out[k] = isPath && v.startsWith("/") ? join(fsRoot, v) : v;
  }
  return out;
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, "utf8")) as T;
}

async function runCase(suite: Suite, name: string, plan: Plan, rewrite: boolean): Promise<void> {
  const dir = join(root, suite, name);
  let fsRoot = join(dir, "fs");
  let scratch: string | undefined;
  if (rewrite && plan.rewrite !== undefined) {
    // The rewritten files go to a temporary copy, never into the repository.
    scratch = mkdtempSync(join(tmpdir(), `sk-scenario-${name}-`));
    cpSync(fsRoot, scratch, { recursive: true });
    const config = join(scratch, "home", ".aws", "config");
    writeFileSync(config, plan.rewrite(readFileSync(config, "utf8")));
    fsRoot = scratch;
  }
  try {
    const env = mountEnv(readJson<Record<string, string>>(join(dir, "env.json")), fsRoot);
    const traffic = replayTransport(readJson(join(dir, "http-traffic.json")));
    const testCase = readJson<{ result: { Ok?: Expected; ErrorContains?: string } }>(join(dir, "test-case.json"));
    const create = () =>
      newSessionWithOptions({
        // The profile provider alone: naming the profile in options makes its credentials beat env ones (Go #2727).
        ...(suite === "profile-provider" ? { profile: env.AWS_PROFILE ?? "default" } : {}),
        // The suites always read ~/.aws/config: Go's AWS_SDK_LOAD_CONFIG=1.
        sharedConfigState: SharedConfigState.Enable,
        env,
        config: {
          transport: traffic,
          // The recordings use regional STS endpoints (Go's AWS_STS_REGIONAL_ENDPOINTS=regional).
          stsRegionalEndpoints: "regional",
          sleep: () => Promise.resolve(),
        },
      });

    const expectError = plan.status === "go-differs" && !rewrite ? { at: "creation", code: "CredentialRequiresARNError" } : plan.error;
    if (expectError !== undefined) {
      assert.ok(testCase.result.ErrorContains !== undefined || !rewrite, "the recording expects an error too");
      if (expectError.at === "creation") {
        assert.throws(create, { code: expectError.code });
      } else {
        await assert.rejects(create().config.credentials.get(), { code: expectError.code });
      }
      assert.deepEqual(traffic.sent, []);
      return;
    }
    const expected = testCase.result.Ok;
    assert.ok(expected, `${name} expects an error: ${testCase.result.ErrorContains}`);
    const value = await create().config.credentials.get();
    const got: Record<string, unknown> = {
      access_key_id: value.accessKeyId,
      secret_access_key: value.secretAccessKey,
      session_token: value.sessionToken,
      account_id: value.accountId,
      expiry: value.expiration === undefined ? undefined : Math.floor(value.expiration.getTime() / 1000),
    };
    const want: Record<string, unknown> = {
      access_key_id: expected.access_key_id,
      secret_access_key: expected.secret_access_key,
      session_token: expected.session_token,
      account_id: expected.account_id,
      expiry: expected.expiry,
    };
    assert.deepEqual(got, want);
    assert.deepEqual(traffic.sent, traffic.expected);
  } finally {
    if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true });
  }
}

test("every scenario folder is listed (in scope or out of scope with a reason)", { skip: found.skip }, () => {
  const counts: Record<string, number> = {};
  for (const suite of Object.keys(PLANS) as Suite[]) {
    const folders = readdir(join(root, suite));
    assert.deepEqual(folders, Object.keys(PLANS[suite]).sort(), suite);
    for (const plan of Object.values(PLANS[suite])) counts[`${suite} ${plan.status}`] = (counts[`${suite} ${plan.status}`] ?? 0) + 1;
  }
  assert.deepEqual(counts, {
    "profile-provider pass": 9,
    "profile-provider go-differs": 4,
    "profile-provider out-of-scope": 5,
    "default-credential-provider-chain pass": 7,
    "default-credential-provider-chain out-of-scope": 22,
  });
});

function readdir(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}

for (const suite of Object.keys(PLANS) as Suite[]) {
  for (const [name, plan] of Object.entries(PLANS[suite])) {
    const posix = process.platform === "win32" && name.startsWith("credential_process") ? "needs a POSIX shell" : false;
    // Out-of-scope folders are listed (and checked to exist) by the first test; they are not run.
    if (plan.status === "out-of-scope") continue;
    test(`${suite}/${name}${plan.note === undefined ? "" : ` — ${plan.note}`}`, { skip: found.skip || posix }, () =>
      runCase(suite, name, plan, false),
    );
    if (plan.status === "go-differs") {
      test(`${suite}/${name} without the stray source_profile: replayed in full`, { skip: found.skip || posix }, () =>
        runCase(suite, name, plan, true),
      );
    }
  }
}
