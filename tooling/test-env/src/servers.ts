import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const SCRIPTS = join(dirname(fileURLToPath(import.meta.url)), "..", "servers");

export type ServerName = "rgw" | "s3rver";

/** Running test servers: their env (endpoints + keys) and a stop that ends them by PID. */
export interface RunningServers {
  readonly dir: string;
  readonly env: Readonly<Record<string, string>>;
  /** PIDs by process name, read from the pid files (for tests that prove the stop). */
  readonly pids: Readonly<Record<string, number>>;
  stop(): void;
}

/** Parses the `KEY=VALUE` env file the start script writes. */
export function parseEnvFile(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of text.split("\n")) {
    const eq = line.indexOf("=");
    if (eq > 0) env[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return env;
}

function readPids(dir: string): Record<string, number> {
  const out: Record<string, number> = {};
  const ls = spawnSync("ls", [join(dir, "pids")], { encoding: "utf8" });
  for (const f of ls.stdout.split("\n").filter((n) => n.endsWith(".pid"))) {
    out[f.slice(0, -4)] = Number(readFileSync(join(dir, "pids", f), "utf8").trim());
  }
  return out;
}

/**
 * Starts the servers on free loopback ports and resolves once they answer. Rejects with the script's
 * output when they cannot start (exit code 3: Ceph missing and not root).
 */
export function startTestServers(
  servers: readonly ServerName[] = ["rgw", "s3rver"],
  dir: string = mkdtempSync(join(tmpdir(), "sessionkit-servers-")),
  log: (line: string) => void = () => {},
): Promise<RunningServers> {
  return new Promise((resolve, reject) => {
    const child = spawn("bash", [join(SCRIPTS, "start.sh")], {
      env: { ...process.env, TEST_SERVERS: servers.join(" "), TEST_SERVERS_DIR: dir },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const onData = (b: Buffer) => {
      output += b.toString();
      for (const line of b.toString().split("\n")) if (line.trim()) log(line);
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("close", (code) => {
      const stop = () => stopTestServers(dir);
      if (code !== 0) {
        stop();
        const err = new Error(`test servers failed to start (exit ${code}):\n${output.trim()}`);
        (err as Error & { exitCode?: number | null }).exitCode = code;
        reject(err);
        return;
      }
      resolve({ dir, env: parseEnvFile(readFileSync(join(dir, "env"), "utf8")), pids: readPids(dir), stop });
    });
  });
}

/** Stops the servers started into `dir`, by PID, in the order Ceph needs. */
export function stopTestServers(dir: string): void {
  spawnSync("bash", [join(SCRIPTS, "stop.sh")], { env: { ...process.env, TEST_SERVERS_DIR: dir }, stdio: "ignore" });
}
