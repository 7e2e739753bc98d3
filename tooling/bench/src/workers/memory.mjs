// 7. Memory of N live objects in a fresh process: `node --expose-gc memory.mjs <kind> <count>`.
// Prints RSS and heap used after loading the modules and after creating the objects (both after a full gc).
const [kind, countArg] = process.argv.slice(2);
const count = Number(countArg);
const region = "us-east-1";
const credentials = { accessKeyId: "AKIDBENCH", secretAccessKey: "benchSecret" };

const makers = {
  baseline: async () => () => ({}),
  "peer.clients": async () => {
    const { S3Client } = await import("@aws-sdk/client-s3");
    return () => new S3Client({ region, credentials });
  },
  "ours.clients": async () => {
    const { S3 } = await import("@sessionkit/client-s3");
    const { oursProvider } = await import("./oursProvider.mjs");
    const { provider } = await oursProvider({ region, credentials });
    return () => new S3(provider);
  },
  "ours.sessions": async () => {
    const { newSession } = await import("@sessionkit/session");
    return () => newSession({ region, credentials });
  },
};

const make = await makers[kind]();
make(); // the first object may load lazily imported code; count it as module cost, not per-object cost
globalThis.gc();
const before = process.memoryUsage();
const keep = [];
for (let i = 0; i < count; i++) keep.push(make());
globalThis.gc();
const after = process.memoryUsage();
console.log(
  JSON.stringify({ kept: keep.length, rssBefore: before.rss, heapBefore: before.heapUsed, rssAfter: after.rss, heapAfter: after.heapUsed }),
);
