// Paths, the clean environment every spawned process gets, and the machine/version facts stamped on results.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, loadavg, release, tmpdir, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const srcDir = join(dirname(fileURLToPath(import.meta.url)), "..");
export const benchDir = join(srcDir, "..");
export const repoDir = join(benchDir, "..", "..");
export const workersDir = join(srcDir, "workers");
export const appsDir = join(srcDir, "apps");

// NODE_EXTRA_CA_CERTS adds ~40 ms to every node start on these VMs: it goes before anything is spawned,
// so start.sh's helpers and every measured process (baselines included) start without it.
delete process.env.NODE_EXTRA_CA_CERTS;

/** An empty HOME shared by processes that must not see the user's ~/.aws. */
let emptyHome;
export function scratchHome() {
  if (emptyHome === undefined) {
    const dir = mkdtempSync(join(tmpdir(), "sk-bench-home-"));
    process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
    emptyHome = dir;
  }
  return emptyHome;
}

/**
 * The environment of every measured process: the parent's, minus NODE_EXTRA_CA_CERTS, NODE_OPTIONS and every
 * AWS_* variable (they would change what the SDKs resolve), with HOME pointing at an empty directory.
 */
export function cleanEnv(extra = {}) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k === "NODE_EXTRA_CA_CERTS" || k === "NODE_OPTIONS" || k.startsWith("AWS_")) continue;
    env[k] = v;
  }
  env.HOME = scratchHome();
  return { ...env, ...extra };
}

function readJson(path) {
  return JSON.parse(readFileSync(path, "utf8"));
}

/** Version of a package as installed for the bench (peer packages resolve through our node_modules). */
export function installedVersion(name) {
  try {
    return readJson(join(benchDir, "node_modules", name, "package.json")).version;
  } catch {
    return undefined;
  }
}

function gitRev() {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: repoDir, encoding: "utf8" }).trim();
  } catch {
    return undefined;
  }
}

export const PEER_PACKAGES = [
  "@aws-sdk/client-s3",
  "@aws-sdk/client-sts",
  "@aws-sdk/credential-providers",
  "@smithy/signature-v4",
  "@smithy/shared-ini-file-loader",
  "@smithy/node-config-provider",
  "esbuild",
];
export const OUR_PACKAGES = ["session", "client-s3", "client-sts", "config", "signature-v4", "handlers", "http", "credentials"];

export function machineInfo() {
  const cpu = cpus();
  return {
    cores: cpu.length,
    cpuModel: cpu[0]?.model?.trim(),
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${process.platform} ${release()} ${process.arch}`,
    loadAverageAtStart: loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

export function versions() {
  const peer = Object.fromEntries(PEER_PACKAGES.map((n) => [n, installedVersion(n)]));
  const ours = Object.fromEntries(
    OUR_PACKAGES.map((n) => [`@sessionkit/${n}`, installedVersion(`@sessionkit/${n}`)]),
  );
  return { peer, ours, gitRev: gitRev() };
}
