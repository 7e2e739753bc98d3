// The targets of issues 3, 4 and 7 as pass/fail lines over our figures.
import { fmtMissing, fmtRatio, fmtValue } from "./format.mjs";

const KB = 1000; // as in peer-baselines.md (175,855 B ≈ 176 KB)

const BUDGETS = [
  { issue: 3, key: "config.repeat.10000", label: "config resolution repeated in-process < 1 ms per call at 10,000 profiles", check: (r) => [r.ours.median < 1000, fmtValue(r.ours.median, "µs")] },
  ...[1, 100, 10_000].map((n) => ({
    issue: 3,
    key: `config.fresh.${n}`,
    label: `config resolution in a fresh process within 1.3× of naive readFileSync + scan, ${n.toLocaleString("en-US")} profile${n === 1 ? "" : "s"}`,
    check: (r) => [r.oursOverLimit !== undefined && r.oursOverLimit <= 1.3, fmtRatio(r.oursOverLimit)],
  })),
  { issue: 4, key: "pipeline.getObject", label: "pipeline GetObject with a canned transport ≤ 20 µs/op", check: (r) => [r.ours.median <= 20, fmtValue(r.ours.median, "µs")] },
  { issue: 4, key: "sign.get", label: "signing a GET ≤ 5 µs", check: (r) => [r.ours.median <= 5, fmtValue(r.ours.median, "µs")] },
  ...[1, 32].map((c) => ({
    issue: 4,
    key: `throughput.local.c${c}`,
    label: `GetObject 1 KiB from a local node:http server ≥ 0.8× raw keep-alive, c=${c}`,
    check: (r) => [r.oursOverLimit !== undefined && r.oursOverLimit >= 0.8, `${fmtRatio(r.oursOverLimit)} of raw`],
  })),
  { issue: 7, key: "bundle.s3.node.gzip", label: "S3 ListBuckets app incl. newSession, node, ≤ 25 KB gzip", check: (r) => [r.ours.median <= 25 * KB, fmtValue(r.ours.median, "B")] },
  { issue: 7, key: "bundle.s3client.browser.gzip", label: "S3 ListBuckets app, browser, static credentials, modular client without a session, ≤ 12 KB gzip", check: (r) => [r.ours.median <= 12 * KB, fmtValue(r.ours.median, "B")] },
  ...["require", "import"].map((kind) => ({
    issue: 7,
    key: `cold.${kind}`,
    label: `cold ${kind} of the S3 client + session ≤ +20 ms over node -e 0`,
    check: (r) => {
      const extra = r.ours.median - r.limit.median;
      return [extra <= 20, `+${extra.toFixed(1)} ms`];
    },
  })),
];

/** Evaluates every budget against the rows: `{ issue, label, status: "pass"|"fail"|"n/a", value }`. */
export function evaluateBudgets(rowsByKey) {
  return BUDGETS.map((b) => {
    const r = rowsByKey.get(b.key);
    if (!r) return { issue: b.issue, key: b.key, label: b.label, status: "n/a", value: "section not run" };
    if (!r.ours || (b.key.startsWith("cold.") && !r.limit)) return { issue: b.issue, key: b.key, label: b.label, status: "n/a", value: r.oursMissing ?? "no baseline" };
    const [ok, value] = b.check(r);
    return { issue: b.issue, key: b.key, label: b.label, status: ok ? "pass" : "fail", value };
  });
}

export function budgetLine(b) {
  const mark = b.status === "pass" ? "✓" : b.status === "fail" ? "✗" : "–";
  const value = b.status !== "n/a" ? b.value : b.value.startsWith("section") ? b.value : fmtMissing(b.value);
  return `${mark} ${b.label} (issue ${b.issue}): ${value}`;
}
