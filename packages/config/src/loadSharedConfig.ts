import type { ParsedSharedConfigFile } from "./parseSharedConfigFile.js";
import { type ChainRules, resolveSharedConfig, type SharedConfig } from "./resolveSharedConfig.js";
import { type SharedConfigFileCache, sharedConfigFileCache } from "./SharedConfigFileCache.js";
import type { SharedConfigFileRef } from "./sharedConfigFileList.js";

export interface LoadSharedConfigOptions {
  readonly profile: string;
  /** In order; later files win key by key. A bare path is read with kind `any` (Go's lax lookup). */
  readonly files: readonly (string | SharedConfigFileRef)[];
  readonly sharedConfigEnabled: boolean;
  readonly chainRules?: ChainRules;
  /** Default: the process-wide `sharedConfigFileCache`. */
  readonly cache?: SharedConfigFileCache;
}

/**
 * Go v1's `loadSharedConfig` from disk, synchronously: missing files are skipped, others are read
 * through the cache (one `stat` each when unchanged) and resolved by `resolveSharedConfig`.
 * Throws `SharedConfigLoadError` for a file that exists but cannot be read or parsed, and
 * `SharedConfigProfileNotExistsError` (which a session ignores) when no file has the profile.
 */
export function loadSharedConfig(options: LoadSharedConfigOptions): SharedConfig {
  const cache = options.cache ?? sharedConfigFileCache;
  const parsed: ParsedSharedConfigFile[] = [];
  for (const f of options.files) {
    const ref = typeof f === "string" ? { path: f, kind: "any" as const } : f;
    const file = cache.read(ref.path, ref.kind);
    if (file !== undefined) parsed.push(file);
  }
  // The options carry resolveSharedConfig's (sharedConfigEnabled, chainRules).
  return resolveSharedConfig(options.profile, parsed, options);
}
