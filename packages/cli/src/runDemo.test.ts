// runDemo in-process with a stand-in launcher: what the demo says when Ceph cannot be started, and that it
// cleans up after itself even then. (The real walkthrough runs in demo.test.ts.)
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { after, test } from "node:test";
import type { CliInput, CliOutput } from "./CliIO.js";
import { runDemo } from "./runDemo.js";

const launcher = mkdtempSync(join(tmpdir(), "sk-fake-launcher-"));
after(() => rmSync(launcher, { recursive: true, force: true }));

function capture(): { stream: CliOutput; text: () => string } {
  const stream = new PassThrough();
  let text = "";
  stream.on("data", (b: Buffer) => {
    text += b.toString();
  });
  return { stream, text: () => text };
}

test("Ceph missing and not root: the demo repeats the launcher's command, says what to do, exits 1, leaves nothing", async () => {
  // What start.sh does in that case: one line on stderr naming the command, exit 3.
  writeFileSync(
    join(launcher, "start.sh"),
    'mkdir -p "$TEST_SERVERS_DIR/pids"\necho "Ceph RGW is not installed. Run as root: apt-get update && apt-get install -y --no-install-recommends ceph-mon ceph-osd radosgw" >&2\nexit 3\n',
  );
  writeFileSync(join(launcher, "stop.sh"), 'echo "$TEST_SERVERS_DIR" >> "$(dirname "$0")/stopped"\n');
  const out = capture();
  const err = capture();
  const env: NodeJS.ProcessEnv = { AWS_PROFILE: "mine" };
  const code = await runDemo({ launcher, stdin: new PassThrough() as CliInput, stdout: out.stream, stderr: err.stream, env, now: Date.now });
  assert.equal(code, 1);
  assert.deepEqual(err.text().split("\n"), [
    "demo: TestServersNotStarted: Ceph RGW did not start (launcher exit 3): Ceph RGW is not installed. Run as root: apt-get update && apt-get install -y --no-install-recommends ceph-mon ceph-osd radosgw — run that command (or run the demo as root to install it), then run the demo again",
    "",
  ]);
  const dir = /state, logs and pid files in (\S+)/.exec(out.text())?.[1];
  assert.ok(dir !== undefined, out.text());
  assert.equal(existsSync(dir), false, "the servers' state directory is removed");
  assert.equal(readFileSync(join(launcher, "stopped"), "utf8"), `${dir}\n`, "stop.sh ran once, for that directory");
  assert.match(out.text(), /== cleanup: stopping Ceph RGW .*\n {3}stopped and removed\n$/);
  // Nothing of the walkthrough ran, so the environment was left alone.
  assert.deepEqual(env, { AWS_PROFILE: "mine" });
});
