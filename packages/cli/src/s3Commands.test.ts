// `s3 ls/cp/rm`, `whoami` and `--debug` on the built binary against Ceph RGW (started by `pnpm test`),
// including a 50 MB copy both ways whose peak memory is measured.
import assert from "node:assert/strict";
import { createHash, randomBytes } from "node:crypto";
import { closeSync, createReadStream, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { S3 } from "@sessionkit/client-s3";
import { newSessionWithOptions, SharedConfigState } from "@sessionkit/session";
import { rgw } from "@sessionkit/test-env";
import { lines, makeHome, sessionkit, type TestHome } from "./testing/cliHarness.js";

const server = rgw();
const skip = server.skip;
const MIB = 1024 * 1024;
const bucket = `sk-cli-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6)}`;
const work = mkdtempSync(join(tmpdir(), "sk-cli-files-"));
let home: TestHome;

before(async () => {
  const s = server.value;
  if (s === undefined) return;
  home = makeHome({
    config: "[default]\nregion = us-east-1\n",
    credentials: `[default]\naws_access_key_id = ${s.accessKeyId}\naws_secret_access_key = ${s.secretAccessKey}\n`,
  });
  const session = newSessionWithOptions({ env: home.env({ AWS_ENDPOINT_URL: s.endpoint }), sharedConfigState: SharedConfigState.Enable });
  await new S3(session).createBucket({ Bucket: bucket });
});
after(() => {
  rmSync(work, { recursive: true, force: true });
  home?.remove();
});

function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return home.env({ AWS_ENDPOINT_URL: server.value?.endpoint ?? "", SESSIONKIT_REPORT_MAX_RSS: "1", ...extra });
}

/** Writes `bytes` random bytes, at most one MiB at a time. */
function randomFile(name: string, bytes: number): string {
  const path = join(work, name);
  const fd = openSync(path, "w");
  for (let left = bytes; left > 0; left -= MIB) writeSync(fd, randomBytes(Math.min(MIB, left)));
  closeSync(fd);
  return path;
}

async function sha256(path: string): Promise<string> {
  const h = createHash("sha256");
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest("hex");
}

/** Uploads then downloads `path`; returns each direction's peak RSS in MiB. */
async function roundTrip(path: string, key: string): Promise<{ up: number; down: number }> {
  const back = `${path}.back`;
  const up = await sessionkit(["s3", "cp", path, `s3://${bucket}/${key}`], { env: env() });
  assert.equal(up.code, 0, up.stderr);
  const down = await sessionkit(["s3", "cp", `s3://${bucket}/${key}`, back], { env: env() });
  assert.equal(down.code, 0, down.stderr);
  assert.equal(await sha256(back), await sha256(path), `${key}: the downloaded bytes are the uploaded ones`);
  return { up: (up.maxRssKiB ?? Number.NaN) / 1024, down: (down.maxRssKiB ?? Number.NaN) / 1024 };
}

test("s3 cp streams a 50 MB file both ways with constant memory (peak RSS reported)", { skip, timeout: 120_000 }, async (t) => {
  const base = await roundTrip(randomFile("small.bin", 1000), "mem/small.bin");
  const fifty = await roundTrip(randomFile("fifty.bin", 50 * MIB), "mem/fifty.bin");
  const twoHundred = await roundTrip(randomFile("twohundred.bin", 200 * MIB), "mem/twohundred.bin");
  const report = (label: string, r: { up: number; down: number }) =>
    `${label}: upload ${r.up.toFixed(1)} MiB (+${(r.up - base.up).toFixed(1)}), download ${r.down.toFixed(1)} MiB (+${(r.down - base.down).toFixed(1)})`;
  const figures = [report("1 KB baseline", base), report("50 MB", fifty), report("200 MB", twoHundred)];
  t.diagnostic(`peak RSS of the sessionkit process: ${figures.join("; ")}`);
  console.log(`# s3 cp peak RSS — ${figures.join("; ")}`);
  // Below the file size (a buffered copy adds at least the 50 MB itself) and flat in the size: the 200 MB copy
  // peaks where the 50 MB one does. What remains is chunks V8 has not collected yet (bounded by its GC).
  for (const [dir, r] of [
    ["upload", { fifty: fifty.up, big: twoHundred.up, base: base.up }],
    ["download", { fifty: fifty.down, big: twoHundred.down, base: base.down }],
  ] as const) {
    assert.ok(r.fifty - r.base < 45, `${dir} of 50 MB added ${(r.fifty - r.base).toFixed(1)} MiB over the 1 KB copy`);
    assert.ok(r.big - r.base < 50, `${dir} of 200 MB added ${(r.big - r.base).toFixed(1)} MiB over the 1 KB copy`);
    assert.ok(Math.abs(r.big - r.fifty) < 20, `${dir} peak: 50 MB ${r.fifty.toFixed(1)} MiB, 200 MB ${r.big.toFixed(1)} MiB`);
  }
});

test("s3 cp: text and JSON results, names kept for a trailing /, stdout with -, s3-to-s3 copy", { skip }, async () => {
  const size = 10_000;
  const file = randomFile("note.txt", size);
  const up = await sessionkit(["s3", "cp", file, `s3://${bucket}/docs/`], { env: env() });
  assert.match(lines(up.stdout)[0] ?? "", new RegExp(`^upload: ${file} to s3://${bucket}/docs/note\\.txt \\(${size} bytes, 0\\.0 MiB in \\d+\\.\\d\\d s\\)$`));
  const copy = await sessionkit(["s3", "cp", `s3://${bucket}/docs/note.txt`, `s3://${bucket}/copies/`, "--output", "json"], { env: env() });
  const copied = JSON.parse(copy.stdout) as { operation: string; destination: string; bytes: number };
  assert.deepEqual([copied.operation, copied.destination, copied.bytes], ["copy", `s3://${bucket}/copies/note.txt`, size]);
  const toStdout = await sessionkit(["s3", "cp", `s3://${bucket}/copies/note.txt`, "-"], { env: env() });
  assert.equal(toStdout.code, 0, toStdout.stderr);
  assert.equal(toStdout.stdoutBytes.toString("hex"), readFileSync(file).toString("hex"));
  const missing = await sessionkit(["s3", "cp", `s3://${bucket}/nope.txt`, join(work, "nope.txt")], { env: env() });
  assert.equal(missing.code, 1);
  assert.match(lines(missing.stderr)[0] ?? "", /^sessionkit: NoSuchKey: .*\(HTTP 404, s3\/GetObject\) — check the key with/);
});

test("a service error names the s3:// URL it is about, in every s3 command (RGW sends no message)", { skip }, async () => {
  const file = randomFile("named.txt", 10);
  const nobucket = `${bucket}-missing`;
  const runs: [string[], string][] = [
    [["s3", "ls", `s3://${nobucket}/logs/`], `NoSuchBucket: s3://${nobucket}/logs/ (HTTP 404, s3/ListObjectsV2)`],
    [["s3", "cp", file, `s3://${nobucket}/in/`], `NoSuchBucket: s3://${nobucket}/in/named.txt (HTTP 404, s3/PutObject)`],
    [["s3", "cp", `s3://${bucket}/absent.txt`, "-"], `NoSuchKey: s3://${bucket}/absent.txt (HTTP 404, s3/GetObject)`],
    [["s3", "cp", `s3://${bucket}/absent.txt`, `s3://${bucket}/b.txt`], `NotFound: s3://${bucket}/absent.txt (HTTP 404, s3/HeadObject)`],
    [["s3", "rm", `s3://${nobucket}/k`], `NoSuchBucket: s3://${nobucket}/k (HTTP 404, s3/DeleteObject)`],
    [["s3", "rm", "--recursive", `s3://${nobucket}/tmp/`], `NoSuchBucket: s3://${nobucket}/tmp/ (HTTP 404, s3/ListObjectsV2)`],
  ];
  const seen: string[] = [];
  for (const [args] of runs) {
    const r = await sessionkit(args, { env: env() });
    seen.push(`${r.code} ${(lines(r.stderr)[0] ?? "").replace(/^sessionkit: /, "").replace(/ — .*$/, "")}`);
  }
  assert.deepEqual(seen, runs.map(([, line]) => `1 ${line}`));
  // --debug keeps the server's error as the cause.
  const debug = await sessionkit(["s3", "rm", `s3://${nobucket}/k`, "--debug"], { env: env() });
  assert.match(debug.stderr, /caused by:\nS3ServiceError: NoSuchBucket: NoSuchBucket/);
});

test("s3 cp draws a progress bar on stderr when asked (a terminal, or SESSIONKIT_PROGRESS=always), never on a pipe", { skip }, async () => {
  const file = randomFile("bar.bin", 10 * MIB);
  const forced = await sessionkit(["s3", "cp", file, `s3://${bucket}/bar.bin`], { env: env({ SESSIONKIT_PROGRESS: "always" }) });
  const piped = await sessionkit(["s3", "cp", `s3://${bucket}/bar.bin`, `${file}.back`], { env: env() });
  assert.deepEqual([forced.code, piped.code], [0, 0]);
  const frames = forced.stderr.split("\r").filter((f) => f.startsWith("upload  ["));
  assert.ok(frames.length >= 1, forced.stderr);
  assert.match(frames[frames.length - 1] ?? "", /^upload {2}\[#+\] 100% {2}10\.0\/10\.0 MiB {2}\d+\.\d MiB\/s\n/);
  assert.ok(!piped.stderr.includes("\r"), piped.stderr);
});

test("s3 ls lists buckets and keys (PRE for prefixes, --recursive, JSON); s3 rm deletes one or a prefix", { skip }, async () => {
  for (const key of ["tree/a.txt", "tree/sub/b.txt", "tree/sub/c.txt"]) {
    const r = await sessionkit(["s3", "cp", randomFile("x.txt", 1048), `s3://${bucket}/${key}`], { env: env() });
    assert.equal(r.code, 0, r.stderr);
  }
  const buckets = await sessionkit(["s3", "ls"], { env: env() });
  assert.ok(lines(buckets.stdout).some((l) => /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d {2}/.test(l) && l.endsWith(` ${bucket}`)), buckets.stdout);
  const level = await sessionkit(["s3", "ls", `s3://${bucket}/tree/`], { env: env() });
  assert.deepEqual(
    lines(level.stdout).map((l) => l.trim().split(/\s+/).slice(-2)),
    [
      ["PRE", "tree/sub/"],
      ["1048", "tree/a.txt"],
    ],
  );
  const all = await sessionkit(["s3", "ls", `s3://${bucket}/tree/`, "--recursive", "--output", "json"], { env: env() });
  assert.deepEqual(
    (JSON.parse(all.stdout) as { Contents: { Key: string }[] }).Contents.map((o) => o.Key),
    ["tree/a.txt", "tree/sub/b.txt", "tree/sub/c.txt"],
  );
  const one = await sessionkit(["s3", "rm", `s3://${bucket}/tree/a.txt`], { env: env() });
  assert.deepEqual(lines(one.stdout), [`delete: s3://${bucket}/tree/a.txt`]);
  const prefix = await sessionkit(["s3", "rm", "--recursive", `s3://${bucket}/tree/`], { env: env() });
  assert.deepEqual(lines(prefix.stdout).sort(), [`delete: s3://${bucket}/tree/sub/b.txt`, `delete: s3://${bucket}/tree/sub/c.txt`]);
  const empty = await sessionkit(["s3", "ls", `s3://${bucket}/tree/`, "--recursive"], { env: env() });
  assert.deepEqual([empty.code, empty.stdout], [0, ""]);
});

test("--debug logs every request and response to stderr, redacted: no secret key, no signature", { skip }, async () => {
  const s = server.value;
  assert.ok(s !== undefined);
  const r = await sessionkit(["s3", "ls", `s3://${bucket}`, "--debug"], { env: env() });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /DEBUG: Request s3\/ListObjectsV2 Details:/);
  assert.match(r.stderr, /DEBUG: Response s3\/ListObjectsV2 Details:/);
  assert.ok(!r.stderr.includes(s.secretAccessKey), "secret key in the debug log");
  const signature = /Signature=([0-9a-f]{64})/.exec(r.stderr);
  assert.equal(signature, null, "signature in the debug log");
});

test("whoami: RGW lacks GetCallerIdentity (405); the error says so and names the credentials used", { skip }, async () => {
  const r = await sessionkit(["whoami"], { env: env() });
  assert.equal(r.code, 1);
  const first = lines(r.stderr)[0] ?? "";
  assert.match(
    first,
    new RegExp(
      `^sessionkit: GetCallerIdentityNotSupported: the server at ${server.value?.endpoint} does not implement STS GetCallerIdentity \\(it answered 405 MethodNotAllowed\\); the credentials in use are access key \\*\\*\\*\\*0001 from SharedConfigCredentials: ${home.credentialsFile} — this is a gap of the server`,
    ),
  );
});
