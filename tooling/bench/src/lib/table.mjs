// The results as Markdown tables (printed to stdout and pasted into the README as is).
import { fmtMissing, fmtPct, fmtRatio, fmtStat, fmtValue } from "./format.mjs";

const HEAD = ["figure", "ours", "peer (AWS SDK v3)", "baseline / limit", "ours ÷ peer", "ours ÷ limit", "peer ÷ limit", "peer vs peer-baselines.md"];

function refCell(r) {
  const ref = r.ref;
  if (!ref) return "–";
  const show = {
    value: (v) => fmtValue(v, r.unit),
    ratio: (v) => `${fmtRatio(v)} of limit`,
    delta: (v) => `+${fmtValue(v, r.unit)} over baseline`,
  }[ref.primary];
  if (ref.deviation === undefined) return `${show(ref.reference)} (not measured)`;
  return `${show(ref.reference)} → ${show(ref.measured)}: ${fmtPct(ref.deviation)} ${ref.withinNoise ? "✓" : "✗"}`;
}

function cells(r) {
  return [
    r.figure,
    r.ours ? fmtStat(r.ours, r.unit) : fmtMissing(r.oursMissing),
    r.peer ? fmtStat(r.peer, r.unit) : fmtMissing(r.peerMissing),
    r.limit ? `${fmtStat(r.limit, r.unit)}${r.limitLabel ? ` (${r.limitLabel})` : ""}` : fmtMissing(r.limitMissing),
    fmtRatio(r.oursOverPeer),
    fmtRatio(r.oursOverLimit),
    fmtRatio(r.peerOverLimit),
    refCell(r),
  ];
}

const esc = (s) => String(s).replaceAll("|", "\\|");

/** One Markdown table per section, columns padded so the plain-text view lines up too. */
export function sectionTable(section) {
  const body = section.rows.map(cells);
  const width = HEAD.map((h, i) => Math.max(h.length, ...body.map((c) => esc(c[i]).length)));
  const line = (c) => `| ${c.map((x, i) => esc(x).padEnd(width[i])).join(" | ")} |`;
  const out = [`### ${section.title}`, "", line(HEAD), `| ${width.map((w) => "-".repeat(w)).join(" | ")} |`, ...body.map(line)];
  const notes = section.rows.filter((r) => r.note).map((r) => `- ${r.figure}: ${r.note}`);
  const missing = [...new Set(section.rows.map((r) => r.oursMissing).filter((m) => m?.includes(": @sessionkit/")))];
  for (const m of missing) notes.push(`- ours ${m}`);
  if (section.error) notes.push(`- section failed: ${section.error}`);
  if (notes.length) out.push("", ...notes);
  return out.join("\n");
}

/** Errors behind "error (see JSON)" cells, one line each. */
export function errorLines(sections) {
  const out = [];
  for (const s of sections) {
    for (const r of s.rows) {
      for (const [who, why] of [["ours", r.oursMissing], ["peer", r.peerMissing], ["limit", r.limitMissing]]) {
        if (why && fmtMissing(why) === "error (see JSON)") out.push(`${s.id} / ${r.figure} / ${who}: ${why.slice(0, 400)}`);
      }
    }
  }
  return [...new Set(out)];
}
