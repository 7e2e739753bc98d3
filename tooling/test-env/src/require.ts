import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** True when running in CI, where a test that would skip for a missing server or suite must fail instead. */
export const inCI = /^(1|true)$/i.test(process.env.CI ?? "");

/** The repository root (two levels above tooling/test-env). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

/** Either the thing a test needs, or the visible reason it is skipped. Throws in CI instead of skipping. */
export type Needed<T> = { readonly value: T; readonly skip: false } | { readonly value: undefined; readonly skip: string };

function missing<T>(reason: string): Needed<T> {
  if (inCI) throw new Error(`CI must not skip: ${reason}`);
  return { value: undefined, skip: reason };
}

/** The conformance data folder: `SESSIONKIT_CONFORMANCE_DIR`, else `../shared/conformance` beside the repo. */
export function conformanceDir(): Needed<string> {
  const dir = process.env.SESSIONKIT_CONFORMANCE_DIR || join(repoRoot, "..", "shared", "conformance");
  if (existsSync(join(dir, "README.md"))) return { value: dir, skip: false };
  return missing(`conformance data not found at ${dir} (set SESSIONKIT_CONFORMANCE_DIR)`);
}

/** Ceph RGW (S3 + STS, verifies SigV4) as started by the test runner. */
export interface RgwInfo {
  readonly endpoint: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly otherAccessKeyId: string;
  readonly otherSecretAccessKey: string;
  readonly roleArn: string;
}

/** s3rver (S3, no signature checks) as started by the test runner. */
export interface S3rverInfo {
  readonly endpoint: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

const HOW = "run `pnpm test` at the repo root, which starts the test servers";

export function rgw(env: NodeJS.ProcessEnv = process.env): Needed<RgwInfo> {
  if (!env.RGW_ENDPOINT) return missing(`Ceph RGW is not running (${HOW})`);
  return {
    skip: false,
    value: {
      endpoint: env.RGW_ENDPOINT,
      accessKeyId: env.RGW_ACCESS_KEY_ID ?? "",
      secretAccessKey: env.RGW_SECRET_ACCESS_KEY ?? "",
      otherAccessKeyId: env.RGW_OTHER_ACCESS_KEY_ID ?? "",
      otherSecretAccessKey: env.RGW_OTHER_SECRET_ACCESS_KEY ?? "",
      roleArn: env.RGW_ROLE_ARN ?? "",
    },
  };
}

export function s3rver(env: NodeJS.ProcessEnv = process.env): Needed<S3rverInfo> {
  if (!env.S3RVER_ENDPOINT) return missing(`s3rver is not running (${HOW})`);
  return {
    skip: false,
    value: {
      endpoint: env.S3RVER_ENDPOINT,
      accessKeyId: env.S3RVER_ACCESS_KEY_ID ?? "S3RVER",
      secretAccessKey: env.S3RVER_SECRET_ACCESS_KEY ?? "S3RVER",
    },
  };
}
