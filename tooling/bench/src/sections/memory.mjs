// 7. Memory: RSS and heap used with 1,000 live sessions / clients, each measurement in a fresh process.
import { naNote } from "../lib/ours.mjs";
import { runWorker } from "../lib/proc.mjs";
import { row } from "../lib/row.mjs";
import { shuffled, summarize } from "../lib/stats.mjs";

const COUNT = 1000;
const MB = 2 ** 20;

export function runMemory({ ours, rounds, log }) {
  const kinds = ["baseline", "peer.clients"];
  if (ours.features.s3client.ok) kinds.push("ours.clients");
  if (ours.features.session.ok) kinds.push("ours.sessions");
  const runs = Object.fromEntries(kinds.map((k) => [k, []]));
  const errors = {};
  for (let r = 0; r < rounds; r++) {
    for (const kind of shuffled(kinds.filter((k) => !(k in errors)))) {
      try {
        runs[kind].push(runWorker("memory.mjs", [kind, String(COUNT)], { nodeArgs: ["--expose-gc"] }));
      } catch (e) {
        errors[kind] = e instanceof Error ? e.message : String(e);
      }
    }
  }
  log(`  memory: ${kinds.join(", ")} × ${rounds}`);
  const stat = (kind, field, scale = MB) =>
    errors[kind] ?? (runs[kind]?.length ? summarize(runs[kind].map((x) => (typeof field === "function" ? field(x) : x[field]) / scale)) : undefined);
  const perObjectKB = (x) => (x.heapAfter - x.heapBefore) / COUNT;
  const mine = (feature, kind, field, scale) => (feature.ok ? stat(kind, field, scale) : naNote(feature));
  const noPeerSession = "n/a (the peer has no session object)";
  return {
    id: "memory",
    title: `7. Memory with ${COUNT.toLocaleString("en-US")} live objects (fresh process each, ${rounds} interleaved rounds, after a full gc)`,
    rows: [
      row({ key: "memory.clients.heap", note: ours.features.s3client.ok && !ours.features.s3client.viaSession ? "ours: clients on a minimal provider (session not built yet)" : undefined, figure: "1,000 S3 clients: heap used (MB)", unit: "MB", ours: mine(ours.features.s3client, "ours.clients", "heapAfter"), peer: stat("peer.clients", "heapAfter"), limit: stat("baseline", "heapAfter"), limitLabel: "empty node process" }),
      row({ key: "memory.clients.rss", figure: "1,000 S3 clients: RSS (MB)", unit: "MB", ours: mine(ours.features.s3client, "ours.clients", "rssAfter"), peer: stat("peer.clients", "rssAfter"), limit: stat("baseline", "rssAfter"), limitLabel: "empty node process" }),
      row({ key: "memory.clients.each", figure: "heap per S3 client (KB)", unit: "KB", ours: mine(ours.features.s3client, "ours.clients", perObjectKB, 1024), peer: stat("peer.clients", perObjectKB, 1024) }),
      row({ key: "memory.sessions.heap", figure: "1,000 sessions: heap used (MB)", unit: "MB", ours: mine(ours.features.session, "ours.sessions", "heapAfter"), peer: noPeerSession, limit: stat("baseline", "heapAfter"), limitLabel: "empty node process" }),
      row({ key: "memory.sessions.rss", figure: "1,000 sessions: RSS (MB)", unit: "MB", ours: mine(ours.features.session, "ours.sessions", "rssAfter"), peer: noPeerSession, limit: stat("baseline", "rssAfter"), limitLabel: "empty node process" }),
      row({ key: "memory.sessions.each", figure: "heap per session (KB)", unit: "KB", ours: mine(ours.features.session, "ours.sessions", perObjectKB, 1024), peer: noPeerSession }),
    ],
  };
}
