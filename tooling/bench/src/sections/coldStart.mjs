// 2. Cold start: fresh `node` processes that require/import the S3 client (+ session), against `node -e 0`.
import { naNote } from "../lib/ours.mjs";
import { interleaveProcesses } from "../lib/proc.mjs";
import { row } from "../lib/row.mjs";

const ESM = ["--input-type=module", "-e"];

export function runColdStart({ ours, rounds, log }) {
  const s3 = ours.features.s3;
  const commands = {
    "base.cjs": { args: ["-e", "0"] },
    "base.esm": { args: [...ESM, "0"] },
    "peer.require": { args: ["-e", "require('@aws-sdk/client-s3')"] },
    "peer.import": { args: [...ESM, "import '@aws-sdk/client-s3'"] },
    "peer.construct": {
      args: ["-e", "const { S3Client } = require('@aws-sdk/client-s3'); new S3Client({ region: 'us-east-1' })"],
    },
  };
  if (s3.ok) {
    commands["ours.require"] = { args: ["-e", "require('@sessionkit/client-s3'); require('@sessionkit/session')"] };
    commands["ours.import"] = { args: [...ESM, "import '@sessionkit/client-s3'; import '@sessionkit/session'"] };
    commands["ours.construct"] = {
      args: [
        "-e",
        "const { S3 } = require('@sessionkit/client-s3'); const { newSession } = require('@sessionkit/session'); new S3(newSession({ region: 'us-east-1' }))",
      ],
    };
  }
  const r = interleaveProcesses(commands, rounds, {
    onRound: (i) => {
      if (i >= 0 && (i + 1) % 5 === 0) log(`  cold start: round ${i + 1}/${rounds}`);
    },
  });
  const na = naNote(s3);
  const mine = (id) => (s3.ok ? r[id] : na);
  return {
    id: "cold",
    title: `2. Cold start (fresh processes, ${rounds} interleaved rounds, ms)`,
    rows: [
      row({
        key: "cold.require",
        figure: "require S3 client (+ session)",
        unit: "ms",
        ours: mine("ours.require"),
        peer: r["peer.require"],
        limit: r["base.cjs"],
        limitLabel: "node -e 0",
        ref: { value: 195.8, ratio: 3.23, delta: 195.8 - 60.6, primary: "ratio" },
      }),
      row({
        key: "cold.import",
        figure: "import S3 client (+ session), ESM",
        unit: "ms",
        ours: mine("ours.import"),
        peer: r["peer.import"],
        limit: r["base.esm"],
        limitLabel: "node --input-type=module -e 0",
        ref: { value: 254.0, ratio: 4.11, delta: 254.0 - 61.8, primary: "ratio" },
      }),
      row({
        key: "cold.construct",
        figure: "require + construct client (ours: new S3(newSession()))",
        unit: "ms",
        ours: mine("ours.construct"),
        peer: r["peer.construct"],
        limit: r["base.cjs"],
        limitLabel: "node -e 0",
        ref: { value: 196.9, ratio: 3.25, delta: 196.9 - 60.6, primary: "ratio" },
      }),
    ],
  };
}
