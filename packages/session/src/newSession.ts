import type { Config } from "@sessionkit/types";
import { checkConfig } from "./checkOptions.js";
import { mergeConfigs } from "./mergeConfigs.js";
import { newSessionWithOptions } from "./newSessionWithOptions.js";
import type { Session } from "./Session.js";

/**
 * Go's `session.NewSession(cfgs...)`: exactly `newSessionWithOptions({ config })` with the configs merged in
 * order (a later config's set fields win). Reads `process.env` and the shared files once; for hermetic use
 * (another environment or home directory) call `newSessionWithOptions`.
 */
export function newSession(...configs: readonly (Config | undefined)[]): Session {
  // Each config by its place, before merging hides which one it was (a string would merge as its characters).
  configs.forEach((config, i) => {
    checkConfig(config, `configs[${i}]`);
  });
  return newSessionWithOptions({ config: mergeConfigs(configs) });
}
