// Fresh-process measurements and JSON workers. Every child gets the clean environment (see env.mjs).
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { benchDir, cleanEnv, workersDir } from "./env.mjs";
import { shuffled, summarize } from "./stats.mjs";

const NS_PER_MS = 1e6;

// The peer prints a multi-line NodeVersionSupportWarning on Node 20; keep it out of error messages.
function stderrText(buf) {
  return String(buf ?? "")
    .replace(/\(node:\d+\) Warning: NodeVersionSupportWarning[\s\S]*?\(Use `node --trace-warnings \.\.\.`[^\n]*\n?/g, "")
    .trim();
}

/** Runs `node ...args` to completion and returns its wall time in ms (spawn to exit). Throws on failure. */
export function timeNode(args, { env = cleanEnv(), cwd = benchDir } = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { env, cwd, stdio: ["ignore", "ignore", "pipe"], maxBuffer: 1 << 24 });
  const ms = Number(process.hrtime.bigint() - t0) / NS_PER_MS;
  if (r.status !== 0) {
    throw new Error(`node ${args.join(" ")} exited with ${r.status ?? r.signal}: ${stderrText(r.stderr).slice(0, 600)}`);
  }
  return ms;
}

/**
 * Times fresh processes, interleaved: each round runs every command once in a shuffled order, so drift on a
 * busy VM spreads over all contenders alike. `commands` is `{ id: { args, env?, cwd? } }`; a command that
 * fails once is dropped with its error (and reported as such), the others go on.
 */
export function interleaveProcesses(commands, rounds, { warmup = 1, onRound, retries = 3 } = {}) {
  const samples = Object.fromEntries(Object.keys(commands).map((id) => [id, []]));
  const errors = {};
  const live = () => Object.keys(commands).filter((id) => !(id in errors));
  for (let r = -warmup; r < rounds; r++) {
    for (const id of shuffled(live())) {
      // A failure is retried after a pause (a package being rebuilt in this shared tree has no dist/ for a
      // few seconds); only a command that keeps failing is dropped.
      for (let attempt = 0; ; attempt++) {
        try {
          const ms = timeNode(commands[id].args, commands[id]);
          if (r >= 0) samples[id].push(ms);
          break;
        } catch (e) {
          if (attempt >= retries) {
            errors[id] = e instanceof Error ? e.message : String(e);
            break;
          }
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 3000);
        }
      }
    }
    onRound?.(r);
  }
  const out = {};
  for (const id of Object.keys(commands)) out[id] = id in errors ? { error: errors[id] } : summarize(samples[id]);
  return out;
}

/**
 * Runs a worker script (src/workers/<name>) in a fresh process and returns the JSON it prints as its last
 * stdout line. Extra node flags go in `nodeArgs`.
 */
export function runWorker(name, args = [], { env = cleanEnv(), nodeArgs = [], timeoutMs = 240_000, cwd = benchDir, retries = 1 } = {}) {
  for (let attempt = 0; ; attempt++) {
    const r = spawnSync(process.execPath, [...nodeArgs, join(workersDir, name), ...args], {
      env,
      cwd,
      encoding: "utf8",
      timeout: timeoutMs,
      maxBuffer: 1 << 26,
    });
    const lines = (r.stdout ?? "").trim().split("\n");
    if (r.status === 0) return JSON.parse(lines[lines.length - 1] ?? "null");
    if (attempt >= retries || r.error) {
      const why = r.error ? r.error.message : `exit ${r.status ?? r.signal}`;
      throw new Error(`worker ${name} failed (${why}): ${stderrText(r.stderr).slice(-1200)}`);
    }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 3000); // see interleaveProcesses
  }
}
