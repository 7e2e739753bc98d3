// Number formatting shared by the table, the budgets and the chart.
import { NOT_BUILT } from "./ours.mjs";

const grouped = (v, digits = 0) => v.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** A value with its unit, at a precision that suits its size (µs above 10,000 become ms). */
export function fmtValue(v, unit) {
  if (!Number.isFinite(v)) return "–";
  if (unit === "µs" && v >= 10_000) return `${grouped(v / 1000, v >= 100_000 ? 0 : 1)} ms`;
  if (unit === "B") return `${grouped(v)} B`;
  if (unit === "req/s") return `${grouped(v)} req/s`;
  const digits = v >= 100 ? 0 : v >= 10 ? 1 : 2;
  return `${grouped(v, digits)} ${unit}`;
}

/** The number alone, same precision rule (for spreads). */
function fmtBare(v, unit) {
  return fmtValue(v, unit).replace(/ (B|req\/s|ms|µs|MB|KB)$/, "");
}

/** "median [p25–p75]" (or the value alone for deterministic figures). */
export function fmtStat(stat, unit) {
  if (!stat) return "–";
  const mid = fmtValue(stat.median, unit);
  if (stat.n <= 1 || stat.p25 === stat.p75) return mid;
  const spreadUnit = unit === "µs" && stat.median >= 10_000 ? "ms" : unit;
  const scale = spreadUnit !== unit ? 1000 : 1;
  return `${mid} [${fmtBare(stat.p25 / scale, spreadUnit)}–${fmtBare(stat.p75 / scale, spreadUnit)}]`;
}

export function fmtRatio(r) {
  if (r === undefined || !Number.isFinite(r)) return "–";
  return `${r >= 100 ? grouped(r) : r >= 10 ? r.toFixed(1) : r.toFixed(2)}×`;
}

export function fmtPct(d) {
  const pct = Math.round(d * 100);
  return `${pct > 0 ? "+" : pct < 0 ? "−" : "±"}${Math.abs(pct)} %`;
}

/** A missing cell: the brief's "n/a (package not built yet)" stays short in the table; failures point at the JSON. */
export function fmtMissing(why) {
  if (!why) return "–";
  if (why.startsWith(NOT_BUILT)) return NOT_BUILT;
  if (why.startsWith("n/a")) return why.replace(/:.*$/, ")").replace("))", ")");
  if (why.startsWith("build fails")) return why;
  return "error (see JSON)";
}
