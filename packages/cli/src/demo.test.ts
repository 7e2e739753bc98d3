// `pnpm demo` (dist/demo.js) end to end: it starts its own Ceph RGW through the launcher, walks through the
// seed document and cleans up. Non-interactive (code from the default), interactive under a pseudo-terminal
// (the MFA prompt on stderr, a typed code accepted), and interrupted with SIGINT (servers stopped, HOME gone).
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { rgw } from "@sessionkit/test-env";
import { DEMO_BIN, runNode } from "./testing/cliHarness.js";

// The demo needs what the test servers need (Ceph installed, or root to install it): skip with the same reason.
const server = rgw();
const skip = server.skip;
const scratch = mkdtempSync(join(tmpdir(), "sk-demo-test-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

const STEPS = [
  "== 1. newSession(): credentials from ~/.aws/credentials only",
  "== 2. AWS_SDK_LOAD_CONFIG=1, or SharedConfigState.Enable: ~/.aws/config comes in",
  "== 3. A named profile with newSessionWithOptions",
  "== 4. A role profile with source_profile + mfa_serial ([profile mfa-role])",
  "== 5. copy() with a region override",
  "== 6. A send handler that logs every request",
  "== 7. S3 with the assumed role: create bucket, put, list, get, delete",
  "== done",
  "== cleanup: stopping Ceph RGW (rgw, then osd, then mon) and removing the throwaway HOME",
];

function demoEnv(): NodeJS.ProcessEnv {
  // The user's own AWS settings must not leak in: the demo unsets them (a bogus profile would fail step 1).
  return { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: scratch, AWS_PROFILE: "does-not-exist", AWS_REGION: "xx-nowhere-1" };
}

/** What the output says about the resources the demo created, and whether they are gone. */
async function leftovers(output: string): Promise<{ stateDir: boolean; home: boolean; port: boolean; processes: string[] }> {
  const dir = /state, logs and pid files in (\S+)/.exec(output)?.[1];
  const home = /a throwaway HOME \((\S+)\)/.exec(output)?.[1];
  const port = Number(/rgw ready on 127\.0\.0\.1:(\d+)/.exec(output)?.[1]);
  assert.ok(dir !== undefined && home !== undefined && port > 0, output);
  const listening = await new Promise<boolean>((resolve) => {
    const s = connect(port, "127.0.0.1");
    s.once("connect", () => {
      s.destroy();
      resolve(true);
    });
    s.once("error", () => resolve(false));
  });
  const ps = spawnSync("ps", ["-eo", "args"], { encoding: "utf8" }).stdout;
  return { stateDir: existsSync(dir), home: existsSync(home), port: listening, processes: ps.split("\n").filter((l) => l.includes(dir)) };
}

test("the demo runs non-interactively: exit 0, every step, no secret in the output, everything stopped", { skip, timeout: 180_000 }, async (t) => {
  const started = Date.now();
  const r = await runNode(DEMO_BIN, [], { env: demoEnv(), timeoutMs: 170_000 });
  t.diagnostic(`demo took ${Date.now() - started} ms`);
  assert.equal(r.code, 0, `${r.stdout}\n${r.stderr}`);
  const headings = r.stdout.split("\n").filter((l) => l.startsWith("== ") && !l.startsWith("== setup"));
  assert.deepEqual(headings, STEPS);
  // What the steps show, as data.
  for (const shown of [
    "MissingRegion: could not find region configuration",
    "region        us-east-2                         ~/.aws/config:2 [default] region",
    "AssumeRoleTokenProviderNotSetError",
    "stdin is not a terminal, so the demo answers with a 7-character code",
    "credentials.source[0]  SharedConfigCredentials: ~/.aws/credentials ****0001",
    "usEast2.config.credentials === roleSess.config.credentials: true",
    'read back: "Hello from sessionkit!"',
    "Request: s3/PutObject, Payload:",
    "unset for this run, so your own settings stay out: AWS_PROFILE, AWS_REGION",
  ]) {
    assert.ok(r.stdout.includes(shown), `output shows ${JSON.stringify(shown)}`);
  }
  const all = r.stdout + r.stderr;
  const secret = server.value?.secretAccessKey ?? "";
  assert.ok(secret !== "" && !all.includes(secret), "the secret key is printed");
  assert.doesNotMatch(all, /[A-Za-z0-9+/=]{120,}/, "something token-like (a long base64 run) is printed");
  assert.doesNotMatch(all, /Signature=[0-9a-f]{64}/);
  assert.deepEqual(await leftovers(r.stdout), { stateDir: false, home: false, port: false, processes: [] });
});

test("the demo under a pseudo-terminal: the MFA prompt on stderr, the typed code accepted", { skip, timeout: 180_000 }, async () => {
  const errFile = join(scratch, "demo-stderr.txt");
  // script(1) gives the demo a terminal as stdin and stdout; stderr goes to a file, to show where the prompt is.
  const child = spawn("script", ["-qfec", `${process.execPath} ${DEMO_BIN} 2>${errFile}`, "/dev/null"], {
    env: demoEnv(),
    stdio: ["pipe", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (b: Buffer) => {
    out += b.toString();
  });
  const code = await new Promise<number | null>((resolve) => {
    let typed = false;
    const poll = setInterval(() => {
      const err = existsSync(errFile) ? readFileSync(errFile, "utf8") : "";
      if (!typed && err.includes("Assume Role MFA token code: ")) {
        typed = true;
        child.stdin.write("1234567\r");
      }
    }, 100);
    const kill = setTimeout(() => child.kill("SIGKILL"), 170_000);
    child.on("close", (c) => {
      clearInterval(poll);
      clearTimeout(kill);
      child.stdin.end();
      resolve(c);
    });
  });
  const err = readFileSync(errFile, "utf8");
  assert.equal(code, 0, `${out}\n${err}`);
  assert.equal(err, "Assume Role MFA token code: ");
  assert.ok(out.includes("Type any 7-character code at the prompt (on stderr)."), out);
  assert.ok(out.includes("assumeRoleTokenProvider: stdinTokenProvider(),"), out);
  assert.match(out, /-> assumed arn:aws:iam:::role\/S3Access: temporary key \*\*\*\*\w{4}, session token \*\*\*\*/);
  assert.deepEqual(await leftovers(out), { stateDir: false, home: false, port: false, processes: [] });
});

test("Ctrl-C (SIGINT) stops the servers the demo started and removes its HOME", { skip, timeout: 180_000 }, async () => {
  const child = spawn(process.execPath, [DEMO_BIN], { env: demoEnv(), stdio: ["pipe", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stderr.on("data", (b: Buffer) => {
    err += b.toString();
  });
  const code = await new Promise<number | null>((resolve) => {
    child.stdout.on("data", (b: Buffer) => {
      const before = out;
      out += b.toString();
      // Interrupt in the middle of the walkthrough, once the servers run and the HOME exists.
      if (!before.includes("== 1. ") && out.includes("== 1. ")) child.kill("SIGINT");
    });
    child.on("close", (c) => resolve(c));
  });
  assert.equal(code, 130, `${out}\n${err}`);
  assert.match(err, /demo: SIGINT: stopping the servers and removing the throwaway HOME/);
  assert.ok(!out.includes("== done"), "the walkthrough did not finish");
  assert.deepEqual(await leftovers(out), { stateDir: false, home: false, port: false, processes: [] });
});

test("SIGINT while the launcher is still starting Ceph: every daemon of that start is stopped", { skip, timeout: 180_000 }, async () => {
  const child = spawn(process.execPath, [DEMO_BIN], { env: demoEnv(), stdio: ["pipe", "pipe", "pipe"] });
  let out = "";
  const code = await new Promise<number | null>((resolve) => {
    child.stdout.on("data", (b: Buffer) => {
      const before = out;
      out += b.toString();
      // The state directory is printed before the launcher runs; interrupt in the middle of its ~1–3 s.
      if (!before.includes("pid files in") && out.includes("pid files in")) setTimeout(() => child.kill("SIGINT"), 250);
    });
    child.on("close", (c) => resolve(c));
  });
  const dir = /state, logs and pid files in (\S+)/.exec(out)?.[1];
  assert.ok(dir !== undefined, out);
  assert.equal(code, 130, out);
  assert.ok(!out.includes("rgw ready"), "interrupted before the launcher finished");
  assert.equal(existsSync(dir), false);
  const ps = spawnSync("ps", ["-eo", "args"], { encoding: "utf8" }).stdout;
  assert.deepEqual(
    ps.split("\n").filter((l) => l.includes(dir)),
    [],
  );
});
