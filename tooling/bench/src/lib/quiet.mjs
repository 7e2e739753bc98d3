// `turbo run bench` also starts the packages' own `bench/*.bench.mjs` scripts, in parallel with this harness.
// Measuring while they run would charge their CPU to every figure, so each section first waits for them; and
// for tsup builds in this shared tree, which empty a package's dist/ for a few seconds while they run.
import { readdirSync, readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";

const PACKAGE_BENCH = /\/bench\/[^/\s]+\.bench\.m?js/;
const TSUP = /\/tsup\/dist\/cli-[a-z]+\.js/;

function otherBenchmarks() {
  const out = [];
  let pids = [];
  try {
    pids = readdirSync("/proc").filter((d) => /^\d+$/.test(d) && Number(d) !== process.pid);
  } catch {
    return out; // no /proc (not Linux): nothing to wait for
  }
  for (const pid of pids) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ");
      const m = PACKAGE_BENCH.exec(cmd);
      if (m) out.push(m[0]);
      else if (TSUP.test(cmd)) out.push("a tsup build");
    } catch {
      // the process ended while we looked
    }
  }
  return out;
}

/** Waits (up to `maxMs`) until no package benchmark script runs; returns the seconds waited. */
export async function waitForQuiet(log, maxMs = 600_000) {
  const t0 = Date.now();
  let lastLog = 0;
  for (;;) {
    const others = otherBenchmarks();
    if (others.length === 0) return Math.round((Date.now() - t0) / 1000);
    if (Date.now() - t0 > maxMs) {
      log(`  still running after ${maxMs / 1000} s, measuring anyway: ${others.join(", ")}`);
      return Math.round((Date.now() - t0) / 1000);
    }
    if (Date.now() - lastLog > 15_000) {
      log(`  waiting for other work to finish: ${[...new Set(others)].join(", ")}`);
      lastLog = Date.now();
    }
    await sleep(500);
  }
}

/**
 * Waits (up to `maxMs`) until the 1-minute load average is below the core count: a full run on a machine
 * that something else keeps busy measures the other workload more than the contenders. Returns seconds waited.
 */
export async function waitForIdle(log, maxMs = 120_000) {
  const t0 = Date.now();
  const cores = cpus().length;
  let said = false;
  while (loadavg()[0] >= cores && Date.now() - t0 < maxMs) {
    if (!said) log(`  waiting up to ${maxMs / 1000} s for the 1-minute load average (${loadavg()[0].toFixed(1)}) to drop below ${cores}`);
    said = true;
    await sleep(2000);
  }
  if (said) log(`  load average ${loadavg()[0].toFixed(1)} after ${Math.round((Date.now() - t0) / 1000)} s`);
  return Math.round((Date.now() - t0) / 1000);
}
