// One figure of the results table: ours, the peer and a baseline/limit, each a summary or a reason it is missing.

/** peer-baselines.md: repeated exploratory runs spread by about ±30 %. */
export const NOISE = 0.3;

/**
 * @param {object} r
 * @param {string} r.key        stable id, used by budgets and the chart
 * @param {string} r.figure     what is measured, as printed
 * @param {string} r.unit       "B", "ms", "µs", "req/s", "MB"
 * @param {"lower"|"higher"} [r.better]
 * @param {object|string} [r.ours]   a summary, or a string saying why there is none
 * @param {object|string} [r.peer]
 * @param {object|string} [r.limit]  baseline or limit (naive code, raw node:http, `node -e 0`, ...)
 * @param {string} [r.limitLabel]
 * @param {{ value: number, ratio?: number, delta?: number, primary?: "value"|"ratio"|"delta" }} [r.ref]
 *   the peer's figure in peer-baselines.md: value, peer ÷ baseline, peer − baseline, and which one to compare
 * @param {string} [r.note]
 */
export function row(r) {
  const stat = (v) => (v && typeof v === "object" && "median" in v ? v : undefined);
  const why = (v) => (typeof v === "string" ? v : v && typeof v === "object" && "error" in v ? v.error : undefined);
  const ours = stat(r.ours);
  const peer = stat(r.peer);
  const limit = stat(r.limit);
  const ratio = (a, b) => (a && b && b.median !== 0 ? a.median / b.median : undefined);
  const out = {
    key: r.key,
    figure: r.figure,
    unit: r.unit,
    better: r.better ?? "lower",
    ours: ours ?? null,
    peer: peer ?? null,
    limit: limit ?? null,
    limitLabel: r.limitLabel,
    oursMissing: ours ? undefined : (why(r.ours) ?? "not measured"),
    peerMissing: peer ? undefined : (why(r.peer) ?? "not measured"),
    limitMissing: limit ? undefined : why(r.limit),
    oursOverPeer: ratio(ours, peer),
    oursOverLimit: ratio(ours, limit),
    peerOverLimit: ratio(peer, limit),
    note: r.note,
  };
  if (r.ref) {
    // Compared on the figure's "primary" measure: the value itself for sizes, in-process timings and client-bound
    // throughput; the ratio to the baseline process for whole-process timings, as peer-baselines.md advises
    // ("quote the ratios; the absolute milliseconds are VM-specific": a bare `node` start took 60 ms there).
    const primary = r.ref.primary ?? "value";
    const measured = {
      value: peer?.median,
      ratio: out.peerOverLimit,
      delta: peer && limit ? peer.median - limit.median : undefined,
    };
    const refOf = { value: r.ref.value, ratio: r.ref.ratio, delta: r.ref.delta };
    const dev = (k) => (measured[k] !== undefined && refOf[k] ? measured[k] / refOf[k] - 1 : undefined);
    const d = dev(primary);
    out.ref = {
      primary,
      reference: refOf[primary],
      measured: measured[primary],
      deviation: d,
      withinNoise: d === undefined ? undefined : Math.abs(d) <= NOISE,
      // the other measures, for the record
      value: r.ref.value,
      valueDeviation: dev("value"),
      ratio: r.ref.ratio,
      ratioDeviation: dev("ratio"),
      delta: r.ref.delta,
      deltaDeviation: dev("delta"),
    };
  }
  return out;
}
