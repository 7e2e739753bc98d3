// A small SVG bar chart of the headline figures: per figure, one bar each for ours, the peer and the
// baseline/limit, scaled to the largest of the three (linear, so a 20× gap looks like one).
import { fmtMissing, fmtValue } from "./format.mjs";

const CHART = [
  ["Bundle size, gzip (lower is better)", ["bundle.s3.node.gzip", "bundle.s3.browser.gzip", "bundle.sts.node.gzip", "bundle.profile.node.gzip"]],
  ["Cold start (lower is better)", ["cold.require", "cold.import"]],
  ["Config resolution (lower is better)", ["config.fresh.10000", "config.repeat.100", "config.repeat.10000"]],
  ["Pipeline per call, canned transport (lower is better)", ["pipeline.getObject", "pipeline.putObject", "pipeline.listBuckets", "pipeline.assumeRole"]],
  ["Throughput, GetObject 1 KiB (higher is better)", ["throughput.local.c1", "throughput.local.c32", "throughput.rgw.c1", "throughput.rgw.c32"]],
  ["Signing (lower is better)", ["sign.get", "sign.put"]],
  ["Memory, 1,000 live objects (lower is better)", ["memory.clients.heap", "memory.sessions.heap"]],
];
const SERIES = [
  { field: "ours", label: "sessionkit", color: "#2563eb" },
  { field: "peer", label: "AWS SDK for JavaScript v3", color: "#ea580c" },
  { field: "limit", label: "baseline / limit", color: "#9ca3af" },
];

const W = 1000;
const LABEL_W = 330;
const BAR_X = LABEL_W + 10;
const BAR_MAX = 470;
const BAR_H = 11;
const GAP = 3;

const esc = (s) => String(s).replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
const text = (x, y, s, attrs = "") => `<text x="${x}" y="${y}"${attrs ? ` ${attrs}` : ""}>${esc(s)}</text>`;

/** Renders the chart; `results` is the JSON the harness writes. */
export function renderChart(results) {
  const rows = new Map(results.sections.flatMap((s) => s.rows.map((r) => [r.key, r])));
  const parts = [];
  let y = 28;
  parts.push(text(16, y, "sessionkit vs the AWS SDK for JavaScript v3 — pnpm bench", 'font-size="18" font-weight="bold"'));
  y += 20;
  const m = results.machine;
  parts.push(text(16, y, `${results.date} · ${m.cores} cores (${m.cpuModel ?? "cpu"}), ${m.memoryGiB} GiB · Node ${m.node} · ${m.platform}`, 'font-size="12" fill="#374151"'));
  y += 16;
  const v = results.versions;
  const peer = Object.entries(v.peer)
    .filter(([n]) => n !== "esbuild" && !n.includes("config-provider") && !n.includes("ini-file"))
    .map(([n, ver]) => `${n.replace("@aws-sdk/", "").replace("@smithy/", "")} ${ver}`)
    .join(", ");
  parts.push(text(16, y, `peer: ${peer} · esbuild ${v.peer.esbuild} · sessionkit @ ${v.gitRev ?? "?"}`, 'font-size="12" fill="#374151"'));
  y += 22;
  let lx = 16;
  for (const s of SERIES) {
    parts.push(`<rect x="${lx}" y="${y - 10}" width="12" height="12" fill="${s.color}"/>`);
    parts.push(text(lx + 17, y, s.label, 'font-size="12"'));
    lx += 30 + s.label.length * 7;
  }
  y += 12;

  for (const [title, keys] of CHART) {
    if (!keys.some((k) => rows.has(k))) continue;
    y += 24;
    parts.push(text(16, y, title, 'font-size="14" font-weight="bold"'));
    parts.push(`<line x1="16" y1="${y + 5}" x2="${W - 16}" y2="${y + 5}" stroke="#e5e7eb"/>`);
    y += 10;
    for (const key of keys) {
      const r = rows.get(key);
      if (!r) continue;
      const top = y + 6;
      // scale to the largest p75 so every whisker fits
      const max = Math.max(...SERIES.map((s) => Math.max(r[s.field]?.median ?? 0, r[s.field]?.p75 ?? 0))) || 1;
      const series = SERIES.filter((s) => s.field !== "limit" || r.limit || r.limitMissing);
      const blockH = series.length * (BAR_H + GAP);
      parts.push(text(16, top + blockH / 2 + 4, r.figure.length > 52 ? `${r.figure.slice(0, 51)}…` : r.figure, 'font-size="12"'));
      series.forEach((s, i) => {
        const by = top + i * (BAR_H + GAP);
        const stat = r[s.field];
        if (!stat) {
          const why = s.field === "ours" ? r.oursMissing : s.field === "peer" ? r.peerMissing : r.limitMissing;
          parts.push(text(BAR_X, by + BAR_H - 1, why ? fmtMissing(why) : "–", `font-size="10" fill="${s.color}"`));
          return;
        }
        const w = Math.max(1, (stat.median / max) * BAR_MAX);
        let end = w;
        parts.push(`<rect x="${BAR_X}" y="${by}" width="${w.toFixed(1)}" height="${BAR_H}" fill="${s.color}"><title>${esc(`${s.label}: ${fmtValue(stat.median, r.unit)}`)}</title></rect>`);
        if (stat.n > 1) {
          // whisker: p25–p75
          const x1 = BAR_X + (stat.p25 / max) * BAR_MAX;
          const x2 = BAR_X + (stat.p75 / max) * BAR_MAX;
          parts.push(`<line x1="${x1.toFixed(1)}" y1="${by + BAR_H / 2}" x2="${x2.toFixed(1)}" y2="${by + BAR_H / 2}" stroke="#111827" stroke-width="1"/>`);
          end = Math.max(w, x2 - BAR_X);
        }
        parts.push(text(BAR_X + end + 6, by + BAR_H - 1, fmtValue(stat.median, r.unit), 'font-size="10" fill="#111827"'));
      });
      y = top + blockH + 6;
    }
  }
  y += 20;
  parts.push(text(16, y, "Bars: median (black line: p25–p75). Table, ratios and budgets: tooling/bench/README.md; raw data: bench-results/latest.json.", 'font-size="11" fill="#6b7280"'));
  const h = y + 14;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${h}" viewBox="0 0 ${W} ${h}" font-family="system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif">`,
    `<rect width="${W}" height="${h}" fill="#ffffff"/>`,
    ...parts,
    "</svg>",
    "",
  ].join("\n");
}
