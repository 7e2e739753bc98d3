// Turns a results object (what bench-results/latest.json holds) into the Markdown report, and writes the
// outputs: latest.json, latest.md, chart.svg and the README's tables.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { budgetLine } from "./budgets.mjs";
import { benchDir, repoDir } from "./env.mjs";
import { renderChart } from "./svg.mjs";
import { errorLines, sectionTable } from "./table.mjs";

export const RESULTS_DIR = join(repoDir, "bench-results");

export function renderMarkdown(results) {
  const m = results.machine;
  const header = [
    `# sessionkit benchmark — ${results.date}`,
    "",
    `Run ${results.date.replace("T", " ").replace(/\.\d+Z$/, " UTC")} with \`${results.command}\` (${results.durationSeconds} s, of which ${results.waitedForQuietSeconds ?? 0} s waiting for other work to finish). Machine: ${m.cores} cores (${m.cpuModel}), ${m.memoryGiB} GiB, Node ${m.node}, ${m.platform}; load average ${m.loadAverageAtStart.join(" / ")} when measuring started, ${m.loadAverageAtEnd.join(" / ")} at the end.`,
    `Peer: ${Object.entries(results.versions.peer)
      .map(([n, v]) => `${n} ${v}`)
      .join(", ")}. sessionkit at ${results.versions.gitRev}.`,
    'Cells: median [p25–p75]. Ratios use medians. "limit" is the baseline named in the cell.',
    ...(m.loadAverageAtStart[0] > m.cores
      ? [`**Warning:** the machine was busy (1-minute load ${m.loadAverageAtStart[0]} on ${m.cores} cores): timings are noisier than usual.`]
      : []),
  ].join("\n");
  const budgetBlock = ["### Budgets (issues 3, 4, 7)", "", ...results.budgets.map((b) => `- ${budgetLine(b)}`)].join("\n");
  const ref = results.reference;
  const refBlock = [
    "### Peer figures against peer-baselines.md (±30 % noise)",
    "",
    `${ref.withinNoise} of ${ref.compared} peer figures within ±30 %.${ref.outside.length ? ` Outside: ${ref.outside.join(", ")}.` : ""}`,
  ].join("\n");
  const errors = errorLines(results.sections);
  return [
    header,
    ...results.sections.map(sectionTable),
    budgetBlock,
    refBlock,
    ...(errors.length ? ["### Errors", "", ...errors.map((e) => `- ${e}`)] : []),
  ].join("\n\n");
}

/** Writes the outputs; the README's tables go between its markers, verbatim (headings one level down). */
export function writeOutputs(results, markdown) {
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, "latest.json"), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(RESULTS_DIR, "latest.md"), `${markdown}\n`);
  writeFileSync(join(RESULTS_DIR, "chart.svg"), renderChart(results));
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
}
