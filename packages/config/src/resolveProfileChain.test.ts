import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { isSdkError } from "@sessionkit/errors";
import { conformanceDir } from "@sessionkit/test-env";
import { type ChainRules, type ProfileChain, resolveProfileChain } from "./index.js";

const dir = conformanceDir();

interface ChainCase {
  docs: string;
  input: {
    profiles: Record<string, Record<string, string>>;
    selected_profile: string;
    sso_sessions?: Record<string, Record<string, string>>;
  };
  output: { ProfileChain: unknown[] } | { Error: string };
}

function loadSuite(): ChainCase[] {
  const file = join(dir.value ?? "", "smithy-rs/aws/rust-runtime/aws-config/test-data/assume-role-tests.json");
  return JSON.parse(readFileSync(file, "utf8")) as ChainCase[];
}

/** Our chain in the suite's notation (optional fields only when set). */
function toSuite(chain: ProfileChain): unknown[] {
  const pick = (o: Record<string, { value: unknown } | undefined>) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v.value;
    return out;
  };
  return chain.map((step) => {
    switch (step.type) {
      case "staticKeys":
        return {
          AccessKey: pick({
            access_key_id: step.accessKeyId,
            secret_access_key: step.secretAccessKey,
            account_id: step.accountId,
          }),
        };
      case "credentialSource":
        return { NamedSource: step.credentialSource.value };
      case "webIdentity":
        return {
          WebIdentityToken: pick({
            role_arn: step.roleArn,
            web_identity_token_file: step.webIdentityTokenFile,
            role_session_name: step.roleSessionName,
          }),
        };
      case "sso":
        return {
          Sso: pick({
            sso_session: step.ssoSession,
            sso_account_id: step.ssoAccountId,
            sso_region: step.ssoRegion,
            sso_role_name: step.ssoRoleName,
            sso_start_url: step.ssoStartUrl,
          }),
        };
      case "assumeRole":
        return {
          AssumeRole: pick({
            role_arn: step.roleArn,
            external_id: step.externalId,
            role_session_name: step.roleSessionName,
          }),
        };
      default:
        return { [step.type]: step.profile };
    }
  });
}

/** The suite's error texts (smithy-rs wording) mapped to our error code and a message pattern. */
const EXPECTED_ERRORS: Record<string, { code: string; message: RegExp }> = {
  "profile must contain `source_profile`": { code: "SharedConfigErr", message: /profile A has role_arn but no source_profile/ },
  "profile contained both source_profile and credential_source": {
    code: "SharedConfigErr",
    message: /only one credential type may be specified per profile/,
  },
  "profile missing aws_secret_access_key": {
    code: "SharedConfigAssumeRoleError",
    message: /source profile B has no shared credentials: profile B is missing aws_secret_access_key/,
  },
  "profile missing aws_access_key_id": {
    code: "SharedConfigAssumeRoleError",
    message: /profile B is missing aws_access_key_id/,
  },
  "profile `B` did not contain credential information": {
    code: "SharedConfigAssumeRoleError",
    message: /profile B did not contain credential information/,
  },
  "profile `A` did not contain credential information": {
    code: "SharedConfigErr",
    message: /profile A did not contain credential information/,
  },
  "could not find source profile B referenced from A": {
    code: "SharedConfigAssumeRoleError",
    message: /profile B referenced from A was not found/,
  },
  "No profiles were defined": { code: "SharedConfigProfileNotExistsError", message: /failed to get profile, A/ },
  "profile formed an infinite loop": { code: "SharedConfigErr", message: /A -> B -> A forms an infinite loop/ },
  "`role_arn` was missing": {
    code: "CredentialRequiresARNError",
    message: /credential type web_identity_token_file requires role_arn, profile A/,
  },
  "if `sso_role_name` is set, then `sso_account_id` must also be set": {
    code: "SharedConfigErr",
    message: /missing required configuration: sso_account_id$/,
  },
  "if `sso_account_id` is set, then `sso_role_name` must also be set": {
    code: "SharedConfigErr",
    message: /missing required configuration: sso_role_name$/,
  },
  "`sso_region` can only be specified in the [sso-session] config when a session name is given": {
    code: "SharedConfigErr",
    message: /missing required configuration: sso_region$/,
  },
  "sso-session named `oops` (referenced by profile `A`) was not found": {
    code: "SharedConfigErr",
    message: /failed to find SSO session section, oops/,
  },
};

type Outcome = { chain: unknown[] } | { error: string };

function run(c: ChainCase, chainRules: ChainRules): Outcome {
  try {
    const chain = resolveProfileChain(c.input.profiles, c.input.selected_profile, {
      ssoSessions: c.input.sso_sessions,
      chainRules,
    });
    return { chain: toSuite(chain) };
  } catch (e) {
    assert.ok(isSdkError(e), `not an SdkError: ${String(e)}`);
    return { error: `${e.code}|${e.message}` };
  }
}

test("assume-role-tests.json: all 28 cases with the cross-SDK chain rules", { skip: dir.skip }, () => {
  const suite = loadSuite();
  const failures: string[] = [];
  let chains = 0;
  let errors = 0;
  for (const c of suite) {
    const got = run(c, "cross-sdk");
    if ("ProfileChain" in c.output) {
      if ("chain" in got) {
        try {
          assert.deepEqual(got.chain, c.output.ProfileChain);
          chains++;
        } catch {
          failures.push(`${c.docs}: chain ${JSON.stringify(got.chain)}`);
        }
      } else failures.push(`${c.docs}: unexpected error ${got.error}`);
    } else {
      const want = EXPECTED_ERRORS[c.output.Error];
      if (want === undefined) failures.push(`${c.docs}: no mapping for ${c.output.Error}`);
      else if (!("error" in got)) failures.push(`${c.docs}: expected an error, got ${JSON.stringify(got.chain)}`);
      else {
        const [code, ...rest] = got.error.split("|");
        const message = rest.join("|");
        if (code !== want.code || !want.message.test(message)) failures.push(`${c.docs}: ${got.error}`);
        else errors++;
      }
    }
  }
  assert.deepEqual(failures, []);
  assert.deepEqual({ total: suite.length, chains, errors }, { total: 28, chains: 13, errors: 15 });
});

test("assume-role-tests.json with Go v1's rules: exactly the documented deviations", { skip: dir.skip }, () => {
  const differences: Record<string, Outcome> = {};
  for (const c of loadSuite()) {
    const go = run(c, "go");
    const cross = run(c, "cross-sdk");
    if (JSON.stringify(go) !== JSON.stringify(cross)) differences[c.docs] = go;
  }
  const staticKeys = (id: string) => ({ AccessKey: { access_key_id: id, secret_access_key: id } });
  assert.deepEqual(differences, {
    "role_arn without source source_profile": {
      chain: [{ defaultChain: "A" }, { AssumeRole: { role_arn: "arn:aws:iam::123456789:role/RoleA" } }],
    },
    "profile only contains configuration": { chain: [{ defaultChain: "A" }] },
    "chained assume role profiles with static credentials (ignore assume role when static credentials present)": {
      chain: [
        { AccessKey: { access_key_id: "profile_b_key", secret_access_key: "profile_b_secret" } },
        { AssumeRole: { role_arn: "arn:aws:iam::123456789:role/RoleB" } },
        { AssumeRole: { role_arn: "arn:aws:iam::123456789:role/RoleA" } },
      ],
    },
    "assume role profile infinite loop": {
      error:
        "SharedConfigAssumeRoleError|SharedConfigAssumeRoleError: failed to load assume role for arn:aws:iam::123456789:role/RoleB, source profile A has no shared credentials: profile A did not contain credential information",
    },
    "infinite loop with static credentials": {
      chain: [
        staticKeys("bug_if_returned"),
        { AssumeRole: { role_arn: "arn:aws:iam::123456789:role/RoleB" } },
        { AssumeRole: { role_arn: "arn:aws:iam::123456789:role/RoleA" } },
      ],
    },
  });
});

test("a source_profile chain of more than 1,000 links is a typed SharedConfigErr naming where it stopped, not a RangeError", () => {
  const chainOf = (links: number): Record<string, Record<string, string>> => {
    const profiles: Record<string, Record<string, string>> = {};
    for (let i = 0; i < links; i++) profiles[`p${i}`] = { role_arn: `arn:aws:iam::123456789012:role/r${i}`, source_profile: `p${i + 1}` };
    profiles[`p${links}`] = { aws_access_key_id: "AKID", aws_secret_access_key: "SECRET" };
    return profiles;
  };
  const outcome = (links: number): unknown => {
    try {
      return resolveProfileChain(chainOf(links), "p0").length;
    } catch (err) {
      return [(err as { code?: string }).code ?? (err as Error).name, (err as Error).message];
    }
  };
  assert.deepEqual(
    [1000, 1001, 5000].map(outcome),
    [
      1001,
      ["SharedConfigErr", "SharedConfigErr: source_profile chain longer than 1000 links, stopped at profile p1000"],
      ["SharedConfigErr", "SharedConfigErr: source_profile chain longer than 1000 links, stopped at profile p1000"],
    ],
  );
});
