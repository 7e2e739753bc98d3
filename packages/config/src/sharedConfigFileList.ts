import type { EnvConfig } from "./loadEnvConfig.js";
import type { SharedConfigFileKind } from "./parseSharedConfigFile.js";

/** A file to load and how to read its section headers. */
export interface SharedConfigFileRef {
  readonly path: string;
  readonly kind: SharedConfigFileKind;
}

/**
 * Go's file list (spec §3.2): an explicit list (Go's `Options.SharedConfigFiles`) when given, read
 * with kind `any` because Go does not say which file is which; otherwise the config file (only with
 * shared config on) then the credentials file, so the credentials file wins key by key.
 */
export function sharedConfigFileList(env: EnvConfig, explicit?: readonly string[]): SharedConfigFileRef[] {
  const credentials: SharedConfigFileRef = { path: env.sharedCredentialsFile.value, kind: "credentials" };
  return (
    explicit?.map((path) => ({ path, kind: "any" })) ??
    (env.sharedConfigEnabled ? [{ path: env.sharedConfigFile.value, kind: "config" }, credentials] : [credentials])
  );
}
