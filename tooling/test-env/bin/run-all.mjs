#!/usr/bin/env node
// `pnpm test`: starts Ceph RGW and s3rver on free loopback ports, runs every package's tests in one
// node:test run with the servers' endpoints in the environment, then stops the servers by PID.
//   --only-fuzz   run only *.fuzz.test.ts files (used by `pnpm fuzz`)
//   --no-servers  do not start servers (tests that need them skip, or fail under CI=true)
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { findTests } from "../src/findTests.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..", "..");
const args = new Set(process.argv.slice(2));
const inCI = /^(1|true)$/i.test(process.env.CI ?? "");
const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

const roots = [];
for (const base of ["packages", "tooling"]) {
  for (const name of spawnSync("ls", [join(root, base)], { encoding: "utf8" }).stdout.split("\n").filter(Boolean)) {
    roots.push(join(root, base, name, "src"), join(root, base, name, "test"));
  }
}
const files = findTests(roots, args.has("--only-fuzz") ? /\.fuzz\.test\.ts$/ : /\.test\.ts$/);

const dir = mkdtempSync(join(tmpdir(), "sessionkit-servers-"));
const env = { ...process.env };
let started = false;
const stop = () => {
  if (!started) return;
  started = false;
  spawnSync("bash", [join(here, "..", "servers", "stop.sh")], { env: { ...process.env, TEST_SERVERS_DIR: dir }, stdio: "inherit" });
  console.log("test servers stopped");
};
process.on("SIGINT", () => { stop(); process.exit(130); });
process.on("SIGTERM", () => { stop(); process.exit(143); });

if (!args.has("--no-servers") && !args.has("--only-fuzz")) {
  // The browser-build tests run in headless Chromium; its absence is reported by those tests.
  spawnSync("bash", [join(here, "..", "servers", "install-browser.sh")], { stdio: "inherit" });
  started = true;
  const r = spawnSync("bash", [join(here, "..", "servers", "start.sh")], {
    env: { ...process.env, TEST_SERVERS_DIR: dir },
    stdio: "inherit",
  });
  if (r.status !== 0) {
    stop();
    if (inCI) {
      console.error("test servers failed to start; CI may not skip server tests");
      process.exit(1);
    }
    console.error("test servers not started: tests that need them will be skipped (reason shown per test)");
  } else {
    for (const line of readFileSync(join(dir, "env"), "utf8").split("\n")) {
      const eq = line.indexOf("=");
      if (eq > 0) env[line.slice(0, eq)] = line.slice(eq + 1);
    }
  }
}

console.log(`running ${files.length} test files`);
const child = spawn(
  process.execPath,
  ["--import", tsx, "--test", "--test-reporter=spec", "--test-concurrency=2", ...files],
  { stdio: "inherit", env, cwd: root },
);
child.on("close", (code) => {
  stop();
  process.exit(code ?? 1);
});
