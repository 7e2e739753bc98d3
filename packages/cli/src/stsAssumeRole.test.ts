// `sts assume-role` on the built binary against Ceph RGW: export lines a shell can eval, JSON, MFA codes, and
// a role profile with mfa_serial used by any command.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { after, before, test } from "node:test";
import { rgw } from "@sessionkit/test-env";
import { CLI_BIN, lines, makeHome, sessionkit, type TestHome } from "./testing/cliHarness.js";

const server = rgw();
const skip = server.skip;
// RGW 16.2 refuses 6-character codes (its check is inverted), so a valid-for-RGW code has 7.
const CODE = "7654321";
let home: TestHome;

before(() => {
  const s = server.value;
  if (s === undefined) return;
  home = makeHome({
    config: [
      "[default]",
      "region = us-east-1",
      "",
      "[profile mfa-role]",
      `role_arn = ${s.roleArn}`,
      "source_profile = default",
      "mfa_serial = arn:aws:iam:::mfa/testuser",
      "region = us-east-1",
      "",
    ].join("\n"),
    credentials: `[default]\naws_access_key_id = ${s.accessKeyId}\naws_secret_access_key = ${s.secretAccessKey}\n`,
  });
});
after(() => home?.remove());

function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return home.env({ AWS_ENDPOINT_URL: server.value?.endpoint ?? "", ...extra });
}

test("sts assume-role prints export lines a shell can eval; the credentials work", { skip }, async () => {
  const s = server.value;
  assert.ok(s !== undefined);
  const r = await sessionkit(["sts", "assume-role", "--role-arn", s.roleArn, "--role-session-name", "cli-test"], { env: env() });
  assert.equal(r.code, 0, r.stderr);
  const out = lines(r.stdout);
  assert.deepEqual(
    out.map((l) => l.replace(/=.*$/, "=").replace(/^# expires .*/, "# expires")),
    ["export AWS_ACCESS_KEY_ID=", "export AWS_SECRET_ACCESS_KEY=", "export AWS_SESSION_TOKEN=", "# expires"],
  );
  assert.match(out[3] ?? "", /^# expires \d{4}-\d\d-\d\dT.*Z \(arn:aws:sts::.*cli-test\)$/);
  // eval the lines in bash, then list buckets with nothing but those variables (no files in this HOME).
  const empty = makeHome({});
  after(() => empty.remove());
  const cli = `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI_BIN)}`;
  const script = [
    `exports=$(${cli} sts assume-role --role-arn ${s.roleArn} --region us-east-1) || exit 1`,
    'eval "$exports"',
    `${cli} config explain --region us-east-1 && ${cli} s3 ls --region us-east-1`,
  ].join("\n");
  const shell = spawnSync("bash", ["-c", script], {
    env: { ...env(), HOME: empty.home, AWS_ACCESS_KEY_ID: s.accessKeyId, AWS_SECRET_ACCESS_KEY: s.secretAccessKey },
    encoding: "utf8",
  });
  assert.equal(shell.status, 0, shell.stderr);
  // The second command ran with the temporary keys from the environment, session token included.
  assert.match(shell.stdout, /^credentials +EnvConfigCredentials \*\*\*\*\w{4} +env AWS_ACCESS_KEY_ID$/m);
  assert.doesNotMatch(shell.stdout, new RegExp(`\\*\\*\\*\\*${s.accessKeyId.slice(-4)} +env`));
});

test("sts assume-role --output json; MFA by --token-code or SESSIONKIT_MFA_CODE; without a code on a pipe, a clear error", { skip }, async () => {
  const s = server.value;
  assert.ok(s !== undefined);
  const mfa = ["--serial-number", "arn:aws:iam:::mfa/testuser"];
  const [json, withFlag, withEnv, none] = await Promise.all([
    sessionkit(["sts", "assume-role", "--role-arn", s.roleArn, "--output", "json", "--duration-seconds", "900"], { env: env() }),
    sessionkit(["sts", "assume-role", "--role-arn", s.roleArn, ...mfa, "--token-code", CODE, "--output", "json"], { env: env() }),
    sessionkit(["sts", "assume-role", "--role-arn", s.roleArn, ...mfa, "--output", "json"], { env: env({ SESSIONKIT_MFA_CODE: CODE }) }),
    sessionkit(["sts", "assume-role", "--role-arn", s.roleArn, ...mfa], { env: env() }),
  ]);
  for (const r of [json, withFlag, withEnv]) {
    assert.equal(r.code, 0, r.stderr);
    const data = JSON.parse(r.stdout) as Record<string, unknown>;
    assert.deepEqual(Object.keys(data).slice(0, 4), ["AccessKeyId", "SecretAccessKey", "SessionToken", "Expiration"]);
    assert.ok(typeof data.SessionToken === "string" && data.SessionToken.length > 100);
    assert.ok(!Number.isNaN(Date.parse(String(data.Expiration))));
  }
  const expiry = Date.parse(String((JSON.parse(json.stdout) as { Expiration: string }).Expiration));
  assert.ok(Math.abs(expiry - Date.now() - 900_000) < 120_000, "DurationSeconds 900 reached the server");
  assert.equal(none.code, 1);
  assert.deepEqual(lines(none.stderr), [
    "sessionkit: MfaCodeMissing: the role needs an MFA code and stdin is not a terminal — set SESSIONKIT_MFA_CODE, or run in a terminal to be asked for it (sts assume-role also takes --token-code)",
  ]);
  // The MFA code never shows up in any output.
  for (const r of [withFlag, withEnv, none]) assert.ok(!r.stderr.includes(CODE));
});

test("sts assume-role --debug logs the exchange on stderr with the new secret key and token redacted", { skip }, async () => {
  const s = server.value;
  assert.ok(s !== undefined);
  const r = await sessionkit(["sts", "assume-role", "--role-arn", s.roleArn, "--output", "json", "--debug"], { env: env() });
  assert.equal(r.code, 0, r.stderr);
  const creds = JSON.parse(r.stdout) as { SecretAccessKey: string; SessionToken: string };
  assert.match(r.stderr, /DEBUG: Response sts\/AssumeRole Details:/);
  assert.match(r.stderr, /<SessionToken>\[REDACTED\]<\/SessionToken>/);
  for (const secret of [creds.SecretAccessKey, creds.SessionToken, s.secretAccessKey]) assert.ok(!r.stderr.includes(secret));
});

test("a role profile with mfa_serial works for any command, the code from SESSIONKIT_MFA_CODE", { skip }, async () => {
  const withCode = await sessionkit(["s3", "ls", "--profile", "mfa-role"], { env: env({ SESSIONKIT_MFA_CODE: CODE }) });
  assert.equal(withCode.code, 0, withCode.stderr);
  const without = await sessionkit(["s3", "ls", "--profile", "mfa-role"], { env: env() });
  assert.equal(without.code, 1);
  assert.match(lines(without.stderr)[0] ?? "", /^sessionkit: .*MfaCodeMissing|the role needs an MFA code/);
});
