// `pnpm bench`: sessionkit against the AWS SDK for JavaScript v3, in one run, on this machine.
// Usage: node src/run.mjs [--quick] [--only=bundle,cold,config,pipeline,throughput,sign,memory] [--no-write]
// Full runs write bench-results/latest.json, latest.md and chart.svg; --quick and --only write nothing
// unless --write is given. Progress goes to stderr, the tables and budget lines to stdout.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { evaluateBudgets, budgetLine } from "./lib/budgets.mjs";
import { benchDir, machineInfo, repoDir, versions } from "./lib/env.mjs";
import { fmtPct } from "./lib/format.mjs";
import { detectOurs } from "./lib/ours.mjs";
import { waitForIdle, waitForQuiet } from "./lib/quiet.mjs";
import { renderChart } from "./lib/svg.mjs";
import { errorLines, sectionTable } from "./lib/table.mjs";
import { runBundle } from "./sections/bundle.mjs";
import { runColdStart } from "./sections/coldStart.mjs";
import { runConfig } from "./sections/config.mjs";
import { runMemory } from "./sections/memory.mjs";
import { runPipeline } from "./sections/pipeline.mjs";
import { runSign } from "./sections/sign.mjs";
import { runThroughput } from "./sections/throughput.mjs";

const args = process.argv.slice(2);
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

const m = results.machine;
const header = [
  `# sessionkit benchmark — ${results.date}`,
  "",
  `Command: \`${results.command}\` (${results.durationSeconds} s). Machine: ${m.cores} cores (${m.cpuModel}), ${m.memoryGiB} GiB, Node ${m.node}, ${m.platform}; load average ${m.loadAverageAtStart.join(" / ")} at start, ${m.loadAverageAtEnd.join(" / ")} at the end.`,
  `Peer: ${Object.entries(results.versions.peer).map(([n, v]) => `${n} ${v}`).join(", ")}. sessionkit at ${results.versions.gitRev}.`,
  "Cells: median [p25–p75]. Ratios use medians. \"limit\" is the baseline named in the cell.",
  ...(m.loadAverageAtStart[0] > m.cores ? [`**Warning:** the machine was busy (1-minute load ${m.loadAverageAtStart[0]} on ${m.cores} cores): timings are noisier than usual.`] : []),
].join("\n");
const budgetBlock = ["### Budgets (issues 3, 4, 7)", "", ...budgets.map((b) => `- ${budgetLine(b)}`)].join("\n");
const refBlock = [
  "### Peer figures against peer-baselines.md (±30 % noise)",
  "",
  `${results.reference.withinNoise} of ${results.reference.compared} peer figures within ±30 %.${results.reference.outside.length ? ` Outside: ${results.reference.outside.join(", ")}.` : ""}`,
].join("\n");
const errors = errorLines(sections);
const markdown = [header, ...sections.map(sectionTable), budgetBlock, refBlock, ...(errors.length ? ["### Errors", "", ...errors.map((e) => `- ${e}`)] : [])].join("\n\n");
process.stdout.write(`${markdown}\n`);

if (write) {
  const dir = join(repoDir, "bench-results");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "latest.json"), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(dir, "latest.md"), `${markdown}\n`);
  writeFileSync(join(dir, "chart.svg"), renderChart(results));
  // The README shows the latest full run: its tables go between the markers, verbatim.
  const readme = join(benchDir, "README.md");
  const START = "<!-- bench:results:start -->";
  const END = "<!-- bench:results:end -->";
  const text = readFileSync(readme, "utf8");
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  if (a >= 0 && b > a) {
    const body = markdown.replace(/^# sessionkit benchmark — .*\n\n/, "").replace(/^### /gm, "#### ");
    writeFileSync(readme, `${text.slice(0, a + START.length)}\n${body}\n${text.slice(b)}`);
  }
  log(`wrote bench-results/latest.json, latest.md, chart.svg and the README tables (${results.durationSeconds} s in all)`);
} else {
  log(`done in ${results.durationSeconds} s (nothing written; full runs or --write write bench-results/)`);
}
