// 4. Pipeline cost per call with a canned in-process transport (no sockets): what a client costs per request.
import { runWorker } from "../lib/proc.mjs";
import { naNote } from "../lib/ours.mjs";
import { row } from "../lib/row.mjs";
import { summarize } from "../lib/stats.mjs";

// peer-baselines.md A5 (µs/op); AssumeRole was not measured there (GetCallerIdentity was: 212 µs).
const OPS = [
  { id: "getObject", label: "S3 GetObject (1 KiB body read)", ref: 348, feature: "s3client" },
  { id: "putObject", label: "S3 PutObject 1 KiB", ref: 387, feature: "s3client" },
  { id: "listBuckets", label: "S3 ListBuckets (3 buckets)", ref: 300, feature: "s3client" },
  { id: "assumeRole", label: "STS AssumeRole (real-shaped response)", feature: "stsclient" },
];

export function runPipeline({ ours, rounds }) {
  const withOurs = ["s3", "sts"].filter((f) => ours.features[`${f}client`].ok);
  let out;
  try {
    out = runWorker("pipeline.mjs", [String(rounds), withOurs.join(",") || "-"]);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    out = { samples: {}, errors: Object.fromEntries(OPS.flatMap((o) => [[`peer.${o.id}`, msg], [`ours.${o.id}`, msg]])) };
  }
  const get = (id) => out.errors[id] ?? (out.samples[id] ? summarize(out.samples[id]) : "not measured");
  const rows = OPS.map((op) =>
    row({
      key: `pipeline.${op.id}`,
      figure: op.label,
      unit: "µs",
      ours: ours.features[op.feature].ok ? get(`ours.${op.id}`) : naNote(ours.features[op.feature]),
      peer: get(`peer.${op.id}`),
      limit: get("limit.getObject"),
      limitLabel: "canned handler called directly + body read",
      ref: op.ref ? { value: op.ref, ratio: op.ref / 4.4 } : undefined,
      note: [
        op.ref ? undefined : "peer-baselines.md has no AssumeRole figure (GetCallerIdentity: 212 µs)",
        out.via && out.via !== "session" ? `ours: client on a ${out.via}` : undefined,
      ]
        .filter(Boolean)
        .join("; ") || undefined,
    }),
  );
  return { id: "pipeline", title: `4. Pipeline cost per call, canned in-process transport (${rounds} interleaved rounds, µs/op)`, rows };
}
