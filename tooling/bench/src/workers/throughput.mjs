// 5. Throughput of GetObject (1 KiB) against a server: `node throughput.mjs '<json options>'`.
// Options: { endpoint, bucket, key, credentials, concurrency: [1, 32], rounds, durationMs, maxRequests, withOurs }.
// Raw node:http with a keep-alive agent is the limit (unsigned GET of the same object). For each concurrency,
// each round runs every contender once in a shuffled order, bounded by time AND by request count.
import { Agent, request } from "node:http";
import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";

const opt = JSON.parse(process.argv[2]);
const url = new URL(opt.endpoint);
const region = "us-east-1";
const path = `/${opt.bucket}/${encodeURIComponent(opt.key)}`;
const maxSockets = Math.max(...opt.concurrency);

const rawAgent = new Agent({ keepAlive: true, maxSockets });
function rawGet() {
  return new Promise((resolve, reject) => {
    const req = request({ agent: rawAgent, host: url.hostname, port: url.port, path, method: "GET" }, (res) => {
      let n = 0;
      res.on("data", (c) => {
        n += c.length;
      });
      res.on("end", () => (res.statusCode === 200 ? resolve(n) : reject(new Error(`raw GET: HTTP ${res.statusCode}`))));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

// Peer: defaults (its NodeHttpHandler keeps sockets alive, 50 per host), path-style for a loopback endpoint.
const peer = new S3Client({ region, endpoint: opt.endpoint, forcePathStyle: true, credentials: opt.credentials });
const ops = {
  limit: rawGet,
  peer: async () => (await (await peer.send(new GetObjectCommand({ Bucket: opt.bucket, Key: opt.key }))).Body.transformToByteArray()).length,
};
let via;
const errors = {};
if (opt.withOurs) {
  try {
    const { oursProvider } = await import("./oursProvider.mjs");
    const { S3 } = await import("@sessionkit/client-s3");
    const p = await oursProvider({ region, endpoint: opt.endpoint, s3ForcePathStyle: true, credentials: opt.credentials });
    via = p.via;
    const s3 = new S3(p.provider);
    ops.ours = async () => (await (await s3.getObject({ Bucket: opt.bucket, Key: opt.key })).Body.transformToByteArray()).length;
  } catch (e) {
    errors.ours = `ours failed to load: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`;
  }
}

async function load(fn, concurrency, durationMs, maxRequests) {
  let done = 0;
  const latencies = [];
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const deadline = t0 + durationMs;
  const worker = async () => {
    while (done < maxRequests && performance.now() < deadline) {
      const s = performance.now();
      const n = await fn();
      if (n !== 1024) throw new Error(`read ${n} bytes, expected 1024`);
      latencies.push(performance.now() - s);
      done++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  latencies.sort((a, b) => a - b);
  return { rps: done / seconds, p50ms: latencies[Math.floor(latencies.length / 2)] ?? Number.NaN, cpuUsPerReq: (cpu.user + cpu.system) / done, n: done };
}

for (const [id, fn] of Object.entries(ops)) {
  try {
    await load(fn, 4, 300, 400); // warm-up: connections, JIT
  } catch (e) {
    errors[id] = `${id} failed: ${e instanceof Error ? e.message : String(e)}`;
    delete ops[id];
  }
}
const results = {};
for (const c of opt.concurrency) {
  for (const id of Object.keys(ops)) results[`${id}.c${c}`] = [];
  for (let r = 0; r < opt.rounds; r++) {
    for (const id of Object.keys(ops).sort(() => Math.random() - 0.5)) {
      try {
        results[`${id}.c${c}`].push(await load(ops[id], c, opt.durationMs, opt.maxRequests));
      } catch (e) {
        errors[`${id}.c${c}`] = `${id} failed at c=${c}: ${e instanceof Error ? e.message : String(e)}`;
      }
    }
  }
}
rawAgent.destroy();
peer.destroy();
console.log(JSON.stringify({ results, errors, via }));
