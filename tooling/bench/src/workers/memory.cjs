// 7. Memory of N live objects in a fresh process: `node --expose-gc memory.cjs <kind> <count>`.
// Prints RSS and heap used after loading the modules and after creating the objects (both after a full gc).
const [kind, countArg] = process.argv.slice(2);
const count = Number(countArg);
const region = "us-east-1";
const credentials = { accessKeyId: "AKIDBENCH", secretAccessKey: "benchSecret" };

const makers = {
  baseline: () => () => ({}),
  "peer.clients": () => {
    const { S3Client } = require("@aws-sdk/client-s3");
    return () => new S3Client({ region, credentials });
  },
  "ours.clients": () => {
    const { S3 } = require("@sessionkit/client-s3");
    const { newSession } = require("@sessionkit/session");
    const sess = newSession({ region, credentials });
    return () => new S3(sess);
  },
  "ours.sessions": () => {
    const { newSession } = require("@sessionkit/session");
    return () => newSession({ region, credentials });
  },
};

const make = makers[kind]();
make(); // the first object may load lazily required code; count it as module cost, not per-object cost
global.gc();
const before = process.memoryUsage();
const keep = [];
for (let i = 0; i < count; i++) keep.push(make());
global.gc();
const after = process.memoryUsage();
console.log(
  JSON.stringify({ kept: keep.length, rssBefore: before.rss, heapBefore: before.heapUsed, rssAfter: after.rss, heapAfter: after.heapUsed }),
);
