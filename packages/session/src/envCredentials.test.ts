// Go v1 (spec §2.3–2.4, §4.6): environment credentials count only when both the key and the secret are set; a
// lone key, secret or token is ignored silently, aliases apply, and env keys beat the profile's unless the
// profile was named in options. Asserted at the session level, where users meet the rule.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { newSessionWithOptions } from "./index.js";
import { goEnv } from "./testing/goFixtures.js";

const dir = mkdtempSync(join(tmpdir(), "sk-session-env-"));
after(() => rmSync(dir, { recursive: true, force: true }));
const credentialsFile = join(dir, "credentials");
writeFileSync(credentialsFile, "[default]\naws_access_key_id = FILE_AKID\naws_secret_access_key = FILE_SECRET\n");

async function resolved(env: Record<string, string>, profile?: string): Promise<[string, string]> {
  const s = newSessionWithOptions({ env: goEnv({ AWS_SHARED_CREDENTIALS_FILE: credentialsFile, ...env }), profile });
  const v = await s.config.credentials.get();
  return [v.accessKeyId, v.providerName];
}

const cases: Record<string, { env: Record<string, string>; profile?: string; expect: [string, string] }> = {
  "both keys: env credentials": {
    env: { AWS_ACCESS_KEY_ID: "ENV_AKID", AWS_SECRET_ACCESS_KEY: "ENV_SECRET" },
    expect: ["ENV_AKID", "EnvConfigCredentials"],
  },
  "aliases AWS_ACCESS_KEY / AWS_SECRET_KEY": {
    env: { AWS_ACCESS_KEY: "ALIAS_AKID", AWS_SECRET_KEY: "ALIAS_SECRET" },
    expect: ["ALIAS_AKID", "EnvConfigCredentials"],
  },
  "a lone key is ignored: the file's keys": {
    env: { AWS_ACCESS_KEY_ID: "ENV_AKID" },
    expect: ["FILE_AKID", `SharedConfigCredentials: ${credentialsFile}`],
  },
  "a lone secret is ignored": {
    env: { AWS_SECRET_ACCESS_KEY: "ENV_SECRET" },
    expect: ["FILE_AKID", `SharedConfigCredentials: ${credentialsFile}`],
  },
  "a lone token is ignored": {
    env: { AWS_SESSION_TOKEN: "ENV_TOKEN" },
    expect: ["FILE_AKID", `SharedConfigCredentials: ${credentialsFile}`],
  },
  "an empty key counts as unset": {
    env: { AWS_ACCESS_KEY_ID: "", AWS_SECRET_ACCESS_KEY: "ENV_SECRET" },
    expect: ["FILE_AKID", `SharedConfigCredentials: ${credentialsFile}`],
  },
  "options.profile makes the profile's keys beat env keys": {
    env: { AWS_ACCESS_KEY_ID: "ENV_AKID", AWS_SECRET_ACCESS_KEY: "ENV_SECRET" },
    profile: "default",
    expect: ["FILE_AKID", `SharedConfigCredentials: ${credentialsFile}`],
  },
  "AWS_PROFILE does not: env keys still win": {
    env: { AWS_ACCESS_KEY_ID: "ENV_AKID", AWS_SECRET_ACCESS_KEY: "ENV_SECRET", AWS_PROFILE: "default" },
    expect: ["ENV_AKID", "EnvConfigCredentials"],
  },
};

test("env credentials need both keys; options.profile (not AWS_PROFILE) puts the profile first", async () => {
  const got: Record<string, [string, string]> = {};
  for (const [name, c] of Object.entries(cases)) got[name] = await resolved(c.env, c.profile);
  assert.deepEqual(got, Object.fromEntries(Object.entries(cases).map(([name, c]) => [name, c.expect])));
});
