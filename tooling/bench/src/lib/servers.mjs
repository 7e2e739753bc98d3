// The servers section 5 measures against: a trivial node:http server (own process) and Ceph RGW, started with
// the repo's launcher and ALWAYS stopped (finally, exit, SIGINT, SIGTERM), by PID through stop.sh.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cleanEnv, repoDir, workersDir } from "./env.mjs";

const SERVERS = join(repoDir, "tooling", "test-env", "servers");
const cleanups = new Set();

function runCleanups() {
  for (const fn of [...cleanups]) {
    cleanups.delete(fn);
    try {
      fn();
    } catch {
      // keep stopping the others
    }
  }
}
process.on("exit", runCleanups);
for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, () => {
    runCleanups();
    process.exit(sig === "SIGINT" ? 130 : 143);
  });
}

/** Starts the trivial server in its own process (so its CPU is not the client's); resolves `{ endpoint, stop }`. */
export function startLocalServer() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(workersDir, "http-server.mjs")], { env: cleanEnv(), stdio: ["ignore", "pipe", "inherit"] });
    const stop = () => {
      cleanups.delete(stop);
      if (child.exitCode === null) child.kill("SIGTERM");
    };
    cleanups.add(stop);
    let out = "";
    child.stdout.on("data", (b) => {
      out += b;
      const line = out.split("\n")[0];
      if (out.includes("\n")) resolve({ endpoint: `http://127.0.0.1:${JSON.parse(line).port}`, stop });
    });
    child.on("exit", (code) => reject(new Error(`local server exited early (${code})`)));
  });
}

/** Why RGW cannot run here (the bench installs nothing), or undefined when it can. */
export function rgwUnavailable() {
  const missing = ["radosgw", "ceph-osd", "ceph-mon"].filter(
    (bin) => spawnSync("bash", ["-c", `command -v ${bin}`], { stdio: "ignore" }).status !== 0,
  );
  return missing.length ? `n/a (Ceph RGW not installed: ${missing.join(", ")}; the bench installs nothing — see tooling/test-env)` : undefined;
}

/** Starts RGW alone into a private state dir; returns `{ env, stop }` with the launcher's env file parsed. */
export function startRgw(log) {
  const dir = mkdtempSync(join(tmpdir(), "sk-bench-rgw-"));
  const senv = { ...cleanEnv(), TEST_SERVERS: "rgw", TEST_SERVERS_DIR: dir };
  const stop = () => {
    cleanups.delete(stop);
    spawnSync("bash", [join(SERVERS, "stop.sh")], { env: senv, stdio: "ignore" });
    rmSync(dir, { recursive: true, force: true });
  };
  cleanups.add(stop);
  const t0 = Date.now();
  const r = spawnSync("bash", [join(SERVERS, "start.sh")], { env: senv, encoding: "utf8", timeout: 180_000 });
  if (r.status !== 0) {
    const out = `${r.stdout ?? ""}${r.stderr ?? ""}`.trim().split("\n").slice(-5).join(" | ");
    stop();
    throw new Error(`RGW did not start (exit ${r.status ?? r.signal}): ${out}`);
  }
  log(`  rgw started in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const env = {};
  for (const line of readFileSync(join(dir, "env"), "utf8").split("\n")) {
    const eq = line.indexOf("=");
    if (eq > 0) env[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return { env, stop };
}
