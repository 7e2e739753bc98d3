// The user's files are read-only to us: a throwaway HOME with ~/.aws is snapshotted (every entry's mode,
// mtime, ctime, size and content hash, directories included) before and after sessions, credential refreshes
// and CLI runs (in-process and as the built binary); nothing may differ and nothing may be added.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { promisify } from "node:util";
import { after, before, test } from "node:test";
import { runCli } from "@sessionkit/cli";
import { S3 } from "@sessionkit/client-s3";
import { STS } from "@sessionkit/client-sts";
import { sharedConfigFileCache } from "@sessionkit/config";
import { createNodeHttpTransport } from "@sessionkit/http";
import { newSession, newSessionWithOptions, SharedConfigState } from "@sessionkit/session";
import { repoRoot } from "@sessionkit/test-env";
import { FaultServer, miniS3AndSts } from "./FaultServer.js";

interface Entry {
  readonly mode: string;
  readonly mtimeMs: number;
  readonly ctimeMs: number;
  readonly size: number;
  readonly sha256?: string;
}

/** Every entry under `dir` (relative path → metadata and content hash). Access times are left out: reading sets them. */
function snapshot(dir: string): Record<string, Entry> {
  const out: Record<string, Entry> = {};
  const walk = (rel: string): void => {
    const abs = join(dir, rel);
    const st = lstatSync(abs);
    out[rel || "."] = {
      mode: (st.mode & 0o7777).toString(8),
      mtimeMs: st.mtimeMs,
      ctimeMs: st.ctimeMs,
      size: st.isDirectory() ? 0 : st.size,
      ...(st.isFile() ? { sha256: createHash("sha256").update(readFileSync(abs)).digest("hex") } : {}),
    };
    if (st.isDirectory()) for (const name of readdirSync(abs).sort()) walk(rel === "" ? name : join(rel, name));
  };
  walk("");
  return out;
}

const work = mkdtempSync(join(tmpdir(), "sk-read-only-"));
const home = join(work, "home");
const outside = join(work, "outside");
let server: FaultServer;
let now = Date.now();
const clock = () => now;
const transport = createNodeHttpTransport();
const steps: string[] = [];

before(async () => {
  server = await FaultServer.start(miniS3AndSts(clock));
  const aws = join(home, ".aws");
  mkdirSync(aws, { recursive: true });
  mkdirSync(outside);
  writeFileSync(
    join(aws, "config"),
    [
      "[default]",
      "region = us-east-1",
      "[profile role]",
      "role_arn = arn:aws:iam::123456789012:role/ro",
      "source_profile = default",
      "region = us-east-1",
      "[profile proc]",
      `credential_process = printf '{"Version":1,"AccessKeyId":"AKIAPROC","SecretAccessKey":"procSecret","SessionToken":"procToken"}'`,
      "region = us-east-1",
      "",
    ].join("\n"),
  );
  writeFileSync(join(aws, "credentials"), "[default]\naws_access_key_id = AKIAREADONLY00000001\naws_secret_access_key = readOnlySecret000000000000000000000001\n");
  // The modes users really have; a tool that "fixes" permissions would show up as a changed mode or ctime.
  chmodSync(join(aws, "credentials"), 0o600);
  chmodSync(join(aws, "config"), 0o644);
  chmodSync(aws, 0o700);
  writeFileSync(join(outside, "upload.txt"), "uploaded by the read-only test\n");
});

after(async () => {
  transport.destroy();
  await server.close();
  rmSync(work, { recursive: true, force: true });
});

function cliIO(env: Record<string, string>) {
  const out: string[] = [];
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  stdout.on("data", (d: Buffer) => out.push(d.toString()));
  stderr.on("data", (d: Buffer) => out.push(d.toString()));
  const stdin = new PassThrough();
  stdin.end();
  return { io: { stdout, stderr, stdin, env, now: Date.now }, out };
}

test("sessions, credential refreshes and CLI runs leave ~/.aws byte-for-byte, mode-for-mode unchanged", async () => {
  const snap = snapshot(home);
  const env = { HOME: home, AWS_SDK_LOAD_CONFIG: "1", AWS_ENDPOINT_URL: server.url };
  const code = { transport, clock, s3ForcePathStyle: true };

  // Sessions: default, copies, client configs, explain, static keys.
  for (let i = 0; i < 3; i++) {
    sharedConfigFileCache.clear();
    const s = newSessionWithOptions({ env, config: code });
    s.explain().toString();
    s.copy({ region: "eu-west-1" }).clientConfig("s3");
    await new S3(s).listBuckets();
    await new STS(s).getCallerIdentity();
  }
  steps.push("3 default sessions: explain, copy, S3 ListBuckets, STS GetCallerIdentity");

  // Assumed-role credentials, refreshed several times (the clock moves past each expiry).
  const role = newSessionWithOptions({ env, profile: "role", sharedConfigState: SharedConfigState.Enable, config: code });
  const s3 = new S3(role);
  for (let i = 0; i < 4; i++) {
    await s3.listBuckets();
    now += 16 * 60_000;
  }
  role.config.credentials.expire();
  await s3.putObject({ Bucket: "fault-bucket", Key: "k", Body: "x" });
  assert.equal(server.count("AssumeRole"), 5, "4 expiries + 1 expire() = 5 AssumeRole calls");
  steps.push("assume-role profile: 5 refreshes (4 expiries, 1 expire())");

  // credential_process, and newSession() reading process.env-free options.
  const proc = newSessionWithOptions({ env, profile: "proc", sharedConfigState: SharedConfigState.Enable, config: code });
  assert.equal((await proc.config.credentials.get()).accessKeyId, "AKIAPROC");
  newSession({ region: "us-west-2", credentials: { accessKeyId: "a", secretAccessKey: "b" } }).explain();
  steps.push("credential_process profile");

  // The CLI in-process, every command, also at --debug.
  const commands = [
    ["config", "explain"],
    ["config", "explain", "--profile", "role"],
    ["config", "profiles"],
    ["whoami"],
    ["s3", "ls"],
    ["s3", "ls", "s3://fault-bucket/"],
    ["s3", "cp", "s3://fault-bucket/hello.txt", join(outside, "download.txt")],
    ["s3", "cp", join(outside, "upload.txt"), "s3://fault-bucket/upload.txt"],
    ["s3", "rm", "s3://fault-bucket/upload.txt"],
    ["sts", "assume-role", "--role-arn", "arn:aws:iam::123456789012:role/ro", "--output", "json"],
    ["s3", "ls", "--profile", "role", "--debug"],
    ["whoami", "--profile", "proc", "--debug"],
  ];
  for (const args of commands) {
    const { io, out } = cliIO(env);
    const exit = await runCli(args, io);
    assert.equal(exit, 0, `sessionkit ${args.join(" ")}: ${out.join("")}`);
  }
  steps.push(`${commands.length} CLI commands in-process`);

  // The built binary, as a user runs it (asynchronously: the fault server lives in this process).
  const cli = join(repoRoot, "packages", "cli", "dist", "cli.js");
  for (const args of [["config", "explain"], ["config", "profiles"], ["s3", "ls", "--debug"]]) {
    await promisify(execFile)(process.execPath, [cli, ...args], { env: { ...env, PATH: process.env.PATH ?? "" }, timeout: 60_000 });
  }
  steps.push("3 runs of packages/cli/dist/cli.js");

  assert.deepEqual(snapshot(home), snap);

  // Control: the snapshot does see a change of mode alone (same bytes, same mtime).
  chmodSync(join(home, ".aws", "credentials"), 0o644);
  assert.notDeepEqual(snapshot(home), snap);
  console.log(`read-only: ${Object.keys(snap).length} entries of a throwaway HOME unchanged after: ${steps.join("; ")}`);
});
