#!/usr/bin/env node
// Starts the test servers, runs a command with their endpoints and keys in the environment, stops them.
// Usage: node tooling/test-env/bin/with-servers.mjs [--servers=rgw,s3rver] <command> [args...]
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
let argv = process.argv.slice(2);
let servers = "rgw s3rver";
if (argv[0]?.startsWith("--servers=")) {
  servers = argv[0].slice("--servers=".length).replaceAll(",", " ");
  argv = argv.slice(1);
}
if (argv.length === 0) {
  console.error("usage: with-servers.mjs [--servers=rgw,s3rver] <command> [args...]");
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), "sessionkit-servers-"));
const senv = { ...process.env, TEST_SERVERS_DIR: dir, TEST_SERVERS: servers };
const stop = () => spawnSync("bash", [join(here, "..", "servers", "stop.sh")], { env: senv, stdio: "inherit" });
process.on("SIGINT", () => { stop(); process.exit(130); });
const started = spawnSync("bash", [join(here, "..", "servers", "start.sh")], { env: senv, stdio: "inherit" });
if (started.status !== 0) {
  stop();
  process.exit(started.status ?? 1);
}
const env = { ...process.env };
for (const line of readFileSync(join(dir, "env"), "utf8").split("\n")) {
  const eq = line.indexOf("=");
  if (eq > 0) env[line.slice(0, eq)] = line.slice(eq + 1);
}
const r = spawnSync(argv[0], argv.slice(1), { stdio: "inherit", env, shell: false });
stop();
process.exit(r.status ?? 1);
