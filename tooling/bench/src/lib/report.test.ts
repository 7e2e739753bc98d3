// The harness's arithmetic and rendering, as data: quantiles, ratios, reference checks, budgets, table, chart.
import assert from "node:assert/strict";
import { test } from "node:test";
import { evaluateBudgets } from "./budgets.mjs";
import { fmtStat, fmtValue } from "./format.mjs";
import { NOT_BUILT } from "./ours.mjs";
import { row } from "./row.mjs";
import { exact, summarize } from "./stats.mjs";
import { renderChart } from "./svg.mjs";
import { sectionTable } from "./table.mjs";

test("summarize gives interpolated quartiles, median and range", () => {
  assert.deepEqual(summarize([4, 1, 3, 2]), { n: 4, median: 2.5, p25: 1.75, p75: 3.25, min: 1, max: 4 });
  assert.deepEqual(summarize([7]), { n: 1, median: 7, p25: 7, p75: 7, min: 7, max: 7 });
});

test("row computes ratios on medians and compares the peer with the reference on its primary measure", () => {
  const r = row({
    key: "cold.require",
    figure: "require",
    unit: "ms",
    ours: summarize([40, 42, 44]),
    peer: summarize([98, 100, 102]),
    limit: summarize([20, 20, 20]),
    ref: { value: 196, ratio: 3.2, delta: 135, primary: "ratio" },
  });
  assert.equal(r.oursOverPeer, 0.42);
  assert.equal(r.oursOverLimit, 2.1);
  assert.equal(r.peerOverLimit, 5);
  assert.equal(r.ref.primary, "ratio");
  assert.equal(r.ref.measured, 5);
  assert.equal(Math.round(r.ref.deviation * 1000), Math.round((5 / 3.2 - 1) * 1000));
  assert.equal(r.ref.withinNoise, false);
  assert.equal(Math.round(r.ref.valueDeviation * 100), Math.round((100 / 196 - 1) * 100));
});

test("a missing contender keeps its reason and yields no ratio", () => {
  const r = row({ key: "k", figure: "f", unit: "µs", ours: `${NOT_BUILT}: @sessionkit/session (newSession)`, peer: exact(10) });
  assert.equal(r.ours, null);
  assert.equal(r.oursOverPeer, undefined);
  assert.match(sectionTable({ title: "t", rows: [r] }), /\| n\/a \(package not built yet\) +\|/);
});

test("budgets pass, fail, or say n/a with the reason", () => {
  const rows = new Map([
    ["pipeline.getObject", row({ key: "pipeline.getObject", figure: "g", unit: "µs", ours: exact(19.9), peer: exact(300) })],
    ["sign.get", row({ key: "sign.get", figure: "s", unit: "µs", ours: exact(5.1), peer: exact(20) })],
    ["cold.require", row({ key: "cold.require", figure: "c", unit: "ms", ours: exact(41), limit: exact(22) })],
    ["bundle.s3.node.gzip", row({ key: "bundle.s3.node.gzip", figure: "b", unit: "B", ours: `${NOT_BUILT}: x`, peer: exact(1) })],
  ]);
  const byKey = Object.fromEntries(evaluateBudgets(rows).map((b) => [b.key, [b.status, b.value]]));
  assert.deepEqual(byKey["pipeline.getObject"], ["pass", "19.9 µs"]);
  assert.deepEqual(byKey["sign.get"], ["fail", "5.10 µs"]);
  assert.deepEqual(byKey["cold.require"], ["pass", "+19.0 ms"]);
  assert.deepEqual(byKey["bundle.s3.node.gzip"], ["n/a", `${NOT_BUILT}: x`]);
  assert.deepEqual(byKey["cold.import"], ["n/a", "section not run"]);
});

test("formatting: units, large µs as ms, spreads", () => {
  assert.equal(fmtValue(175864, "B"), "175,864 B");
  assert.equal(fmtValue(86921.7, "µs"), "86.9 ms");
  assert.equal(fmtValue(4.971, "µs"), "4.97 µs");
  assert.equal(fmtStat(summarize([10, 11, 12, 13]), "µs"), "11.5 µs [10.8–12.3]");
});

test("the chart is one well-formed SVG document naming the date, machine and versions", () => {
  const results = {
    date: "2026-11-27T15:06:04.015Z",
    machine: { cores: 2, cpuModel: "cpu", memoryGiB: 23.5, node: "v20.20.2", platform: "linux" },
    versions: { peer: { "@aws-sdk/client-s3": "3.1175.0", esbuild: "0.28.2" }, gitRev: "abc1234" },
    sections: [{ rows: [row({ key: "sign.get", figure: "sign <GET> & more", unit: "µs", ours: summarize([4, 5, 6]), peer: summarize([17, 18]) })] }],
  };
  const svg = renderChart(results);
  assert.match(svg, /^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.ok(svg.trimEnd().endsWith("</svg>"));
  for (const s of ["2026-11-27T15:06:04.015Z", "2 cores", "v20.20.2", "client-s3 3.1175.0", "abc1234", "sign &lt;GET&gt; &amp; more"]) assert.ok(svg.includes(s), s);
  // every opened element is closed or self-closed
  const opened = (svg.match(/<(svg|text|rect|line|title)\b[^>]*>/g) ?? []).filter((tag) => !tag.endsWith("/>")).length;
  const closed = (svg.match(/<\/(svg|text|rect|line|title)>/g) ?? []).length;
  assert.equal(opened, closed);
});
