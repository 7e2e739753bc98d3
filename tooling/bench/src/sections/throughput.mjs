// 5. Throughput: GetObject of 1 KiB, concurrency 1 and 32, against a trivial local node:http server and Ceph
// RGW (loopback only), raw node:http keep-alive as the limit.
import { naNote } from "../lib/ours.mjs";
import { runWorker } from "../lib/proc.mjs";
import { row } from "../lib/row.mjs";
import { rgwUnavailable, startLocalServer, startRgw } from "../lib/servers.mjs";
import { summarize } from "../lib/stats.mjs";

const CONCURRENCY = [1, 32];
// peer-baselines.md A4 (canned node:http server): req/s and peer ÷ raw.
// Compared by value: the peer is bound by its own CPU per request (as the in-process rows), while the raw limit
// depends on the server and the VM.
const REF_LOCAL = { 1: { value: 1391, ratio: 1391 / 12_204 }, 32: { value: 1714, ratio: 1714 / 18_310 } };

function measure(server, opts) {
  try {
    const out = runWorker("throughput.mjs", [JSON.stringify({ ...server, ...opts })], { timeoutMs: 300_000 });
    return out;
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return { results: {}, errors: { limit: msg, peer: msg, ours: msg } };
  }
}

function rowsFor(serverId, serverLabel, out, feature, missing) {
  const rows = [];
  const pick = (id, c, field) => {
    if (missing) return missing;
    const runs = out.results[`${id}.c${c}`];
    const err = out.errors[`${id}.c${c}`] ?? out.errors[id];
    if (err) return err;
    return runs?.length ? summarize(runs.map((x) => x[field])) : "not measured";
  };
  const oursOr = (c, field) => (feature.ok ? pick("ours", c, field) : naNote(feature));
  for (const c of CONCURRENCY) {
    rows.push(
      row({
        key: `throughput.${serverId}.c${c}`,
        figure: `GetObject 1 KiB, ${serverLabel}, c=${c}`,
        unit: "req/s",
        better: "higher",
        ours: oursOr(c, "rps"),
        peer: pick("peer", c, "rps"),
        limit: pick("limit", c, "rps"),
        limitLabel: "raw node:http keep-alive (unsigned)",
        ref: serverId === "local" ? REF_LOCAL[c] : undefined,
        note: [
          undefined,
          serverId === "rgw" ? "peer-baselines.md measured s3rver, not RGW: no reference figure" : undefined,
          out?.via && out.via !== "session" ? `ours: client on a ${out.via}` : undefined,
        ]
          .filter(Boolean)
          .join("; ") || undefined,
      }),
    );
  }
  for (const c of CONCURRENCY) {
    rows.push(
      row({
        key: `throughput.${serverId}.cpu.c${c}`,
        figure: `client CPU per request, ${serverLabel}, c=${c}`,
        unit: "µs",
        ours: oursOr(c, "cpuUsPerReq"),
        peer: pick("peer", c, "cpuUsPerReq"),
        limit: pick("limit", c, "cpuUsPerReq"),
        limitLabel: "raw node:http keep-alive (unsigned)",
        note: serverId === "local" && c === 1 ? "peer-baselines.md A4: peer 650–1,125 µs, raw 55–139 µs (over all servers)" : undefined,
      }),
    );
  }
  return rows;
}

export async function runThroughput({ ours, rounds, durationMs, log }) {
  const feature = ours.features.s3client;
  const opts = { concurrency: CONCURRENCY, rounds, durationMs, maxRequests: 40_000, withOurs: feature.ok };
  const rows = [];

  const local = await startLocalServer();
  try {
    log(`  throughput: local server at ${local.endpoint}`);
    const out = measure({ endpoint: local.endpoint, bucket: "bench", key: "object-1k", credentials: { accessKeyId: "AKIDBENCH", secretAccessKey: "benchSecret" } }, opts);
    rows.push(...rowsFor("local", "local node:http server", out, feature));
  } finally {
    local.stop();
  }

  const unavailable = rgwUnavailable();
  if (unavailable) {
    rows.push(...rowsFor("rgw", "Ceph RGW", undefined, feature, unavailable));
  } else {
    let rgw;
    try {
      rgw = startRgw(log);
      const server = {
        endpoint: rgw.env.RGW_ENDPOINT,
        bucket: "sk-bench",
        key: "object-1k",
        credentials: { accessKeyId: rgw.env.RGW_ACCESS_KEY_ID, secretAccessKey: rgw.env.RGW_SECRET_ACCESS_KEY },
      };
      runWorker("rgw-prepare.mjs", [JSON.stringify(server)]);
      const out = measure(server, opts);
      rows.push(...rowsFor("rgw", "Ceph RGW", out, feature));
    } catch (e) {
      rows.push(...rowsFor("rgw", "Ceph RGW", undefined, feature, `failed: ${e instanceof Error ? e.message : String(e)}`));
    } finally {
      rgw?.stop();
    }
  }
  return {
    id: "throughput",
    title: `5. Throughput, GetObject 1 KiB (loopback; ${rounds} interleaved rounds of ≤ ${durationMs} ms or ≤ ${opts.maxRequests} requests each)`,
    rows,
  };
}
