// Property-based tests of a whole session: random environments and random config/credentials files must end
// in a session or a typed error (never a TypeError), and secrets placed anywhere must never show in explain(),
// util.inspect or JSON of the session, its config or its credentials. FUZZ_RUNS scales the runs (default 500;
// `pnpm fuzz` sets 200,000); a session costs ~1 ms (files are written each run), so these run FUZZ_RUNS / 10 and / 20.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inspect } from "node:util";
import { after, test } from "node:test";
import { sharedConfigFileCache } from "@sessionkit/config";
import { SdkError } from "@sessionkit/errors";
import { RequestError } from "@sessionkit/http";
import { newSessionWithOptions, SharedConfigState } from "@sessionkit/session";
import type { Transport } from "@sessionkit/types";
import fc from "fast-check";
import { describeError } from "./outcome.js";

const RUNS = Number(process.env.FUZZ_RUNS ?? "") || 500;
const params = { seed: 20261127, numRuns: Math.max(100, Math.floor(RUNS / 10)) };
const secretParams = { seed: 20261128, numRuns: Math.max(100, Math.floor(RUNS / 20)) };

const home = mkdtempSync(join(tmpdir(), "sk-session-fuzz-"));
const aws = join(home, ".aws");
mkdirSync(aws);
after(() => rmSync(home, { recursive: true, force: true }));

const offline: Transport = { handle: () => Promise.reject(new RequestError("no network in this test", { retryable: false })) };

// Pieces that reach every branch of the file grammar and of the profile resolution.
const token = fc.constantFrom(
  "[default]", "[profile a]", "[profile b]", "[a]", "[b]", "[sso-session s]", "[services x]", "[", "]", "\n", "\r\n", " ", "\t",
  "=", " = ", "#", ";", "role_arn = arn:aws:iam::1:role/r", "source_profile = a", "source_profile = b", "source_profile = default",
  "credential_source = Environment", "credential_source = Bogus", "aws_access_key_id = AKIA1", "aws_secret_access_key = s",
  "aws_session_token = t", "region = us-east-1", "region =", "mfa_serial = arn:aws:iam::1:mfa/m", "duration_seconds = 3600",
  "duration_seconds = x", "credential_process = false", "sso_session = s", "sso_start_url = https://x", "web_identity_token_file = /x",
  "endpoint_url = http://127.0.0.1:1", "endpoint_url = ::", "services = x", "s3 =\n  endpoint_url = http://x", "ca_bundle = /nonexistent",
  "sts_regional_endpoints = regional", "sts_regional_endpoints = maybe", "\ufeff", "\u0000", "é",
);
const fileText = fc.array(fc.oneof({ weight: 4, arbitrary: token }, fc.string({ maxLength: 5 })), { maxLength: 40 }).map((p) => p.join("\n"));

const ENV_NAMES = [
  "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE",
  "AWS_DEFAULT_PROFILE", "AWS_SDK_LOAD_CONFIG", "AWS_STS_REGIONAL_ENDPOINTS", "AWS_S3_US_EAST_1_REGIONAL_ENDPOINT",
  "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_S3", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "AWS_ROLE_ARN", "AWS_WEB_IDENTITY_TOKEN_FILE",
  "AWS_USE_FIPS_ENDPOINT", "AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
];
const envValue = fc.oneof(
  fc.constantFrom("", "1", "true", "false", "a", "b", "default", "regional", "legacy", "maybe", "us-east-1", "http://127.0.0.1:1", "::", "IPv6"),
  fc.string({ maxLength: 8 }),
);
const env = fc.dictionary(fc.constantFrom(...ENV_NAMES), envValue, { maxKeys: 6 });

function write(config: string, credentials: string): void {
  writeFileSync(join(aws, "config"), config);
  writeFileSync(join(aws, "credentials"), credentials);
  // Same path, new bytes each run: the stat check may not see a change within one millisecond.
  sharedConfigFileCache.clear();
}

let sessions = 0;
let typed = 0;

test(`random env + random config and credentials files: a session or a typed error, never anything else`, async () => {
  await fc.assert(
    fc.asyncProperty(env, fileText, fileText, fc.constantFrom(undefined, "a", "b", "default"), async (e, config, credentials, profile) => {
      write(config, credentials);
      try {
        const s = newSessionWithOptions({
          env: { ...e, HOME: home },
          ...(profile === undefined ? {} : { profile }),
          sharedConfigState: SharedConfigState.FromEnv,
          assumeRoleTokenProvider: () => Promise.resolve("123456"),
          config: { transport: offline, maxRetries: 0 },
        });
        s.explain().toString();
        JSON.stringify(s);
        inspect(s, { depth: 6 });
        await s.config.credentials.get();
        sessions++;
      } catch (err) {
        assert.ok(err instanceof SdkError, `untyped: ${describeError(err)}\nenv=${JSON.stringify(e)}\nconfig=${JSON.stringify(config)}\ncredentials=${JSON.stringify(credentials)}`);
        typed++;
      }
    }),
    params,
  );
  assert.ok(sessions > 0 && typed > 0, `both outcomes reached: ${sessions} sessions, ${typed} typed errors`);
});

// A secret-looking value that cannot occur by chance in ordinary output.
const secret = fc.stringMatching(/^[A-Za-z0-9/+]{24}$/).map((s) => `Zq9${s}`);

test("secrets from any source never show in explain(), util.inspect or JSON of sessions, configs and credentials", async () => {
  await fc.assert(
    fc.asyncProperty(secret, secret, fc.constantFrom("env", "credentials", "config", "code"), fc.boolean(), async (key, token, where, copy) => {
      const lines = `aws_access_key_id = AKIAFUZZ0001\naws_secret_access_key = ${key}\naws_session_token = ${token}\n`;
      write(where === "config" ? `[default]\nregion = us-east-1\n${lines}` : "[default]\nregion = us-east-1\n", where === "credentials" ? `[default]\n${lines}` : "");
      const e: Record<string, string> = { HOME: home };
      if (where === "env") Object.assign(e, { AWS_ACCESS_KEY_ID: "AKIAFUZZ0001", AWS_SECRET_ACCESS_KEY: key, AWS_SESSION_TOKEN: token });
      const base = newSessionWithOptions({
        env: e,
        sharedConfigState: SharedConfigState.Enable,
        config: {
          transport: offline,
          ...(where === "code" ? { credentials: { accessKeyId: "AKIAFUZZ0001", secretAccessKey: key, sessionToken: token } } : {}),
        },
      });
      const s = copy ? base.copy({ region: "eu-west-1" }) : base;
      const shown = (): string[] => [
        s.explain().toString(),
        JSON.stringify(s.explain().entries),
        inspect(s, { depth: Infinity }),
        JSON.stringify(s),
        JSON.stringify(s.config),
        inspect(s.config, { depth: Infinity }),
        inspect(s.config.credentials, { depth: Infinity }),
        JSON.stringify(s.config.credentials),
        String(s.config.credentials),
        inspect(s.clientConfig("s3"), { depth: Infinity }),
      ];
      const before = shown();
      const value = await s.config.credentials.get();
      assert.equal(value.secretAccessKey, key, "the secret is still readable by signers");
      const afterGet = [...shown(), inspect(value, { depth: Infinity }), JSON.stringify(value), String(value), `${value}`];
      for (const text of [...before, ...afterGet]) {
        assert.ok(!text.includes(key), `secret key shown (${where}): ${text.slice(0, 300)}`);
        assert.ok(!text.includes(token), `session token shown (${where}): ${text.slice(0, 300)}`);
      }
    }),
    secretParams,
  );
});
