import assert from "node:assert/strict";
import { test } from "node:test";
import { inspect } from "node:util";
import {
  explainConfig,
  firstSet,
  formatExplain,
  formatSource,
  fromCode,
  loadEnvConfig,
  parseSharedConfigFile,
  resolveSharedConfig,
  SECRET_MASK,
} from "./index.js";

const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
const TOKEN = "FwoGZXIvYXdzEXAMPLETOKENVALUE";

const config = parseSharedConfigFile(
  ["[profile dev]", "region = eu-west-1", "role_arn = arn:aws:iam::123456789012:role/dev", "source_profile = base", "duration_seconds = 1800"].join("\n"),
  { kind: "config", path: "/home/u/.aws/config" },
);
const credentials = parseSharedConfigFile(
  ["[base]", "aws_access_key_id = AKIAIOSFODNN7EXAMPLE", `aws_secret_access_key = ${SECRET}`, `aws_session_token = ${TOKEN}`].join("\n"),
  { kind: "credentials", path: "/home/u/.aws/credentials" },
);
const shared = resolveSharedConfig("dev", [config, credentials], { sharedConfigEnabled: true });
const env = loadEnvConfig(
  { HOME: "/home/u", AWS_REGION: "us-east-2", AWS_ACCESS_KEY_ID: "AKIDENVEXAMPLE1", AWS_SECRET_ACCESS_KEY: SECRET },
  { platform: "linux" },
);

test("explain lists every value with its source, secrets masked", () => {
  const rows = explainConfig({
    resolved: { region: env.region, maxRetries: { value: 3, source: { source: "code", option: "maxRetries" } } },
    env,
    shared,
  });
  assert.deepEqual(
    rows.map((r) => [r.name, r.value, formatSource(r.source)]),
    [
      ["region", "us-east-2", "env AWS_REGION"],
      ["maxRetries", "3", "code option maxRetries"],
      ["env.sharedConfigFile", "/home/u/.aws/config", "default (in the home directory from HOME)"],
      ["env.sharedCredentialsFile", "/home/u/.aws/credentials", "default (in the home directory from HOME)"],
      ["env.credentials.accessKeyId", "****PLE1", "env AWS_ACCESS_KEY_ID"],
      ["env.credentials.secretAccessKey", SECRET_MASK, "env AWS_SECRET_ACCESS_KEY"],
      ["env.region", "us-east-2", "env AWS_REGION"],
      ["shared.region", "eu-west-1", "/home/u/.aws/config:2 [dev] region"],
      ["shared.roleArn", "arn:aws:iam::123456789012:role/dev", "/home/u/.aws/config:3 [dev] role_arn"],
      ["shared.sourceProfileName", "base", "/home/u/.aws/config:4 [dev] source_profile"],
      ["shared.durationSeconds", "1800", "/home/u/.aws/config:5 [dev] duration_seconds"],
      ["shared.sourceProfile.credentials.accessKeyId", "****MPLE", "/home/u/.aws/credentials:2 [base] aws_access_key_id"],
      ["shared.sourceProfile.credentials.secretAccessKey", SECRET_MASK, "/home/u/.aws/credentials:3 [base] aws_secret_access_key"],
      ["shared.sourceProfile.credentials.sessionToken", SECRET_MASK, "/home/u/.aws/credentials:4 [base] aws_session_token"],
    ],
  );
});

test("raw properties are masked by key name, and nothing prints a secret", () => {
  const rows = explainConfig({ shared, rawProperties: true });
  const raw = rows.filter((r) => r.name.includes(".properties."));
  assert.deepEqual(
    raw.map((r) => [r.name, r.value]),
    [
      ["shared.properties.region", "eu-west-1"],
      ["shared.properties.role_arn", "arn:aws:iam::123456789012:role/dev"],
      ["shared.properties.source_profile", "base"],
      ["shared.properties.duration_seconds", "1800"],
      ["shared.sourceProfile.properties.aws_access_key_id", "****MPLE"],
      ["shared.sourceProfile.properties.aws_secret_access_key", SECRET_MASK],
      ["shared.sourceProfile.properties.aws_session_token", SECRET_MASK],
    ],
  );
  const everything = [
    formatExplain(explainConfig({ env, shared, rawProperties: true })),
    JSON.stringify(shared),
    JSON.stringify(env),
    inspect(shared, { depth: 20 }),
    inspect(env, { depth: 20, showHidden: true }),
  ].join("\n");
  assert.doesNotMatch(everything, /wJalrXUtnFEMI|FwoGZXIvYXdz|AKIAIOSFODNN7EXAMPLE|AKIDENVEXAMPLE1/);
  assert.match(formatExplain(rows), /^shared\.region\s+eu-west-1\s+\/home\/u\/\.aws\/config:2 \[dev\] region$/m);
});

test("parsed secret properties print masked too", () => {
  const base = credentials.profiles.get("base");
  const printed = `${inspect(base, { depth: 10 })}${JSON.stringify([...(base?.properties.values() ?? [])])}`;
  assert.doesNotMatch(printed, /wJalrXUtnFEMI|FwoGZXIvYXdz|AKIAIOSFODNN7EXAMPLE/);
  assert.equal(base?.properties.get("aws_secret_access_key")?.value, SECRET);
});

test("precedence as data: code, then env, then the shared profile", () => {
  const pick = (code: string | undefined) => firstSet(fromCode("region", code), env.region, shared.region);
  assert.deepEqual(pick("ap-south-1"), { value: "ap-south-1", source: { source: "code", option: "region" } });
  // An empty string in code counts as unset, as Go treats an empty Region.
  assert.deepEqual(pick("")?.source, { source: "env", name: "AWS_REGION" });
  assert.deepEqual(firstSet(fromCode("region", undefined), undefined, shared.region)?.value, "eu-west-1");
});
