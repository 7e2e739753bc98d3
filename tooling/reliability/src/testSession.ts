import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { newSessionWithOptions, type Session, type SessionOptions } from "@sessionkit/session";
import type { Config, Sleep } from "@sessionkit/types";

/** Static keys the fault tests sign with. */
export const FAULT_KEYS = Object.freeze({ accessKeyId: "AKIAFAULTTEST0000001", secretAccessKey: "faultTestSecretKey0000000000000000000001" });

/** A sleep that records each backoff and returns at once, so retries can be counted without waiting. */
export function recordingSleep(): { sleep: Sleep; delays: number[] } {
  const delays: number[] = [];
  const sleep: Sleep = (ms, signal) => {
    delays.push(ms);
    if (signal?.aborted) return Promise.reject(signal.reason);
    return Promise.resolve();
  };
  return { sleep, delays };
}

/** A throwaway, empty home directory: no user file can leak into a hermetic session. */
export function emptyHome(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "sk-reliability-home-"));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A hermetic session (no process env, an empty HOME) pointed at `endpoint`, path-style, with static keys
 * unless the options bring their own credentials.
 */
export function hermeticSession(endpoint: string, home: string, config: Config = {}, options: SessionOptions = {}): Session {
  return newSessionWithOptions({
    env: {},
    homeDir: home,
    ...options,
    config: {
      region: "us-east-1",
      endpoint,
      s3ForcePathStyle: true,
      credentials: FAULT_KEYS,
      ...config,
    },
  });
}
