import type { Config } from "@sessionkit/types";

/** Go's `aws.Config.MergeIn(cfgs...)`: fields are copied in order when the later config sets them (null is unset). */
export function mergeConfigs(configs: readonly (Config | undefined)[]): Config {
  const out: Record<string, unknown> = {};
  for (const c of configs) {
    // `== null`: a JavaScript caller's null is skipped too, as Go skips a nil *Config.
    if (c == null) continue;
    for (const [k, v] of Object.entries(c)) if (v != null) out[k] = v;
  }
  return out as Config;
}
