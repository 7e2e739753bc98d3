import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { conformanceDir } from "@sessionkit/test-env";
import {
  loadSharedConfig,
  mergeSharedConfigFiles,
  parseSharedConfig,
  parseSharedConfigFile,
  SharedConfigFileCache,
  SharedConfigLoadError,
  SharedConfigParseError,
} from "./index.js";

const dir = conformanceDir();
const cfg = (name: string) => join(dir.value ?? "", "botocore/tests/unit/cfg", name);
const read = (name: string) => readFileSync(cfg(name), "utf8");
const plain = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

function parseError(fn: () => unknown): { reason: string; line: number } | undefined {
  try {
    fn();
    return undefined;
  } catch (e) {
    const cause = e instanceof SharedConfigLoadError ? e.cause : e;
    assert.ok(cause instanceof SharedConfigParseError, String(e));
    return { reason: cause.reason, line: cause.line };
  }
}

test("botocore cfg fixtures that agree with the spec (conformance README §8)", { skip: dir.skip }, () => {
  const nested = parseSharedConfig({ configFile: read("aws_config_nested") });
  assert.deepEqual(plain(nested.profiles.default), {
    aws_access_key_id: "foo",
    aws_secret_access_key: "bar",
    s3: { signature_version: "s3v4", addressing_style: "path" },
    cloudwatch: { signature_version: "v4" },
    region: "us-west-2",
  });
  assert.equal(
    parseSharedConfig({ configFile: read("aws_config_nested") }, { subProperties: "raw" }).profiles.default?.s3,
    "\nsignature_version = s3v4\naddressing_style = path",
  );

  assert.deepEqual(parseError(() => parseSharedConfig({ configFile: read("aws_config_nested_bad") })), {
    reason: "Expected an '=' sign defining a sub-property",
    line: 5,
  });
  assert.deepEqual(parseError(() => parseSharedConfig({ configFile: read("aws_config_bad") })), {
    reason: "Expected a profile definition",
    line: 1,
  });
  assert.deepEqual(parseError(() => new SharedConfigFileCache().read(cfg("aws_config_badbytes"), "config")), {
    reason: "file is not valid UTF-8",
    line: 1,
  });

  const sso = parseSharedConfig({ configFile: read("aws_sso_session_config") });
  assert.deepEqual(plain(sso), {
    profiles: { default: { sso_session: "sso" } },
    ssoSessions: { sso: { sso_start_url: "https://example.com", sso_region: "us-east-1" } },
    services: {},
  });

  const services = parseSharedConfig({ configFile: read("aws_services_config") });
  assert.deepEqual(plain(services), {
    profiles: { default: { endpoint_url: "https://localhost:1234/", services: "my-services" } },
    ssoSessions: {},
    services: {
      "my-services": { s3: { endpoint_url: "https://localhost:5678/" }, dynamodb: { endpoint_url: "https://localhost:8888/" } },
    },
  });
});

test("botocore multi-file merge: its first-file-wins list is our later-file-wins list reversed", { skip: dir.skip }, () => {
  // botocore loads aws_config_other, aws_config, aws_third_config (and a missing 4th) with the first winning.
  const order = ["aws_third_config", "aws_config", "aws_config_other", "missing_4th"].map(cfg);
  const files = order.map((p) => new SharedConfigFileCache().read(p, "config")).filter((f) => f !== undefined);
  assert.equal(files.length, 3);
  const merged = mergeSharedConfigFiles(files);
  assert.deepEqual(plain(merged.profiles), { default: { aws_access_key_id: "other_foo", aws_secret_access_key: "other_bar" } });
  const shared = loadSharedConfig({ profile: "default", files: order.map((path) => ({ path, kind: "config" as const })), sharedConfigEnabled: true });
  assert.deepEqual([shared.credentials?.accessKeyId.value, shared.credentials?.providerName], [
    "other_foo",
    `SharedConfigCredentials: ${cfg("aws_config_other")}`,
  ]);
});

test("botocore-only quirks: quoted profile names are invalid names here, and ignored", { skip: dir.skip }, () => {
  assert.deepEqual(Object.keys(parseSharedConfig({ configFile: read("aws_config") }).profiles), ["default"]);
  assert.deepEqual(Object.keys(parseSharedConfig({ configFile: read("aws_bad_profile") }).profiles).sort(), ["default", "personal1"]);
  assert.deepEqual(plain(parseSharedConfig({ configFile: read("foo_config") }).profiles), {
    default: { aws_access_key_id: "foo", aws_secret_access_key: "bar", foo_region: "us-west-1" },
  });
  // Legacy boto files: `[Credentials]` is not a config-file section, but is a credentials-file profile.
  assert.deepEqual(Object.keys(parseSharedConfig({ configFile: read("boto_config") }).profiles), []);
  assert.deepEqual(Object.keys(parseSharedConfig({ credentialsFile: read("boto_config") }).profiles), ["Credentials"]);
  assert.deepEqual(parseError(() => parseSharedConfig({ credentialsFile: read("aws_credentials") })), {
    reason: "Expected a profile definition",
    line: 1,
  });
});

test("the lower-level parse keeps the line of every key and sub-key", () => {
  const text = "# c\n[profile dev]\nregion = us-east-1\ns3 =\n  addressing_style = path\n\n  Signature_Version = s3v4 ; note\n[profile dev]\nregion = eu-west-1\n";
  const file = parseSharedConfigFile(text, { kind: "config", path: "/p" });
  const dev = file.profiles.get("dev");
  assert.deepEqual(dev?.line, 2);
  assert.deepEqual(
    plain([...(dev?.properties ?? [])].map(([k, p]) => [k, p.value, p.line, p.subLines ?? null])),
    [
      ["region", "eu-west-1", 9, null],
      ["s3", { addressing_style: "path", signature_version: "s3v4" }, 4, { addressing_style: 5, signature_version: 7 }],
    ],
  );
  // The raw form keeps the sub-property lines verbatim (comment included), as the suite does.
  assert.equal(dev?.properties.get("s3")?.raw, "\naddressing_style = path\nSignature_Version = s3v4 ; note");
});

test("values keep everything but a comment that follows whitespace", () => {
  const text = [
    "[default]",
    "sso_start_url = https://example.awsapps.com/start/#",
    "secret = abc;def#ghi",
    "note = a ;b",
    "tabbed = a\t#b",
    "empty =",
    "KEY = Upper",
    "in valid = ignored",
    "quoted = \"us-west-2\"",
    "multi = first",
    "  second # kept",
  ].join("\r\n");
  assert.deepEqual(plain(parseSharedConfig({ credentialsFile: text }).profiles.default), {
    sso_start_url: "https://example.awsapps.com/start/#",
    secret: "abc;def#ghi",
    note: "a",
    tabbed: "a",
    empty: "",
    key: "Upper",
    quoted: '"us-west-2"',
    multi: "first\nsecond # kept",
  });
});

test("errors name the file (or which input) and the line, never the line's text", () => {
  const secret = "wJalrXUtnFEMI/K7MDENG";
  const cases: [() => unknown, string][] = [
    [() => parseSharedConfig({ configFile: `[default]\n${secret}` }), `Expected an '=' sign defining a property, config file line 2`],
    [() => parseSharedConfig({ credentialsFile: `[a]\nk = v\n[b]\n  ${secret}` }), "Expected a property definition, found continuation, credentials file line 4"],
    [() => parseSharedConfig({ credentialsFile: `[a\n`, credentialsPath: "/home/u/.aws/credentials" }), "Profile definition must end with ']', /home/u/.aws/credentials line 1"],
    [() => parseSharedConfigFile(`[profile x]\n= ${secret}`, { kind: "config" }), "Property did not have a name, config file line 2"],
    [() => parseSharedConfigFile(`[x]\ns3 =\n  = ${secret}`, { kind: "any" }), "Sub-property did not have a name, shared config file line 3"],
  ];
  for (const [fn, message] of cases) {
    assert.throws(fn, (e: unknown) => {
      assert.ok(e instanceof SharedConfigParseError);
      assert.equal(e.message, `SharedConfigParseError: ${message}`);
      assert.doesNotMatch(e.message, /wJalr/);
      return true;
    });
  }
});

test("a profile named __proto__ is only a name", () => {
  const data = parseSharedConfig({ credentialsFile: "[__proto__]\nregion = x\n[constructor]\ntoString = y\n" });
  assert.deepEqual(Object.keys(data.profiles), ["__proto__", "constructor"]);
  assert.equal(Object.getPrototypeOf(data.profiles), null);
  assert.equal(({} as Record<string, unknown>).region, undefined);
  const name: string = "constructor";
  assert.deepEqual(JSON.parse(JSON.stringify(data.profiles[name])), { tostring: "y" });
});
