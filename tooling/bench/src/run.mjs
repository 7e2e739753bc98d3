// `pnpm bench`: sessionkit against the AWS SDK for JavaScript v3, in one run, on this machine.
// Usage: node src/run.mjs [--quick] [--only=bundle,cold,config,pipeline,throughput,sign,memory] [--no-write] [--render]
// Full runs write bench-results/latest.json, latest.md and chart.svg; --quick and --only write nothing
// unless --write is given. Progress goes to stderr, the tables and budget lines to stdout.
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { evaluateBudgets } from "./lib/budgets.mjs";
import { machineInfo, versions } from "./lib/env.mjs";
import { fmtPct } from "./lib/format.mjs";
import { detectOurs } from "./lib/ours.mjs";
import { waitForIdle, waitForQuiet } from "./lib/quiet.mjs";
import { RESULTS_DIR, renderMarkdown, writeOutputs } from "./lib/report.mjs";
import { runBundle } from "./sections/bundle.mjs";
import { runColdStart } from "./sections/coldStart.mjs";
import { runConfig } from "./sections/config.mjs";
import { runMemory } from "./sections/memory.mjs";
import { runPipeline } from "./sections/pipeline.mjs";
import { runSign } from "./sections/sign.mjs";
import { runThroughput } from "./sections/throughput.mjs";

const args = process.argv.slice(2);
if (args.includes("--render")) {
  // Re-renders latest.md, chart.svg and the README tables from bench-results/latest.json (no measuring).
  const results = JSON.parse(readFileSync(join(RESULTS_DIR, "latest.json"), "utf8"));
  const markdown = renderMarkdown(results);
  writeOutputs(results, markdown);
  process.stdout.write(`${markdown}\n`);
  process.exit(0);
}
const quick = args.includes("--quick");
const only = args.find((a) => a.startsWith("--only="))?.slice("--only=".length).split(",");
const write = args.includes("--write") || (!quick && !only && !args.includes("--no-write"));

// Rounds: ≥ 15 for process timings; sized so the whole run stays near 5 minutes on 2 cores.
const R = quick
  ? { cold: 5, configFresh: 3, configRepeat: 3, pipeline: 4, throughput: 1, throughputMs: 500, sign: 4, memory: 2 }
  : { cold: 40, configFresh: 25, configRepeat: 15, pipeline: 30, throughput: 8, throughputMs: 1000, sign: 30, memory: 7 };

const t0 = Date.now();
const log = (line) => process.stderr.write(`[bench +${((Date.now() - t0) / 1000).toFixed(0)}s] ${line}\n`);

let waited = await waitForQuiet(log);
if (!quick) waited += await waitForIdle(log);
const machineAtStart = machineInfo(); // the load average when measuring starts
const ours = detectOurs();
log(
  `ours: ${Object.entries(ours.features)
    .map(([f, s]) => `${f} ${s.ok ? "available" : "n/a"}`)
    .join(", ")}`,
);

const SECTIONS = [
  ["bundle", "1. bundle size", () => runBundle({ ours, log })],
  ["cold", "2. cold start", () => runColdStart({ ours, rounds: R.cold, log })],
  ["config", "3. config resolution", () => runConfig({ ours, rounds: R.configFresh, repeatRounds: R.configRepeat, log })],
  ["pipeline", "4. pipeline", () => runPipeline({ ours, rounds: R.pipeline })],
  ["throughput", "5. throughput", () => runThroughput({ ours, rounds: R.throughput, durationMs: R.throughputMs, log })],
  ["sign", "6. signing", () => runSign({ ours, rounds: R.sign })],
  ["memory", "7. memory", () => runMemory({ ours, rounds: R.memory, log })],
];

const sections = [];
for (const [id, name, fn] of SECTIONS) {
  if (only && !only.includes(id)) continue;
  waited += await waitForQuiet(log);
  const s0 = Date.now();
  log(`${name} ...`);
  try {
    sections.push(await fn());
  } catch (e) {
    sections.push({ id, title: name, rows: [], error: e instanceof Error ? e.stack ?? e.message : String(e) });
  }
  sections[sections.length - 1].seconds = Math.round((Date.now() - s0) / 100) / 10;
  sections[sections.length - 1].loadAverageAfter = Math.round(loadavg()[0] * 100) / 100;
  log(`${name} done in ${sections[sections.length - 1].seconds} s`);
}

const rowsByKey = new Map(sections.flatMap((s) => s.rows.map((r) => [r.key, r])));
const budgets = evaluateBudgets(rowsByKey);
const refRows = [...rowsByKey.values()].filter((r) => r.ref?.deviation !== undefined);
const results = {
  date: new Date().toISOString(),
  // turbo sets TURBO_HASH for its tasks: that is `pnpm bench`; otherwise the script was run directly
  command: `${process.env.TURBO_HASH ? "pnpm bench" : "node tooling/bench/src/run.mjs"}${args.length ? ` ${args.join(" ")}` : ""}`,
  durationSeconds: Math.round((Date.now() - t0) / 1000),
  waitedForQuietSeconds: waited,
  machine: { ...machineAtStart, loadAverageAtEnd: loadavg().map((x) => Math.round(x * 100) / 100) },
  versions: versions(),
  ours: { features: ours.features, packages: Object.fromEntries(Object.entries(ours.packages).map(([k, v]) => [k, v.ok ? "built" : v.error])) },
  rounds: R,
  method: {
    interleaving: "each round runs every contender once, in a shuffled order (processes) or as a time-bounded batch (in-process)",
    spread: "median [p25–p75] over rounds",
    environment: "every spawned process: NODE_EXTRA_CA_CERTS, NODE_OPTIONS and AWS_* unset, HOME = an empty temp dir (or the generated profiles)",
    referenceNoise: "peer figures are compared with ../shared/reference/peer-baselines.md within ±30 %",
  },
  sections,
  budgets,
  reference: {
    compared: refRows.length,
    withinNoise: refRows.filter((r) => r.ref.withinNoise).length,
    outside: refRows.filter((r) => !r.ref.withinNoise).map((r) => `${r.key}: ${fmtPct(r.ref.deviation)}`),
  },
};

const markdown = renderMarkdown(results);
process.stdout.write(`${markdown}\n`);

if (write) {
  writeOutputs(results, markdown);
  log(`wrote bench-results/latest.json, latest.md, chart.svg and the README tables (${results.durationSeconds} s in all)`);
} else {
  log(`done in ${results.durationSeconds} s (nothing written; full runs or --write write bench-results/)`);
}
