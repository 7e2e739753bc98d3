import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CliError } from "./CliError.js";

/** The endpoints and keys the launcher wrote to `<dir>/env`. */
export type ServerEnv = Readonly<Record<string, string>>;

/** Where the launcher scripts are, from `dist/demo.js` or `src/DemoServers.ts` in a clone of the repository. */
export function findLauncher(from: string = fileURLToPath(import.meta.url)): string {
  const dir = join(from, "..", "..", "..", "..", "tooling", "test-env", "servers");
  if (!existsSync(join(dir, "start.sh"))) {
    throw new CliError("LauncherNotFound", `the test-server launcher is not at ${dir}`, {
      hint: "run the demo from a clone of the sessionkit repository: pnpm install && pnpm demo",
    });
  }
  return dir;
}

function parseEnv(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of text.split("\n")) {
    const eq = line.indexOf("=");
    if (eq > 0) env[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return env;
}

/**
 * Ceph RGW started for the demo through the project's launcher (`start.sh` with `TEST_SERVERS=rgw`), in a
 * private state directory. `stop()` is synchronous and idempotent, so it can run from a signal handler; it
 * also stops daemons a start interrupted half-way (their PID files are still in the Ceph run directory).
 */
export class DemoServers {
  readonly dir: string;
  readonly #launcher: string;
  #starter: ChildProcess | undefined;
  #stopped = false;

  constructor(launcher: string = findLauncher()) {
    this.#launcher = launcher;
    this.dir = mkdtempSync(join(tmpdir(), "sessionkit-demo-servers-"));
  }

  /** Starts RGW and resolves with its env; each line of the launcher's output goes to `log`. */
  start(log: (line: string) => void): Promise<ServerEnv> {
    return new Promise((resolve, reject) => {
      const child = spawn("bash", [join(this.#launcher, "start.sh")], {
        env: { ...process.env, TEST_SERVERS: "rgw", TEST_SERVERS_DIR: this.dir },
        stdio: ["ignore", "pipe", "pipe"],
      });
      this.#starter = child;
      let output = "";
      const onData = (chunk: Buffer): void => {
        output += chunk.toString();
        for (const line of chunk.toString().split("\n")) if (line.trim() !== "") log(line);
      };
      child.stdout?.on("data", onData);
      child.stderr?.on("data", onData);
      child.on("error", (err) => reject(new CliError("LauncherFailed", `could not run the launcher: ${err.message}`, { cause: err })));
      child.on("close", (code) => {
        this.#starter = undefined;
        if (code === 0) {
          resolve(parseEnv(readFileSync(join(this.dir, "env"), "utf8")));
          return;
        }
        const last = output.trim().split("\n").pop() ?? "";
        // Exit 3: Ceph is missing and we may not install it; the launcher printed the command to run.
        const hint =
          code === 3
            ? "run that command (or run the demo as root to install it), then run the demo again"
            : `see the logs in ${join(this.dir, "logs")}`;
        reject(new CliError("TestServersNotStarted", `Ceph RGW did not start (launcher exit ${code}): ${last}`, { hint }));
      });
    });
  }

  /** Stops what was started (rgw, then osd, then mon) and removes the state directory unless it holds logs to read. */
  stop(keepLogs = false): void {
    if (this.#stopped) return;
    this.#stopped = true;
    if (this.#starter !== undefined && this.#starter.exitCode === null) this.#starter.kill("SIGKILL");
    this.#adoptRunPids();
    spawnSync("bash", [join(this.#launcher, "stop.sh")], { env: { ...process.env, TEST_SERVERS_DIR: this.dir }, stdio: "ignore" });
    stopStragglers(this.dir);
    if (!keepLogs) rmSync(this.dir, { recursive: true, force: true });
  }

  // The launcher copies the daemons' PID files into pids/ only once all three run; an interrupted start
  // leaves some only in the Ceph run directory, so copy them where stop.sh looks.
  #adoptRunPids(): void {
    const run = join(this.dir, "ceph", "run");
    if (!existsSync(run)) return;
    for (const f of readdirSync(run)) {
      if (!f.endsWith(".pid")) continue;
      const target = join(this.dir, "pids", `ceph-${f}`);
      if (!existsSync(target)) copyFileSync(join(run, f), target);
    }
  }
}

/** PIDs of live processes whose command line mentions `dir` (every Ceph daemon gets `-c <dir>/ceph/ceph.conf`). */
function processesUsing(dir: string): { pid: number; cmd: string }[] {
  const out: { pid: number; cmd: string }[] = [];
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    return out; // not Linux: stop.sh's PID files are all there is
  }
  for (const e of entries) {
    const pid = Number(e);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
      const state = /^State:\s*(\w)/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
      if (cmd.includes(dir) && state !== "Z") out.push({ pid, cmd });
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * A start interrupted between a daemon's fork and its PID file leaves a daemon stop.sh cannot see: find those by
 * their command line and end them in Ceph's order (rgw, then osd, then mon), TERM then KILL after 5 s.
 * Synchronous, so it also runs inside a signal handler.
 */
function stopStragglers(dir: string): void {
  const order = ["radosgw", "ceph-osd", "ceph-mon", ""];
  for (const name of order) {
    const group = processesUsing(dir).filter((p) => (name === "" ? true : p.cmd.includes(name)));
    if (group.length === 0) continue;
    for (const p of group) signal(p.pid, "SIGTERM");
    for (let i = 0; i < 50 && group.some((p) => alive(p.pid)); i++) Atomics.wait(pause, 0, 0, 100);
    for (const p of group) if (alive(p.pid)) signal(p.pid, "SIGKILL");
  }
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // already gone
  }
}

function alive(pid: number): boolean {
  try {
    const state = /^State:\s*(\w)/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return state !== undefined && state !== "Z";
  } catch {
    return false;
  }
}
