// Secrets: the walkthrough (`node packages/cli/dist/demo.js --debug`, non-interactive) and every CLI command at
// `--debug` (requests, responses with bodies, retries, errors) run against Ceph RGW; then all their output, the
// messages of errors, and util.inspect / JSON.stringify of sessions, configs, clients, credentials and errors are
// searched for every secret key, session token and MFA code in play — the static ones we wrote, and every one a
// server handed out (read from a recording of the processes' HTTP traffic). Zero hits, with a positive control:
// `sts assume-role` prints credentials on purpose, and the search must find them there.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { inspect } from "node:util";
import { S3 } from "@sessionkit/client-s3";
import { STS } from "@sessionkit/client-sts";
import { staticTokenProvider } from "@sessionkit/credential-provider-assume-role";
import { newSessionWithOptions, SharedConfigState } from "@sessionkit/session";
import { repoRoot, rgw } from "@sessionkit/test-env";
import { outcome } from "./outcome.js";

const server = rgw();
const MFA_CODE = "7355608"; // seven characters: RGW 16.2 refuses six (local-servers.md)
const WRONG_SECRET = "wrongSecretKeyForTheSecretsTest000000001";
const recorder = join(dirname(fileURLToPath(import.meta.url)), "recordTraffic.mjs");
const work = mkdtempSync(join(tmpdir(), "sk-secrets-"));
const home = join(work, "home");
const trafficLog = join(work, "traffic.log");

/** One process or object whose text is searched. */
interface Shown {
  readonly what: string;
  readonly text: string;
}
const shown: Shown[] = [];
/** Outputs that carry credentials by design (the positive control). */
const intended: Shown[] = [];
const secrets = new Map<string, string>(); // value → what it is

function addSecret(value: string | undefined, what: string): void {
  if (value !== undefined && value.length >= 6) secrets.set(value, what);
}

/** Every place a secret (or a 12-character start or end of one) occurs. */
function leaks(texts: readonly Shown[]): string[] {
  const found: string[] = [];
  for (const { what, text } of texts) {
    for (const [secret, kind] of secrets) {
      const probes = secret.length >= 24 ? [secret, secret.slice(0, 12), secret.slice(-12)] : [secret];
      for (const p of probes) {
        const at = text.indexOf(p);
        if (at >= 0) {
          found.push(`${kind} in ${what}: …${text.slice(Math.max(0, at - 60), at + p.length + 20)}…`);
          break;
        }
      }
    }
  }
  return found;
}

interface Run {
  readonly exit: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a built entry point with the traffic recorder preloaded; stdin is not a terminal. */
function runNode(args: readonly string[], env: Record<string, string>, timeoutMs = 180_000): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", recorder, ...args], {
      env: { PATH: process.env.PATH ?? "", SK_TRAFFIC_LOG: trafficLog, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    const timer = setTimeout(() => {
      child.kill("SIGINT");
      reject(new Error(`${args.join(" ")} did not finish within ${timeoutMs} ms`));
    }, timeoutMs);
    child.on("close", (exit) => {
      clearTimeout(timer);
      resolve({ exit, stdout, stderr });
    });
  });
}

/** Secret keys and session tokens servers handed out, from the recorded response bodies. */
function secretsFromTraffic(): number {
  if (!existsSync(trafficLog)) return 0;
  const text = readFileSync(trafficLog, "latin1");
  let n = 0;
  for (const m of text.matchAll(/<(SecretAccessKey|SessionToken)>([^<]+)<\/\1>/g)) {
    addSecret(m[2], `${m[1]} issued by the server`);
    n++;
  }
  return n;
}

const info = server.value;

before(() => {
  if (info === undefined) return;
  mkdirSync(join(home, ".aws"), { recursive: true });
  writeFileSync(
    join(home, ".aws", "credentials"),
    `[default]\naws_access_key_id = ${info.accessKeyId}\naws_secret_access_key = ${info.secretAccessKey}\n\n` +
      `[other]\naws_access_key_id = ${info.otherAccessKeyId}\naws_secret_access_key = ${info.otherSecretAccessKey}\n\n` +
      `[bad]\naws_access_key_id = ${info.accessKeyId}\naws_secret_access_key = ${WRONG_SECRET}\n`,
  );
  writeFileSync(
    join(home, ".aws", "config"),
    `[default]\nregion = us-east-1\n\n[profile role]\nrole_arn = ${info.roleArn}\nsource_profile = default\n` +
      "mfa_serial = arn:aws:iam:::mfa/testuser\nregion = us-east-1\n\n[profile other]\nregion = us-east-1\n\n[profile bad]\nregion = us-east-1\n",
  );
  writeFileSync(join(work, "upload.txt"), "a file for the secrets test\n");
  addSecret(info.secretAccessKey, "the RGW user's secret key");
  addSecret(info.otherSecretAccessKey, "the other RGW user's secret key");
  addSecret(WRONG_SECRET, "a wrong secret key");
  addSecret(MFA_CODE, "the MFA code");
});

after(() => rmSync(work, { recursive: true, force: true }));

describe("secrets never leak", { skip: server.skip }, () => {
  test("the walkthrough at --debug (non-interactive, its own Ceph RGW): exit 0, output searched", async () => {
    const demo = join(repoRoot, "packages", "cli", "dist", "demo.js");
    const r = await runNode([demo, "--debug", "--mfa-code", MFA_CODE], { HOME: join(work, "demo-home") });
    assert.equal(r.exit, 0, `demo failed:\n${r.stderr.slice(-3000)}`);
    assert.match(r.stderr, /DEBUG: Response sts\/AssumeRole Details/, "the demo logged at debug level, bodies included");
    shown.push({ what: "demo stdout", text: r.stdout }, { what: "demo stderr (--debug log)", text: r.stderr });
  });

  test("every CLI command at --debug against RGW (successes and failures): output searched", async () => {
    const env = { HOME: home, AWS_ENDPOINT_URL: info?.endpoint ?? "", SESSIONKIT_MFA_CODE: MFA_CODE };
    const cli = join(repoRoot, "packages", "cli", "dist", "cli.js");
    const bucket = `sk-secrets-${Date.now().toString(36)}`;
    // The bucket the transfers use, made with the library.
    const maker = newSessionWithOptions({ env: { HOME: home, AWS_ENDPOINT_URL: info?.endpoint ?? "" }, sharedConfigState: SharedConfigState.Enable, config: { s3ForcePathStyle: true } });
    await new S3(maker).createBucket({ Bucket: bucket });
    const role = info?.roleArn ?? "";
    const commands: [string[], "ok" | "fails" | "prints credentials"][] = [
      [["config", "explain"], "ok"],
      [["config", "explain", "--profile", "role", "--output", "json"], "ok"],
      [["config", "profiles"], "ok"],
      [["whoami"], "fails"], // RGW 16.2 has no GetCallerIdentity: the error names the credentials used
      [["whoami", "--profile", "role"], "fails"],
      [["s3", "ls"], "ok"],
      [["s3", "ls", "--profile", "role"], "ok"],
      [["s3", "cp", join(work, "upload.txt"), `s3://${bucket}/up.txt`, "--profile", "role"], "ok"],
      [["s3", "ls", `s3://${bucket}/`, "--profile", "role", "--output", "json"], "ok"],
      [["s3", "cp", `s3://${bucket}/up.txt`, join(work, "down.txt"), "--profile", "role"], "ok"],
      [["s3", "rm", `s3://${bucket}/up.txt`, "--profile", "role"], "ok"],
      [["s3", "ls", "--profile", "bad"], "fails"],
      [["s3", "ls", "s3://no-such-bucket-for-secrets/"], "fails"],
      [["sts", "assume-role", "--role-arn", "arn:aws:iam:::role/NoSuchRole"], "fails"],
      [["sts", "assume-role", "--role-arn", role, "--profile", "other"], "fails"],
      [["sts", "assume-role", "--role-arn", role, "--output", "json"], "prints credentials"],
      [["sts", "assume-role", "--role-arn", role, "--serial-number", "arn:aws:iam:::mfa/testuser", "--token-code", MFA_CODE], "prints credentials"],
    ];
    for (const [args, expect] of commands) {
      const r = await runNode([cli, ...args, "--debug"], env, 60_000);
      const name = `sessionkit ${args.join(" ")} --debug`;
      if (expect === "fails") assert.equal(r.exit, 1, `${name} should fail: ${r.stderr.slice(-500)}`);
      else assert.equal(r.exit, 0, `${name}: ${r.stderr.slice(-1500)}`);
      assert.ok(r.stderr.includes("DEBUG: ") || args[0] === "config", `${name} logged at debug level`);
      if (expect === "prints credentials") intended.push({ what: `${name} stdout`, text: r.stdout });
      else shown.push({ what: `${name} stdout`, text: r.stdout });
      shown.push({ what: `${name} stderr`, text: r.stderr });
    }
    await new S3(maker).deleteBucket({ Bucket: bucket });
  });

  test("util.inspect / JSON.stringify of sessions, configs, clients, credentials and errors (library, RGW)", async () => {
    const env = { HOME: home, AWS_ENDPOINT_URL: info?.endpoint ?? "" };
    const objects: [string, unknown][] = [];
    const role = newSessionWithOptions({
      env,
      profile: "role",
      sharedConfigState: SharedConfigState.Enable,
      assumeRoleTokenProvider: staticTokenProvider(MFA_CODE),
      config: { s3ForcePathStyle: true, logLevel: 0x1000 | 0x0002 | 0x0004 | 0x0008, logger: { log: (...a) => shown.push({ what: "library debug log", text: a.map(String).join(" ") }) } },
    });
    const s3 = new S3(role);
    await s3.listBuckets();
    const value = await role.config.credentials.get();
    addSecret(value.secretAccessKey, "assumed-role secret key (library)");
    addSecret(value.sessionToken, "assumed-role session token (library)");
    objects.push(
      ["role session", role],
      ["role session copy", role.copy({ region: "eu-west-1" })],
      ["role session config", role.config],
      ["clientConfig(s3)", role.clientConfig("s3")],
      ["S3 client", s3],
      ["STS client", new STS(role)],
      ["credentials", role.config.credentials],
      ["credentials value", value],
      ["explain()", role.explain()],
    );
    // Errors: a wrong secret, a role the user may not assume, a missing bucket, a bad MFA code.
    const bad = newSessionWithOptions({ env, profile: "bad", sharedConfigState: SharedConfigState.Enable, config: { s3ForcePathStyle: true } });
    const other = newSessionWithOptions({ env, profile: "other", sharedConfigState: SharedConfigState.Enable, config: { s3ForcePathStyle: true } });
    const failures = [
      await outcome(new S3(bad).listBuckets()),
      await outcome(new STS(other).assumeRole({ RoleArn: info?.roleArn ?? "", RoleSessionName: "nope" })),
      await outcome(s3.headBucket({ Bucket: "no-such-bucket-for-secrets" })),
      await outcome(new STS(role).assumeRole({ RoleArn: info?.roleArn ?? "", RoleSessionName: "s", SerialNumber: "arn:aws:iam:::mfa/x", TokenCode: "123456" })),
    ];
    failures.forEach((f, i) => {
      assert.equal(f.ok, false, `failure ${i} should fail`);
      if (!f.ok) objects.push([`error ${i}`, f.error]);
    });
    for (const [what, o] of objects) {
      shown.push({ what: `util.inspect(${what})`, text: inspect(o, { depth: Infinity, showHidden: true, getters: true }) });
      shown.push({ what: `JSON.stringify(${what})`, text: JSON.stringify(o) ?? "" });
      shown.push({ what: `String(${what})`, text: String(o) });
      if (o instanceof Error) {
        shown.push({ what: `${what}.message`, text: o.message }, { what: `${what}.stack`, text: o.stack ?? "" });
      }
    }
  });

  test("searching it all: secrets found 0 (and the positive control finds the credentials sts assume-role prints)", () => {
    const issued = secretsFromTraffic();
    assert.ok(issued >= 8, `secret keys and tokens recorded from the servers: ${issued}`);
    assert.ok(shown.length > 0);
    // Control: the search works — the intended output of sts assume-role carries issued credentials.
    const control = leaks(intended);
    assert.equal(intended.length, 2);
    assert.ok(control.length >= 4, `the control should find 2 secret keys and 2 tokens, found: ${control.length}`);
    const found = leaks(shown);
    const bytes = shown.reduce((n, s) => n + s.text.length, 0);
    console.log(
      `secrets: ${secrets.size} distinct values (${issued} issued by servers) searched in ${shown.length} outputs ` +
        `(${(bytes / 1024).toFixed(0)} KiB); found: ${found.length}; control found ${control.length} in sts assume-role's intended output`,
    );
    assert.deepEqual(found, []);
  });
});
