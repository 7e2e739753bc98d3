import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { S3 } from "@sessionkit/client-s3";
import { newSessionWithOptions, SharedConfigState } from "@sessionkit/session";
import type { RgwInfo } from "@sessionkit/test-env";
import type { Plugin, Request } from "@sessionkit/types";

export interface LoadOptions {
  readonly rgw: RgwInfo;
  /** S3 requests in total. */
  readonly requests: number;
  readonly concurrency: number;
  /** `credentials.expire()` is called this many times, evenly spread over the run. */
  readonly forcedRefreshes: number;
  /** RSS is sampled every this many completed requests. */
  readonly sampleEvery?: number;
}

export interface LoadResult {
  readonly requests: number;
  readonly concurrency: number;
  readonly failures: number;
  readonly failureCodes: Readonly<Record<string, number>>;
  /** S3 attempts that reached the send phase (more than `requests` when some were retried). */
  readonly s3Attempts: number;
  readonly assumeRoleCalls: number;
  /** Refreshes asked for: the first retrieve plus each `expire()`. */
  readonly refreshes: number;
  /** Distinct temporary access keys that signed S3 requests. */
  readonly distinctKeys: number;
  readonly seconds: number;
  readonly requestsPerSecond: number;
  /** RSS in MiB after each `sampleEvery` requests, each taken right after a full garbage collection. */
  readonly rssMiB: readonly number[];
  /** Highest RSS seen before those collections (what the process really held at its peak), MiB. */
  readonly rssPeakMiB: number;
  /** Median RSS of the second quarter (after warm-up) and of the last quarter, MiB. */
  readonly rssAfterWarmupMiB: number;
  readonly rssEndMiB: number;
  /** Median heap in use after GC, second and last quarter, MiB. */
  readonly heapAfterWarmupMiB: number;
  readonly heapEndMiB: number;
}

/**
 * A full garbage collection, so RSS samples show what is retained rather than where V8's sawtooth happens to
 * be (between major collections RSS climbs ~1.5 MiB per 500 requests here, then drops).
 */
function collector(): () => void {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as unknown;
  return typeof gc === "function" ? (gc as () => void) : () => {};
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length === 0 ? 0 : (s[Math.floor(s.length / 2)] ?? 0);
}

const OBJECTS = 64;

/**
 * Runs `requests` S3 calls (GET 50 %, HEAD 25 %, PUT 15 %, LIST 10 %) at `concurrency` through ONE session whose
 * credentials come from a role profile (`role_arn` + `source_profile`, assumed from Ceph RGW's STS), calling
 * `expire()` `forcedRefreshes` times during the run. A plugin's send handler (it reaches the STS client of the
 * role too) counts AssumeRole calls and S3 attempts and records which key signed each S3 request.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const { rgw, requests, concurrency, forcedRefreshes } = options;
  const sampleEvery = options.sampleEvery ?? Math.max(100, Math.floor(requests / 40));
  const home = mkdtempSync(join(tmpdir(), "sk-load-"));
  mkdirSync(join(home, ".aws"));
  writeFileSync(join(home, ".aws", "credentials"), `[default]\naws_access_key_id = ${rgw.accessKeyId}\naws_secret_access_key = ${rgw.secretAccessKey}\n`);
  writeFileSync(join(home, ".aws", "config"), `[profile load]\nrole_arn = ${rgw.roleArn}\nsource_profile = default\nregion = us-east-1\nduration_seconds = 900\n`);

  let assumeRoleCalls = 0;
  let s3Attempts = 0;
  const keys = new Set<string>();
  const counter: Plugin = {
    name: "reliability.count",
    apply(handlers) {
      handlers.send.pushFrontNamed({
        name: "reliability.countSend",
        fn(r: Request) {
          if (r.clientInfo.serviceName === "sts") {
            if (r.operation.name === "AssumeRole") assumeRoleCalls++;
            return;
          }
          s3Attempts++;
          const auth = String(r.httpRequest.headers.authorization ?? "");
          const key = /Credential=([^/]+)\//.exec(auth)?.[1];
          if (key !== undefined) keys.add(key);
        },
      });
    },
  };

  const session = newSessionWithOptions({
    env: { HOME: home },
    profile: "load",
    sharedConfigState: SharedConfigState.Enable,
    plugins: [counter],
    config: { endpoint: rgw.endpoint, s3ForcePathStyle: true },
  });
  const s3 = new S3(session);
  const bucket = `sk-load-${Date.now().toString(36)}`;
  const failureCodes: Record<string, number> = {};
  let failures = 0;
  const rss: number[] = [];
  const heap: number[] = [];
  let rssPeak = 0;
  const gc = collector();
  const MiB = 1024 * 1024;
  let refreshes = 0;
  try {
    // Setup (not counted): a bucket and its objects, signed by the first assumed credentials.
    await s3.createBucket({ Bucket: bucket });
    refreshes = 1;
    await Promise.all(Array.from({ length: OBJECTS }, (_, i) => s3.putObject({ Bucket: bucket, Key: `obj-${i}`, Body: `object ${i} `.repeat(20) })));
    const setupAttempts = s3Attempts;

    const refreshAt = new Set(Array.from({ length: forcedRefreshes }, (_, i) => Math.floor(((i + 1) * requests) / (forcedRefreshes + 1))));
    let next = 0;
    let done = 0;
    const started = performance.now();
    const one = async (i: number): Promise<void> => {
      const key = `obj-${i % OBJECTS}`;
      const kind = i % 20;
      if (kind < 10) await (await s3.getObject({ Bucket: bucket, Key: key })).Body.transformToString();
      else if (kind < 15) await s3.headObject({ Bucket: bucket, Key: key });
      else if (kind < 18) await s3.putObject({ Bucket: bucket, Key: key, Body: `object ${i} `.repeat(20) });
      else await s3.listObjectsV2({ Bucket: bucket, MaxKeys: 10 });
    };
    const worker = async (): Promise<void> => {
      while (next < requests) {
        const i = next++;
        if (refreshAt.has(i)) {
          session.config.credentials.expire();
          refreshes++;
        }
        try {
          await one(i);
        } catch (err) {
          failures++;
          const code = (err as { code?: string }).code ?? String(err);
          failureCodes[code] = (failureCodes[code] ?? 0) + 1;
        }
        done++;
        if (done % sampleEvery === 0) {
          rssPeak = Math.max(rssPeak, process.memoryUsage.rss() / MiB);
          gc();
          const m = process.memoryUsage();
          rss.push(m.rss / MiB);
          heap.push(m.heapUsed / MiB);
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    const seconds = (performance.now() - started) / 1000;
    const q = Math.max(1, Math.floor(rss.length / 4));
    return {
      requests,
      concurrency,
      failures,
      failureCodes,
      s3Attempts: s3Attempts - setupAttempts,
      assumeRoleCalls,
      refreshes,
      distinctKeys: keys.size,
      seconds,
      requestsPerSecond: requests / seconds,
      rssMiB: rss.map((v) => Math.round(v * 10) / 10),
      rssPeakMiB: rssPeak,
      rssAfterWarmupMiB: median(rss.slice(q, 2 * q)),
      rssEndMiB: median(rss.slice(-q)),
      heapAfterWarmupMiB: median(heap.slice(q, 2 * q)),
      heapEndMiB: median(heap.slice(-q)),
    };
  } finally {
    // Cleanup: best effort, it is not part of the measurement.
    try {
      const list = await s3.listObjectsV2({ Bucket: bucket });
      await Promise.all(list.Contents.map((o) => s3.deleteObject({ Bucket: bucket, Key: o.Key ?? "" })));
      await s3.deleteBucket({ Bucket: bucket });
    } catch {
      // The bucket lives in a throwaway server.
    }
    rmSync(home, { recursive: true, force: true });
  }
}
