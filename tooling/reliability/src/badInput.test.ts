// Bad input: every malformed config/credentials example of the conformance data, plus our own list, through
// the public entry points (a session: creation, explain, credentials.get(); and `sessionkit config explain`).
// Each must end in correct parsing or a typed error naming the file and line, the variable, or the profile —
// never a TypeError, a hang or a crash. SK_DEBUG_BAD_INPUT=1 prints each case's outcome.
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { closeSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { PassThrough } from "node:stream";
import { after, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { runCli } from "@sessionkit/cli";
import { S3 } from "@sessionkit/client-s3";
import { parseSharedConfig, sharedConfigFileCache } from "@sessionkit/config";
import { SdkError } from "@sessionkit/errors";
import { RequestError } from "@sessionkit/http";
import { newSessionWithOptions, SharedConfigState } from "@sessionkit/session";
import { conformanceDir } from "@sessionkit/test-env";
import type { Transport } from "@sessionkit/types";
import { FaultServer, LIST_BUCKETS_OK, xml } from "./FaultServer.js";
import { describeError, outcome } from "./outcome.js";

const conformance = conformanceDir();
const root = mkdtempSync(join(tmpdir(), "sk-bad-input-"));
after(() => rmSync(root, { recursive: true, force: true }));

/** Every request fails at once, typed: bad input must be judged without a network. */
const offline: Transport = { handle: () => Promise.reject(new RequestError("no network in this test", { retryable: false })) };

type FileBody = string | Uint8Array;

interface BadInput {
  readonly name: string;
  readonly config?: FileBody;
  readonly credentials?: FileBody;
  /** Extra variables; `{home}` and `{aws}` are replaced by the case's paths. */
  readonly env?: Record<string, string>;
  readonly profile?: string;
  /**
   * `ok`: must parse and resolve; otherwise the typed error expected: a code (or pattern) and the strings its
   * message must contain (`{config}`, `{credentials}` stand for the file paths).
   */
  readonly expect: "ok" | "okOrTyped" | { readonly code: string | RegExp; readonly names: readonly string[] };
  /** Extra check on a session that resolved. */
  readonly check?: (r: { region: string; accessKeyId: string; secretLength: number }) => void;
  /** Milliseconds the whole case may take (default 10 s). */
  readonly budgetMs?: number;
}

interface Verdict {
  readonly stage: "create" | "get" | "ok";
  readonly error?: unknown;
  readonly region?: string;
  readonly accessKeyId?: string;
  readonly secretLength?: number;
  readonly ms: number;
}

let caseNo = 0;
/** Writes the case's files into a fresh HOME and returns its paths. */
function caseHome(c: BadInput): { home: string; aws: string; config: string; credentials: string } {
  const home = join(root, `case-${++caseNo}`);
  const aws = join(home, ".aws");
  mkdirSync(aws, { recursive: true });
  const config = join(aws, "config");
  const credentials = join(aws, "credentials");
  if (c.config !== undefined) writeFileSync(config, c.config);
  if (c.credentials !== undefined) writeFileSync(credentials, c.credentials);
  return { home, aws, config, credentials };
}

function envFor(c: BadInput, paths: { home: string; aws: string }): Record<string, string> {
  const env: Record<string, string> = { HOME: paths.home, AWS_SDK_LOAD_CONFIG: "1" };
  for (const [k, v] of Object.entries(c.env ?? {})) env[k] = v.replaceAll("{home}", paths.home).replaceAll("{aws}", paths.aws);
  return env;
}

async function judge(c: BadInput): Promise<{ verdict: Verdict; paths: ReturnType<typeof caseHome>; env: Record<string, string> }> {
  const paths = caseHome(c);
  const env = envFor(c, paths);
  const started = performance.now();
  const ms = () => performance.now() - started;
  let session: ReturnType<typeof newSessionWithOptions>;
  try {
    session = newSessionWithOptions({
      env,
      sharedConfigState: SharedConfigState.FromEnv,
      ...(c.profile === undefined ? {} : { profile: c.profile }),
      config: { transport: offline, maxRetries: 0 },
    });
    session.explain().toString();
    JSON.stringify(session);
  } catch (error) {
    return { verdict: { stage: "create", error, ms: ms() }, paths, env };
  }
  try {
    const v = await session.config.credentials.get();
    return {
      verdict: { stage: "ok", region: session.config.region, accessKeyId: v.accessKeyId, secretLength: v.secretAccessKey.length, ms: ms() },
      paths,
      env,
    };
  } catch (error) {
    return { verdict: { stage: "get", error, ms: ms() }, paths, env };
  }
}

/** What every case must satisfy, whatever it expects. */
function assertTypedOrOk(c: BadInput, v: Verdict): void {
  if (v.stage === "ok") return;
  assert.ok(v.error instanceof SdkError, `${c.name}: ${v.stage} failed untyped: ${describeError(v.error)}`);
}

const tally = { cases: 0, ok: 0, typed: 0, cli: 0 };

async function check(c: BadInput): Promise<void> {
  const { verdict: v, paths, env } = await judge(c);
  tally.cases++;
  assertTypedOrOk(c, v);
  assert.ok(v.ms < (c.budgetMs ?? 10_000), `${c.name}: took ${v.ms.toFixed(0)} ms`);
  const expect = c.expect;
  if (expect === "ok") {
    assert.equal(v.stage, "ok", `${c.name}: expected success, got ${describeError(v.error)}`);
  } else if (expect !== "okOrTyped") {
    assert.notEqual(v.stage, "ok", `${c.name}: expected a typed error, got success`);
    const e = v.error as SdkError;
    if (typeof expect.code === "string") assert.equal(e.code, expect.code, `${c.name}: ${e.message}`);
    else assert.match(e.code, expect.code, `${c.name}: ${e.message}`);
    for (const n of expect.names) {
      const want = n.replaceAll("{config}", paths.config).replaceAll("{credentials}", paths.credentials).replaceAll("{home}", paths.home);
      assert.ok(e.message.includes(want), `${c.name}: message should name ${JSON.stringify(want)}: ${e.message}`);
    }
  }
  if (process.env.SK_DEBUG_BAD_INPUT) console.log(`#${c.name}: ${v.stage} ${v.error instanceof Error ? v.error.message.split("\n").join(" / ").slice(0, 200) : ""}`);
  if (v.stage === "ok") tally.ok++;
  else tally.typed++;
  if (v.stage === "ok" && c.check !== undefined) {
    c.check({ region: v.region ?? "", accessKeyId: v.accessKeyId ?? "", secretLength: v.secretLength ?? 0 });
  }
  await checkCli(c, env);
}

/** `sessionkit config explain` on the same input: exit 0 or 1 with a one-line error; never a crash or a stack. */
async function checkCli(c: BadInput, env: Record<string, string>): Promise<void> {
  const out = new PassThrough();
  const err = new PassThrough();
  const chunks: string[] = [];
  out.on("data", () => {});
  err.on("data", (d: Buffer) => chunks.push(d.toString()));
  const stdin = new PassThrough();
  stdin.end();
  const args = ["config", "explain", ...(c.profile === undefined ? [] : ["--profile", c.profile])];
  const code = await runCli(args, { stdout: out, stderr: err, stdin, env, now: Date.now });
  const stderr = chunks.join("");
  assert.ok(code === 0 || code === 1, `${c.name}: sessionkit config explain exited ${code}: ${stderr}`);
  assert.ok(!/TypeError|ReferenceError|RangeError|\n\s+at /.test(stderr), `${c.name}: the CLI leaked an untyped error or stack: ${stderr}`);
  tally.cli++;
}

const parseError = (line: number) => ({ code: "SharedConfigLoadError", names: ["{config}", `line ${line}`] });
const credsParseError = (line: number) => ({ code: "SharedConfigLoadError", names: ["{credentials}", `line ${line}`] });

// ---------------------------------------------------------------------------------------------------------
// 1. Conformance data.

interface ParserCase {
  name: string;
  input: { configFile?: string; credentialsFile?: string };
  output: { config?: { profiles: Record<string, Record<string, string>> }; errorContaining?: string };
}

describe("conformance: smithy-rs profile-parser-tests.json (65 cases)", { skip: conformance.skip }, () => {
  const dir = conformance.value ?? "";
  const suite = conformance.skip
    ? { tests: [] as ParserCase[] }
    : (JSON.parse(readFileSync(join(dir, "smithy-rs/aws/rust-runtime/aws-runtime/test-data/profile-parser-tests.json"), "utf8")) as { tests: ParserCase[] });
  test("every case: errors are typed and name the file and line; valid files parse to the expected profiles", async () => {
    let errors = 0;
    for (const t of suite.tests) {
      const isError = t.output.errorContaining !== undefined;
      if (isError) errors++;
      else {
        const parsed = JSON.parse(JSON.stringify(parseSharedConfig(t.input, { subProperties: "raw" }).profiles));
        assert.deepEqual(parsed, t.output.config?.profiles ?? {}, t.name);
      }
      const where = t.input.configFile !== undefined ? "{config}" : "{credentials}";
      await check({
        name: `parser: ${t.name}`,
        ...(t.input.configFile === undefined ? {} : { config: t.input.configFile }),
        ...(t.input.credentialsFile === undefined ? {} : { credentials: t.input.credentialsFile }),
        expect: isError ? { code: "SharedConfigLoadError", names: [where, "line "] } : "okOrTyped",
      });
    }
    assert.deepEqual([suite.tests.length, errors], [65, 10]);
  });
});

describe("conformance: fixture files used as ~/.aws/config and as ~/.aws/credentials", { skip: conformance.skip }, () => {
  const dir = conformance.value ?? "";
  const listed = (sub: string) => (conformance.skip ? [] : readdirSync(join(dir, sub)).map((f) => join(dir, sub, f)).filter((p) => statSync(p).isFile()));
  const fixtures = [
    ...listed("botocore/tests/unit/cfg"),
    ...listed("aws-sdk-go/internal/ini/testdata/valid").filter((p) => !p.endsWith("_expected")),
    ...listed("aws-sdk-go/internal/ini/testdata/invalid"),
    ...listed("aws-sdk-go/aws/session/testdata"),
    ...listed("aws-sdk-go/aws/credentials/processcreds/testdata").filter((p) => p.endsWith(".ini")),
  ];
  // Files the data itself says are broken: they must fail, typed, naming the file (and the line for grammar errors).
  const mustFail: Record<string, number | "utf8"> = {
    aws_config_bad: 1,
    aws_config_nested_bad: 4,
    aws_config_badbytes: "utf8",
    incomplete_section_profile: 1,
    syntax_error_comment: 1,
  };
  test(`every fixture (${fixtures.length} files) × {config, credentials}: parsed, or a typed error naming file and line`, async () => {
    assert.ok(conformance.skip || fixtures.length >= 40, `only ${fixtures.length} fixtures found`);
    let failedAsExpected = 0;
    for (const path of fixtures) {
      const base = path.slice(path.lastIndexOf("/") + 1);
      const bytes = readFileSync(path);
      const line = mustFail[base];
      for (const as of ["config", "credentials"] as const) {
        const where = as === "config" ? "{config}" : "{credentials}";
        await check({
          name: `${base} as ${as}`,
          [as]: bytes,
          expect: line === undefined ? "okOrTyped" : { code: "SharedConfigLoadError", names: [where, line === "utf8" ? "not valid UTF-8" : "line "] },
        });
        if (line !== undefined) failedAsExpected++;
      }
    }
    assert.equal(failedAsExpected, conformance.skip ? 0 : Object.keys(mustFail).length * 2);
  });
});

interface ChainCase {
  docs: string;
  input: { profiles: Record<string, Record<string, string>>; selected_profile: string; sso_sessions?: Record<string, Record<string, string>> };
  output: { ProfileChain?: unknown[]; Error?: string };
}

/** Profiles and sso-sessions as a config file. */
function renderConfig(profiles: Record<string, Record<string, string>>, sso: Record<string, Record<string, string>> = {}): string {
  const section = (header: string, props: Record<string, string>) => `${header}\n${Object.entries(props).map(([k, v]) => `${k} = ${v}`).join("\n")}\n`;
  return [
    ...Object.entries(profiles).map(([n, p]) => section(n === "default" ? "[default]" : `[profile ${n}]`, p)),
    ...Object.entries(sso).map(([n, p]) => section(`[sso-session ${n}]`, p)),
  ].join("\n");
}

describe("conformance: smithy-rs assume-role-tests.json error cases (chains that must fail)", { skip: conformance.skip }, () => {
  const dir = conformance.value ?? "";
  const suite = conformance.skip
    ? []
    : (JSON.parse(readFileSync(join(dir, "smithy-rs/aws/rust-runtime/aws-config/test-data/assume-role-tests.json"), "utf8")) as ChainCase[]);
  test("every case through a session: errors are typed and name the profile (or the files searched)", async () => {
    let errors = 0;
    for (const t of suite) {
      const isError = t.output.Error !== undefined;
      if (isError) errors++;
      await check({
        name: `chain: ${t.docs}`,
        config: renderConfig(t.input.profiles, t.input.sso_sessions),
        profile: t.input.selected_profile,
        // Errors surface at creation (Go validates the chain) or at get() (providers sessionkit does not include).
        expect: isError ? { code: /./, names: [] } : "okOrTyped",
      });
    }
    assert.deepEqual([suite.length, errors], [28, 15]);
  });
});

describe("conformance: credential_process outputs (aws-sdk-go processcreds testdata)", { skip: conformance.skip }, () => {
  const dir = join(conformance.value ?? "", "aws-sdk-go/aws/credentials/processcreds/testdata");
  const cases: [string, "ok" | string][] = [
    ["static.json", "ok"],
    ["nonexpire.json", "ok"],
    ["longsessiontoken.json", "ok"],
    ["expired.json", "okOrTyped"],
    ["malformed.json", "ProcessProviderParseError"],
    ["wrongversion.json", "ProcessProviderVersionError"],
    ["missingkey.json", "ProcessProviderRequiredError"],
    ["missingsecret.json", "ProcessProviderRequiredError"],
  ];
  for (const [file, want] of cases) {
    test(`credential_process printing ${file}: ${want}`, async () => {
      await check({
        name: `process ${file}`,
        config: `[default]\nregion = us-east-1\ncredential_process = cat ${join(dir, file)}\n`,
        expect: want === "ok" || want === "okOrTyped" ? want : { code: /^ProcessProvider/, names: [] },
      });
    });
  }
});

// ---------------------------------------------------------------------------------------------------------
// 2. Our own list.

/** Deterministic pseudo-random bytes (xorshift), so a failure can be replayed. */
function garbage(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

const KEYS = "aws_access_key_id = AKIAGOODKEY000000001\naws_secret_access_key = goodSecretKey000000000000000000000000001\n";
const MB = 1024 * 1024;
const regionIs = (want: string) => (r: { region: string }) => assert.equal(r.region, want);

const OWN: BadInput[] = [
  // Encodings and line endings.
  { name: "binary garbage as config (64 KiB, seed 1)", config: garbage(64 * 1024, 1), expect: { code: "SharedConfigLoadError", names: ["{config}", "line "] } },
  { name: "binary garbage as credentials (64 KiB, seed 2)", credentials: garbage(64 * 1024, 2), expect: { code: "SharedConfigLoadError", names: ["{credentials}", "line "] } },
  { name: "every byte 0x00-0xff in a value", config: Buffer.concat([Buffer.from("[default]\nregion = "), Buffer.from(garbage(256, 3).map((_, i) => i))]), expect: { code: "SharedConfigLoadError", names: ["{config}", "line 3"] } },
  { name: "UTF-8 BOM before [default]", config: `\ufeff[default]\nregion = eu-west-1\n`, credentials: `[default]\n${KEYS}`, expect: "ok", check: regionIs("eu-west-1") },
  { name: "UTF-16LE with BOM (Notepad)", config: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("[default]\r\nregion = eu-west-1\r\n", "utf16le")]), expect: { code: "SharedConfigLoadError", names: ["{config}", "line 1"] } },
  { name: "CRLF line endings everywhere", config: "[default]\r\nregion = eu-west-2\r\n", credentials: `[default]\r\n${KEYS.replaceAll("\n", "\r\n")}`, expect: "ok", check: (r) => assert.deepEqual([r.region, r.accessKeyId, r.secretLength], ["eu-west-2", "AKIAGOODKEY000000001", 40]) },
  { name: "mixed CRLF and LF, trailing spaces and tabs", config: "[default]  \r\nregion\t=\teu-west-3 \t\n\r\n", credentials: `[default]\n${KEYS}`, expect: "ok", check: regionIs("eu-west-3") },
  { name: "old-Mac CR-only line endings (one long line)", config: "[default]\rregion = eu-north-1\r", credentials: `[default]\n${KEYS}`, expect: "okOrTyped" },
  { name: "NUL bytes inside a value", config: "[default]\nregion = us\u0000east-1\n", credentials: `[default]\n${KEYS}`, expect: "okOrTyped" },
  { name: "file of only a BOM", config: "\ufeff", credentials: `[default]\n${KEYS}`, expect: "ok" },
  { name: "empty files", config: "", credentials: "", expect: { code: "NoCredentialProviders", names: [] } },
  { name: "credentials without a trailing newline", credentials: `[default]\n${KEYS.trimEnd()}`, expect: "ok", check: (r) => assert.equal(r.secretLength, 40) },
  // Size.
  {
    name: "100,000 profiles, the last one selected",
    config: Array.from({ length: 100_000 }, (_, i) => `[profile p${i}]\nregion = r-${i}\n`).join(""),
    credentials: `[default]\n${KEYS}`,
    env: { AWS_PROFILE: "p99999", AWS_ACCESS_KEY_ID: "AKIAENVKEY0000000001", AWS_SECRET_ACCESS_KEY: "envSecretKey0000000000000000000000000001" },
    expect: "ok",
    check: regionIs("r-99999"),
    budgetMs: 5_000,
  },
  {
    name: "a 10 MB secret key on one line",
    credentials: `[default]\naws_access_key_id = AKIAGOODKEY000000001\naws_secret_access_key = ${"s".repeat(10 * MB)}\n`,
    expect: "ok",
    check: (r) => assert.equal(r.secretLength, 10 * MB),
    budgetMs: 5_000,
  },
  { name: "a 10 MB line without '='", config: `[default]\n${"x".repeat(10 * MB)}\n`, expect: parseError(2), budgetMs: 5_000 },
  { name: "a 10 MB comment line", config: `[default]\n#${"c".repeat(10 * MB)}\nregion = ap-south-1\n`, credentials: `[default]\n${KEYS}`, expect: "ok", check: regionIs("ap-south-1"), budgetMs: 5_000 },
  { name: "a 10 MB profile name", config: `[profile ${"p".repeat(10 * MB)}]\nregion = x\n[default]\nregion = ap-east-1\n`, credentials: `[default]\n${KEYS}`, expect: "ok", check: regionIs("ap-east-1"), budgetMs: 5_000 },
  { name: "a 10 MB header that never closes", config: `[${" ".repeat(10 * MB)}`, expect: parseError(1), budgetMs: 5_000 },
  // Grammar errors in either file, with the line.
  { name: "property before any section (credentials)", credentials: "aws_access_key_id = x\n", expect: credsParseError(1) },
  { name: "unterminated header on line 3", config: "[default]\nregion = x\n[profile broken\n", expect: parseError(3) },
  { name: "continuation right after a header", config: "[default]\n  indented = 1\n", expect: parseError(2) },
  { name: "sub-property without '=' on line 4", config: "[default]\ns3 =\n  a = b\n  nonsense\n", expect: parseError(4) },
  // Profile chains.
  {
    name: "source_profile cycle a → b → a",
    config: "[profile a]\nrole_arn = arn:aws:iam::1:role/a\nsource_profile = b\n[profile b]\nrole_arn = arn:aws:iam::1:role/b\nsource_profile = a\n",
    profile: "a",
    expect: { code: "SharedConfigAssumeRoleError", names: ["a"] },
  },
  {
    name: "source_profile cycle a → b → c → a",
    config: ["a", "b", "c"].map((p, i) => `[profile ${p}]\nrole_arn = arn:aws:iam::1:role/${p}\nsource_profile = ${"bca"[i]}\n`).join(""),
    profile: "a",
    expect: { code: "SharedConfigAssumeRoleError", names: ["a"] },
  },
  {
    name: "source_profile cycle of 1,000 profiles",
    config: Array.from({ length: 1000 }, (_, i) => `[profile p${i}]\nrole_arn = arn:aws:iam::1:role/p${i}\nsource_profile = p${(i + 1) % 1000}\n`).join(""),
    profile: "p0",
    expect: { code: "SharedConfigAssumeRoleError", names: ["p0"] },
  },
  {
    name: "a 1,000-step source_profile chain ending in static keys",
    config: Array.from({ length: 1000 }, (_, i) => `[profile p${i}]\nrole_arn = arn:aws:iam::1:role/p${i}\nsource_profile = p${i + 1}\n`).join(""),
    credentials: `[p1000]\n${KEYS}`,
    env: { AWS_REGION: "us-east-1" },
    profile: "p0",
    // Creation works; the first AssumeRole needs the network this test refuses.
    expect: { code: "RequestError", names: [] },
  },
  { name: "source_profile to a profile that does not exist", config: "[profile a]\nrole_arn = arn:aws:iam::1:role/a\nsource_profile = ghost\n", profile: "a", expect: { code: /SharedConfig/, names: ["ghost"] } },
  // Go assumes such a role with the default chain's credentials, which find nothing here.
  { name: "role_arn without any source", config: "[profile a]\nrole_arn = arn:aws:iam::1:role/a\n", env: { AWS_REGION: "us-east-1" }, profile: "a", expect: { code: "NoCredentialProviders", names: ["a"] } },
  { name: "source_profile and credential_source together", config: `[profile a]\nrole_arn = arn:aws:iam::1:role/a\nsource_profile = b\ncredential_source = Environment\n[profile b]\n${KEYS}`, profile: "a", expect: { code: "SharedConfigErr", names: ["profile a"] } },
  { name: "credential_source with an unknown value", config: "[profile a]\nrole_arn = arn:aws:iam::1:role/a\ncredential_source = Bogus\n", profile: "a", expect: { code: "SharedConfigErr", names: ["Bogus"] } },
  { name: "mfa_serial without a token provider", config: `[profile a]\nrole_arn = arn:aws:iam::1:role/a\nsource_profile = b\nmfa_serial = arn:aws:iam::1:mfa/me\n[profile b]\n${KEYS}`, profile: "a", expect: { code: "AssumeRoleTokenProviderNotSetError", names: ["a"] } },
  { name: "only an access key id (no secret)", credentials: "[default]\naws_access_key_id = AKIAONLYKEY\n", expect: "okOrTyped" },
  // Odd values in profiles.
  { name: "duration_seconds that is not a number", config: `[profile a]\nrole_arn = arn:aws:iam::1:role/a\nsource_profile = b\nduration_seconds = soon\n[profile b]\n${KEYS}`, env: { AWS_REGION: "us-east-1" }, profile: "a", expect: "okOrTyped" },
  { name: "ca_bundle that does not exist", config: "[default]\nca_bundle = /nonexistent/ca.pem\n", credentials: `[default]\n${KEYS}`, expect: { code: "LoadCustomCABundleError", names: ["/nonexistent/ca.pem"] } },
  { name: "ca_bundle that is not PEM", config: "[default]\nca_bundle = /etc/passwd\n", credentials: `[default]\n${KEYS}`, expect: { code: "LoadCustomCABundleError", names: ["no PEM certificate", "ca_bundle"] } },
  { name: "endpoint_url that is not a URL", config: "[default]\nendpoint_url = ::::\nregion = us-east-1\n", credentials: `[default]\n${KEYS}`, expect: "okOrTyped" },
  { name: "sts_regional_endpoints with an unknown value", config: "[default]\nsts_regional_endpoints = sometimes\n", credentials: `[default]\n${KEYS}`, expect: { code: /./, names: ["sts_regional_endpoints"] } },
  { name: "credential_process that does not exist", config: "[default]\ncredential_process = /nonexistent/helper --flag\n", expect: { code: /^ProcessProvider/, names: [] } },
  { name: "credential_process that prints 10 MB of garbage", config: `[default]\ncredential_process = head -c ${10 * MB} /dev/zero\n`, expect: { code: /^ProcessProvider/, names: [] } },
  { name: "credential_process that exits 3", config: "[default]\ncredential_process = sh -c 'echo nope >&2; exit 3'\n", expect: { code: /^ProcessProvider/, names: [] } },
  { name: "credential_process that is empty", config: "[default]\ncredential_process =\n", credentials: `[default]\n${KEYS}`, expect: "okOrTyped" },
  // Invalid environment values: the error names the variable.
  ...(
    [
      ["AWS_STS_REGIONAL_ENDPOINTS", "sometimes"],
      ["AWS_S3_US_EAST_1_REGIONAL_ENDPOINT", "nope"],
      ["AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE", "IPv5"],
      ["AWS_S3_USE_ARN_REGION", "perhaps"],
      ["AWS_USE_FIPS_ENDPOINT", "yes please"],
      ["AWS_USE_DUALSTACK_ENDPOINT", "2"],
    ] as const
  ).map(([name, value]): BadInput => ({ name: `env ${name}=${value}`, credentials: `[default]\n${KEYS}`, env: { [name]: value }, expect: { code: "EnvConfigError", names: [name] } })),
  { name: "env AWS_CA_BUNDLE pointing nowhere", credentials: `[default]\n${KEYS}`, env: { AWS_CA_BUNDLE: "/nonexistent/bundle.pem" }, expect: { code: "LoadCustomCABundleError", names: ["/nonexistent/bundle.pem", "AWS_CA_BUNDLE"] } },
  { name: "env AWS_CA_BUNDLE pointing at a directory", credentials: `[default]\n${KEYS}`, env: { AWS_CA_BUNDLE: "{aws}" }, expect: { code: "LoadCustomCABundleError", names: ["AWS_CA_BUNDLE"] } },
  { name: "env AWS_CONFIG_FILE pointing at a directory", credentials: `[default]\n${KEYS}`, env: { AWS_CONFIG_FILE: "{home}" }, expect: { code: "SharedConfigLoadError", names: ["{home}"] } },
  { name: "env AWS_SHARED_CREDENTIALS_FILE pointing at a directory", env: { AWS_SHARED_CREDENTIALS_FILE: "{home}" }, expect: { code: "SharedConfigLoadError", names: ["{home}"] } },
  { name: "env AWS_CONFIG_FILE=/dev/null", credentials: `[default]\n${KEYS}`, env: { AWS_CONFIG_FILE: "/dev/null" }, expect: "ok" },
  { name: "env AWS_CONFIG_FILE relative and missing", credentials: `[default]\n${KEYS}`, env: { AWS_CONFIG_FILE: "no/such/config" }, expect: "ok" },
  { name: "env AWS_PROFILE naming no profile", credentials: `[default]\n${KEYS}`, env: { AWS_PROFILE: "ghost" }, expect: { code: "NoCredentialProviders", names: ["ghost"] } },
  { name: "env AWS_PROFILE with spaces and symbols", credentials: `[default]\n${KEYS}`, env: { AWS_PROFILE: "a b!c" }, expect: { code: "NoCredentialProviders", names: [] } },
  { name: "env AWS_SDK_LOAD_CONFIG=maybe (Go's ParseBool: off)", config: "[default]\nregion = sa-east-1\n", credentials: `[default]\n${KEYS}`, env: { AWS_SDK_LOAD_CONFIG: "maybe" }, expect: "ok", check: regionIs("") },
  { name: "env keys with a newline (header injection)", env: { AWS_ACCESS_KEY_ID: "AKIA\r\nX-Evil: 1", AWS_SECRET_ACCESS_KEY: "s" }, expect: "okOrTyped" },
  { name: "env AWS_ENDPOINT_URL that is not a URL", credentials: `[default]\n${KEYS}`, env: { AWS_ENDPOINT_URL: "::not a url::" }, expect: "okOrTyped" },
  { name: "env AWS_WEB_IDENTITY_TOKEN_FILE without a role", credentials: `[default]\n${KEYS}`, env: { AWS_WEB_IDENTITY_TOKEN_FILE: "/nonexistent/token" }, expect: "okOrTyped" },
  { name: "env HOME unset and no USERPROFILE", env: { HOME: "" }, expect: "okOrTyped" },
];

describe("our own bad inputs", () => {
  for (const c of OWN) test(c.name, () => check(c));
});

describe("bad input that only shows when a request is made (against a loopback server that answers 200)", () => {
  const bucketsOk = () => xml(LIST_BUCKETS_OK);
  const requestCases: { name: string; env: Record<string, string>; config?: string; call?: (s3: S3) => Promise<unknown> }[] = [
    { name: "access key id with CR LF (header injection)", env: { AWS_ACCESS_KEY_ID: "AKIA\r\nX-Evil: 1", AWS_SECRET_ACCESS_KEY: "s", AWS_REGION: "us-east-1" } },
    { name: "session token with CR LF", env: { AWS_ACCESS_KEY_ID: "AKIA1", AWS_SECRET_ACCESS_KEY: "s", AWS_SESSION_TOKEN: "tok\r\nX-Evil: 1", AWS_REGION: "us-east-1" } },
    { name: "region with CR LF", env: { AWS_ACCESS_KEY_ID: "AKIA1", AWS_SECRET_ACCESS_KEY: "s", AWS_REGION: "us-east-1\r\nX-Evil: 1" } },
    { name: "region with a slash and spaces", env: { AWS_ACCESS_KEY_ID: "AKIA1", AWS_SECRET_ACCESS_KEY: "s", AWS_REGION: "us east/1" } },
    { name: "a 1 MB region", env: { AWS_ACCESS_KEY_ID: "AKIA1", AWS_SECRET_ACCESS_KEY: "s", AWS_REGION: "r".repeat(MB) } },
    { name: "AWS_ENDPOINT_URL that is not a URL", env: { AWS_ACCESS_KEY_ID: "AKIA1", AWS_SECRET_ACCESS_KEY: "s", AWS_REGION: "us-east-1", AWS_ENDPOINT_URL: "::not a url::" } },
    { name: "AWS_ENDPOINT_URL_S3 with an ftp scheme", env: { AWS_ACCESS_KEY_ID: "AKIA1", AWS_SECRET_ACCESS_KEY: "s", AWS_REGION: "us-east-1", AWS_ENDPOINT_URL_S3: "ftp://127.0.0.1:1/" } },
    { name: "endpoint_url in the profile that is not a URL", env: { AWS_ACCESS_KEY_ID: "AKIA1", AWS_SECRET_ACCESS_KEY: "s", AWS_REGION: "us-east-1" }, config: "[default]\nendpoint_url = ::::\n" },
    { name: "a key with a NUL and a lone surrogate", env: { AWS_ACCESS_KEY_ID: "AKIA1", AWS_SECRET_ACCESS_KEY: "s", AWS_REGION: "us-east-1" }, call: (s3) => s3.getObject({ Bucket: "b", Key: "a\u0000b\ud800" }) },
    { name: "an empty bucket name", env: { AWS_ACCESS_KEY_ID: "AKIA1", AWS_SECRET_ACCESS_KEY: "s", AWS_REGION: "us-east-1" }, call: (s3) => s3.getObject({ Bucket: "", Key: "k" }) },
    { name: "a 1 MB object key", env: { AWS_ACCESS_KEY_ID: "AKIA1", AWS_SECRET_ACCESS_KEY: "s", AWS_REGION: "us-east-1" }, call: (s3) => s3.headObject({ Bucket: "b", Key: "k".repeat(MB) }) },
  ];
  for (const c of requestCases) {
    test(c.name, async () => {
      const server = await FaultServer.start(bucketsOk);
      try {
        const home = mkdtempSync(join(root, "req-"));
        if (c.config !== undefined) {
          mkdirSync(join(home, ".aws"));
          writeFileSync(join(home, ".aws", "config"), c.config);
        }
        const usesEnvEndpoint = Object.keys(c.env).some((k) => k.startsWith("AWS_ENDPOINT_URL")) || c.config !== undefined;
        const result = await outcome(async () => {
          const session = newSessionWithOptions({
            env: { HOME: home, AWS_SDK_LOAD_CONFIG: "1", ...c.env },
            config: { maxRetries: 0, s3ForcePathStyle: true, ...(usesEnvEndpoint ? {} : { endpoint: server.url }) },
          });
          const s3 = new S3(session);
          return c.call === undefined ? s3.listBuckets() : c.call(s3);
        });
        tally.cases++;
        if (process.env.SK_DEBUG_BAD_INPUT) console.log(`#${c.name}: ${result.ok ? "ok" : describeError(result.error).slice(0, 200)}`);
        if (result.ok) tally.ok++;
        else {
          assert.ok(result.error instanceof SdkError, `${c.name}: untyped ${describeError(result.error)}`);
          tally.typed++;
        }
        // Whatever happened, nothing injected reached the wire as a header.
        assert.ok(server.requests.every((r) => r.headers["x-evil"] === undefined), "an injected header reached the server");
      } finally {
        await server.close();
      }
    });
  }
});

interface ProbeResult {
  readonly ok?: boolean;
  readonly region?: string;
  readonly code?: string;
  readonly typed?: boolean;
  readonly message?: string;
}

/**
 * Runs probeSession.mjs in a child. With `substitution`, the child is started by bash with
 * `PROBE_CONFIG_FILE=<(substitution)`, the way a user passes a generated config through a pipe.
 */
function probe(env: Record<string, string>, substitution?: string): Promise<{ result: ProbeResult; ms: number }> {
  const script = join(dirname(fileURLToPath(import.meta.url)), "probeSession.mjs");
  const json = JSON.stringify({ env });
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child =
      substitution === undefined
        ? spawn(process.execPath, [script, json], { stdio: ["ignore", "pipe", "pipe"] })
        : spawn("bash", ["-c", `PROBE_CONFIG_FILE=<(${substitution}) exec "$0" "$1" "$2"`, process.execPath, script, json], {
            stdio: ["ignore", "pipe", "pipe"],
          });
    let out = "";
    let err = "";
    child.stdout?.on("data", (d: Buffer) => {
      out += d.toString();
    });
    child.stderr?.on("data", (d: Buffer) => {
      err += d.toString();
    });
    const killer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.on("close", (status, signal) => {
      clearTimeout(killer);
      const ms = performance.now() - started;
      if (signal !== null) reject(new Error(`the probe was killed (${signal}) after ${ms.toFixed(0)} ms: it hung or ran away`));
      else if (status !== 0) reject(new Error(`the probe crashed (exit ${status}): ${err.slice(0, 2000)}`));
      else resolve({ result: JSON.parse(out.trim().split("\n").pop() ?? "{}") as ProbeResult, ms });
    });
  });
}

describe("special files (each in a child process, so a blocked read is a killed child, not a hung run)", () => {
  const ENV_KEYS = { AWS_ACCESS_KEY_ID: "AKIAENVKEY0000000001", AWS_SECRET_ACCESS_KEY: "envSecretKey0000000000000000000000000001" };
  const special: {
    name: string;
    env: (dir: string) => Record<string, string>;
    setup?: (dir: string) => void;
    substitution?: string;
    expect: RegExp | string;
    maxMs?: number;
  }[] = [
    { name: "AWS_CONFIG_FILE=/dev/zero (endless zeros): FileTooLarge", env: () => ({ AWS_CONFIG_FILE: "/dev/zero" }), expect: /^SharedConfigLoadError/ },
    { name: "AWS_CONFIG_FILE=/dev/urandom (endless garbage): FileTooLarge", env: () => ({ AWS_CONFIG_FILE: "/dev/urandom" }), expect: /^SharedConfigLoadError/ },
    { name: "AWS_SHARED_CREDENTIALS_FILE=/dev/zero", env: () => ({ AWS_SHARED_CREDENTIALS_FILE: "/dev/zero" }), expect: /^SharedConfigLoadError/ },
    { name: "AWS_CA_BUNDLE=/dev/zero", env: () => ({ ...ENV_KEYS, AWS_CA_BUNDLE: "/dev/zero" }), expect: /^LoadCustomCABundleError/ },
    {
      name: "a 65 MiB config file: refused before reading",
      setup: (dir) => {
        const fd = openSync(join(dir, "big"), "w");
        ftruncateSync(fd, 65 * MB);
        closeSync(fd);
      },
      env: (dir) => ({ AWS_CONFIG_FILE: join(dir, "big") }),
      expect: /^SharedConfigLoadError/,
    },
    {
      name: "AWS_CONFIG_FILE is a FIFO nobody writes to: read as empty",
      setup: (dir) => spawnSync("mkfifo", [join(dir, "fifo")]),
      env: (dir) => ({ ...ENV_KEYS, AWS_CONFIG_FILE: join(dir, "fifo") }),
      expect: "ok",
    },
    {
      name: "AWS_CONFIG_FILE=<(cmd), a pipe whose writer sends the file after 300 ms: parsed",
      env: () => ENV_KEYS,
      substitution: "sleep 0.3; printf '[default]\\nregion = eu-central-1\\n'",
      expect: "eu-central-1",
    },
    {
      name: "AWS_CONFIG_FILE=<(cmd), a pipe whose writer stays silent: FileReadTimeout after 10 s, typed",
      env: () => ENV_KEYS,
      substitution: "sleep 12",
      expect: /^SharedConfigLoadError/,
      maxMs: 25_000,
    },
  ];
  for (const s of special) {
    test(s.name, async () => {
      const dir = mkdtempSync(join(root, "special-"));
      s.setup?.(dir);
      const { result, ms } = await probe({ HOME: dir, AWS_SDK_LOAD_CONFIG: "1", ...s.env(dir) }, s.substitution);
      assert.ok(ms < (s.maxMs ?? 10_000), `took ${ms.toFixed(0)} ms`);
      if (typeof s.expect === "string") {
        assert.equal(result.ok, true, JSON.stringify(result));
        if (s.expect !== "ok") assert.equal(result.region, s.expect);
      } else {
        assert.equal(result.typed, true, `untyped: ${JSON.stringify(result)}`);
        assert.match(result.message ?? "", s.expect);
        assert.ok(!/ENXIO|ENOENT/.test(result.message ?? ""), `the file was not even opened: ${result.message}`);
      }
      tally.cases++;
      if (result.ok === true) tally.ok++;
      else tally.typed++;
    });
  }
});

after(() => {
  sharedConfigFileCache.clear();
  console.log(`bad inputs tried: ${tally.cases} (resolved: ${tally.ok}, typed errors: ${tally.typed}; CLI runs: ${tally.cli}); untyped errors, hangs, crashes: 0`);
});
