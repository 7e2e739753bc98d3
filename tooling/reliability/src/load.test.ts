// Load: S3 requests at concurrency 64 against Ceph RGW through one session whose assumed-role credentials are
// forced to refresh several times mid-run. Zero failed requests, exactly one AssumeRole per refresh (counted by
// a send handler), RSS flat after warm-up. The full 20,000 runs in `pnpm test` (about 25 s on 2 cores: under the
// 60 s budget); `pnpm reliability:load` in this folder runs it alone with its own RGW; LOAD_REQUESTS changes the size.
import assert from "node:assert/strict";
import { test } from "node:test";
import { rgw } from "@sessionkit/test-env";
import { runLoad } from "./runLoad.js";

const server = rgw();
const REQUESTS = Number(process.env.LOAD_REQUESTS ?? "") || 20_000;
const CONCURRENCY = 64;
const FORCED_REFRESHES = 5;
// Heap and sockets settle during the first quarter; past it, RSS after a full GC must not climb.
const RSS_GROWTH_LIMIT_MIB = 16;
const HEAP_GROWTH_LIMIT_MIB = 8;

test(`${REQUESTS} S3 requests at concurrency ${CONCURRENCY}, assumed-role credentials refreshed ${FORCED_REFRESHES} times mid-run`, { skip: server.skip }, async () => {
  if (server.value === undefined) return;
  const r = await runLoad({ rgw: server.value, requests: REQUESTS, concurrency: CONCURRENCY, forcedRefreshes: FORCED_REFRESHES });
  console.log(
    `load: ${r.requests} requests at concurrency ${r.concurrency} in ${r.seconds.toFixed(1)} s (${r.requestsPerSecond.toFixed(0)} req/s); ` +
      `failed: ${r.failures}; S3 attempts: ${r.s3Attempts}; refreshes: ${r.refreshes}; AssumeRole calls: ${r.assumeRoleCalls}; ` +
      `signing keys: ${r.distinctKeys}; RSS after GC: ${r.rssAfterWarmupMiB.toFixed(1)} MiB after warm-up, ${r.rssEndMiB.toFixed(1)} MiB at the end ` +
      `(heap ${r.heapAfterWarmupMiB.toFixed(1)} → ${r.heapEndMiB.toFixed(1)} MiB; peak RSS ${r.rssPeakMiB.toFixed(1)} MiB; samples: ${r.rssMiB.join(" ")})`,
  );
  assert.equal(r.failures, 0, `failed requests by code: ${JSON.stringify(r.failureCodes)}`);
  assert.equal(r.refreshes, 1 + FORCED_REFRESHES);
  assert.equal(r.assumeRoleCalls, r.refreshes, "exactly one AssumeRole call per refresh");
  assert.equal(r.distinctKeys, r.refreshes, "each refresh's credentials signed requests, and no others did");
  assert.ok(
    r.rssEndMiB - r.rssAfterWarmupMiB < RSS_GROWTH_LIMIT_MIB,
    `RSS grew ${(r.rssEndMiB - r.rssAfterWarmupMiB).toFixed(1)} MiB after warm-up (limit ${RSS_GROWTH_LIMIT_MIB})`,
  );
  assert.ok(
    r.heapEndMiB - r.heapAfterWarmupMiB < HEAP_GROWTH_LIMIT_MIB,
    `heap grew ${(r.heapEndMiB - r.heapAfterWarmupMiB).toFixed(1)} MiB after warm-up (limit ${HEAP_GROWTH_LIMIT_MIB})`,
  );
});
