// 6. SigV4 signing of an S3 GET and a PUT with a 1 KiB body: ours vs @smithy/signature-v4.
import { naNote } from "../lib/ours.mjs";
import { runWorker } from "../lib/proc.mjs";
import { row } from "../lib/row.mjs";
import { summarize } from "../lib/stats.mjs";

export function runSign({ ours, rounds }) {
  const feature = ours.features.signer;
  let out;
  try {
    out = runWorker("sign.mjs", [String(rounds), feature.ok ? "1" : "0"]);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    out = { samples: {}, errors: { "peer.get": msg, "peer.put": msg, "ours.get": msg, "ours.put": msg } };
  }
  const get = (id) => out.errors[id] ?? (out.samples[id] ? summarize(out.samples[id]) : "not measured");
  return {
    id: "sign",
    title: `6. Signing (SigV4, S3 mode; ${rounds} interleaved rounds, µs/op)`,
    rows: [
      row({ key: "sign.get", figure: "sign a GET", unit: "µs", ours: feature.ok ? get("ours.get") : naNote(feature), peer: get("peer.get"), ref: { value: 21.8 } }),
      row({ key: "sign.put", figure: "sign a PUT, 1 KiB body hashed", unit: "µs", ours: feature.ok ? get("ours.put") : naNote(feature), peer: get("peer.put") }),
    ],
  };
}
