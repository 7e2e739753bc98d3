// `config explain` and `config profiles` on the built binary with a throwaway HOME: each kind of source
// (flag, environment variable, file:line, default), masking, profile types and problems. Nothing is sent.
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { lines, makeHome, sessionkit } from "./testing/cliHarness.js";

const SECRET = "explainSecretKey0000000000000000000000001";
const DEV_SECRET = "devSecretKey000000000000000000000000000002";
const ENV_SECRET = "envSecretKey000000000000000000000000000003";
const TOKEN = "envSessionTokenThatMustNeverBePrinted0000";

const home = makeHome({
  config: [
    "[default]",
    "region = us-east-2",
    "endpoint_url = http://127.0.0.1:9",
    "",
    "[profile dev]",
    "region = eu-west-1",
    "",
    "[profile role]",
    "role_arn = arn:aws:iam::123456789012:role/Admin",
    "source_profile = dev",
    "mfa_serial = arn:aws:iam::123456789012:mfa/me",
    "",
    "[profile chained]",
    "role_arn = arn:aws:iam::123456789012:role/Other",
    "source_profile = role",
    "",
    "[profile proc]",
    "credential_process = /bin/false",
    "",
    "[profile orphan]",
    "role_arn = arn:aws:iam::123456789012:role/X",
    "source_profile = missing",
    "",
    "[profile settings]",
    "region = ap-south-1",
    "",
  ].join("\n"),
  credentials: [
    "[default]",
    "aws_access_key_id = AKIAEXPLAINDEFAULT01",
    `aws_secret_access_key = ${SECRET}`,
    "",
    "[dev]",
    "aws_access_key_id = AKIAEXPLAINDEVKEY002",
    `aws_secret_access_key = ${DEV_SECRET}`,
    "",
    "[half]",
    "aws_access_key_id = AKIAEXPLAINHALFKEY03",
    "",
  ].join("\n"),
});
after(() => home.remove());

interface Row {
  readonly setting: string;
  readonly value: string;
  readonly from: string;
}

async function explainJson(args: string[], env: Record<string, string> = {}): Promise<Map<string, Row>> {
  const r = await sessionkit(["config", "explain", "--output", "json", ...args], { env: home.env(env) });
  assert.equal(r.code, 0, r.stderr);
  const rows = JSON.parse(r.stdout) as Row[];
  return new Map(rows.map((x) => [x.setting, x]));
}

function pick(rows: Map<string, Row>, ...settings: string[]): [string, string, string][] {
  return settings.map((s) => {
    const row = rows.get(s);
    return [s, row?.value ?? "<none>", row?.from ?? "<none>"];
  });
}

test("config explain: values from the files, with file:line [profile] key; secrets masked", async () => {
  const rows = await explainJson([]);
  assert.deepEqual(pick(rows, "profile", "region", "endpoint (s3)", "endpoint (sts)", "credentials"), [
    ["profile", "default", "default"],
    ["region", "us-east-2", `${home.configFile}:2 [default] region`],
    ["endpoint (s3)", "http://127.0.0.1:9", `${home.configFile}:3 [default] endpoint_url`],
    ["endpoint (sts)", "http://127.0.0.1:9", `${home.configFile}:3 [default] endpoint_url`],
    ["credentials", `SharedConfigCredentials: ${home.credentialsFile} ****LT01`, `${home.credentialsFile}:2 [default] aws_access_key_id`],
  ]);
  assert.deepEqual(pick(rows, "files[0]", "files[1]"), [
    ["files[0]", `${home.configFile} (config)`, "default (in the home directory from HOME)"],
    ["files[1]", `${home.credentialsFile} (credentials)`, "default (in the home directory from HOME)"],
  ]);
});

test("config explain: flags beat the environment, which beats the files; each row names its source", async () => {
  const env = { AWS_REGION: "ap-northeast-1", AWS_ENDPOINT_URL_STS: "http://127.0.0.1:8" };
  const fromEnv = await explainJson([], env);
  assert.deepEqual(pick(fromEnv, "region", "endpoint (s3)", "endpoint (sts)"), [
    ["region", "ap-northeast-1", "env AWS_REGION"],
    ["endpoint (s3)", "http://127.0.0.1:9", `${home.configFile}:3 [default] endpoint_url`],
    ["endpoint (sts)", "http://127.0.0.1:8", "env AWS_ENDPOINT_URL_STS"],
  ]);
  const fromFlags = await explainJson(["--region", "sa-east-1", "--endpoint-url", "http://127.0.0.1:7", "--profile", "dev"], env);
  assert.deepEqual(pick(fromFlags, "profile", "region", "endpoint (s3)", "endpoint (sts)", "credentials"), [
    ["profile", "dev", "flag --profile"],
    ["region", "sa-east-1", "flag --region"],
    ["endpoint (s3)", "http://127.0.0.1:7", "flag --endpoint-url"],
    ["endpoint (sts)", "http://127.0.0.1:7", "flag --endpoint-url"],
    ["credentials", `SharedConfigCredentials: ${home.credentialsFile} ****Y002`, `${home.credentialsFile}:6 [dev] aws_access_key_id`],
  ]);
  const profileFromEnv = await explainJson([], { AWS_PROFILE: "dev" });
  assert.deepEqual(pick(profileFromEnv, "profile", "region"), [
    ["profile", "dev", "env AWS_PROFILE"],
    ["region", "eu-west-1", `${home.configFile}:6 [dev] region`],
  ]);
});

test("config explain: environment credentials, and a role, shown without any secret", async () => {
  const env = { AWS_ACCESS_KEY_ID: "AKIAEXPLAINENVKEY004", AWS_SECRET_ACCESS_KEY: ENV_SECRET, AWS_SESSION_TOKEN: TOKEN };
  const r = await sessionkit(["config", "explain"], { env: home.env(env) });
  const text = await sessionkit(["config", "explain", "--profile", "role"], { env: home.env() });
  assert.deepEqual([r.code, text.code], [0, 0]);
  const credLine = lines(r.stdout).find((l) => l.startsWith("credentials "));
  assert.match(credLine ?? "", /^credentials +EnvConfigCredentials \*\*\*\*Y004 +env AWS_ACCESS_KEY_ID$/);
  const roleLines = lines(text.stdout).filter((l) => l.startsWith("credentials"));
  assert.equal(roleLines.length, 2, text.stdout);
  assert.match(roleLines[0] ?? "", /^credentials\.source\[0\] +SharedConfigCredentials: .* \*\*\*\*Y002 +.*credentials:6 \[dev\] aws_access_key_id$/);
  assert.match(roleLines[1] ?? "", /AssumeRoleProvider arn:aws:iam::123456789012:role\/Admin .*mfa_serial.* +.*config:9 \[role\] role_arn$/);
  for (const out of [r.stdout, r.stderr, text.stdout, text.stderr]) {
    for (const secret of [SECRET, DEV_SECRET, ENV_SECRET, TOKEN, "AKIAEXPLAINENVKEY004", "AKIAEXPLAINDEVKEY002"]) {
      assert.ok(!out.includes(secret), `output shows ${secret.slice(0, 8)}…`);
    }
  }
});

test("config profiles: every profile with its type, region, where it is defined and its problems", async () => {
  const r = await sessionkit(["config", "profiles", "--output", "json"], { env: home.env({ AWS_PROFILE: "dev" }) });
  assert.equal(r.code, 0, r.stderr);
  const data = JSON.parse(r.stdout) as {
    files: { path: string; kind: string; status: string }[];
    profiles: { name: string; type: string; sourceProfiles: string[]; region?: string; definedIn: string[]; current: boolean; problems: string[] }[];
  };
  assert.deepEqual(data.files, [
    { path: home.configFile, kind: "config", status: "read" },
    { path: home.credentialsFile, kind: "credentials", status: "read" },
  ]);
  const summary = data.profiles.map((p) => [p.name, p.type, p.sourceProfiles.join(","), p.region ?? "-", p.current, p.problems.length]);
  assert.deepEqual(summary, [
    ["default", "static", "", "us-east-2", false, 0],
    ["chained", "role", "role,dev", "-", false, 0],
    ["dev", "static", "", "eu-west-1", true, 0],
    ["half", "none", "", "-", false, 2],
    ["orphan", "invalid", "", "-", false, 1],
    ["proc", "process", "", "-", false, 0],
    ["role", "role (mfa)", "dev", "-", false, 0],
    ["settings", "none", "", "ap-south-1", false, 1],
  ]);
  const byName = new Map(data.profiles.map((p) => [p.name, p]));
  assert.deepEqual(byName.get("default")?.definedIn, [`${home.configFile}:1`, `${home.credentialsFile}:1`]);
  assert.deepEqual(byName.get("half")?.problems[0], `aws_secret_access_key is missing, so the keys are ignored (${home.credentialsFile}:10)`);
  assert.match(byName.get("orphan")?.problems[0] ?? "", /^SharedConfigAssumeRoleError: .*source profile missing/);
  assert.ok(!r.stdout.includes(SECRET) && !r.stdout.includes(DEV_SECRET));
});

test("config profiles: an unreadable file is reported, the other one still listed", async () => {
  const broken = makeHome({ config: "[profile ok]\nregion = us-east-1\n[profile_nam\n", credentials: "[ok]\naws_access_key_id = A\naws_secret_access_key = B\n" });
  after(() => broken.remove());
  const r = await sessionkit(["config", "profiles"], { env: broken.env() });
  assert.equal(r.code, 0, r.stderr);
  const out = lines(r.stdout);
  assert.equal(out[0], `files: ${broken.configFile} (config, invalid), ${broken.credentialsFile} (credentials)`);
  assert.match(out[1] ?? "", new RegExp(`^problem in ${broken.configFile}: SharedConfigLoadError: .* line 3$`));
  assert.match(r.stdout, /\n {2}ok +static +- +/);
});
