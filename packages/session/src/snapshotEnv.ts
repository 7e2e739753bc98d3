import type { Environment } from "./SessionOptions.js";

/** The variables a session reads: `AWS_*` and the home directory's. */
const READ = /^(AWS_|(HOME|HOMEDRIVE|HOMEPATH|USERPROFILE)$)/;

/**
 * The environment a session reads, taken once at creation (Go reads it once too). From `process.env` only the
 * `AWS_*` and home-directory variables are copied: spreading all of `process.env` costs ~60 µs, most of a
 * session's creation. An injected environment is copied as is.
 */
export function snapshotEnv(injected: Environment | null | undefined): Environment {
  // `!= null`: null is no injected environment, as for every option (credential_process already read it so).
  if (injected != null) return { ...injected };
  const env = process.env;
  const out: Record<string, string | undefined> = {};
  for (const name of Object.keys(env)) {
    if (READ.test(name)) out[name] = env[name];
  }
  return out;
}
