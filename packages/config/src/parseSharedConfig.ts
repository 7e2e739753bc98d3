import {
  type ParsedSharedConfigFile,
  parseSharedConfigFile,
  type SharedConfigSection,
  type SubProperties,
} from "./parseSharedConfigFile.js";

/** A section as plain data: values are strings, or records for sub-properties. */
export type ProfileData = Record<string, string | SubProperties>;

/** What `parseSharedConfig` returns. Records have no prototype, so a `__proto__` profile is just a name. */
export interface SharedConfigData {
  readonly profiles: Record<string, ProfileData>;
  readonly ssoSessions: Record<string, ProfileData>;
  readonly services: Record<string, ProfileData>;
}

export interface ParseSharedConfigInput {
  /** Contents of the config file (`~/.aws/config`). */
  readonly configFile?: string;
  /** Contents of the credentials file (`~/.aws/credentials`). */
  readonly credentialsFile?: string;
  /** Paths, used only to name the file in errors. */
  readonly configPath?: string;
  readonly credentialsPath?: string;
}

export interface ParseSharedConfigOptions {
  /**
   * `nested` (default): `s3 =` + indented lines becomes `{ s3: { key: "value" } }`.
   * `raw`: the cross-SDK raw string `"\nkey = value"` (what `profile-parser-tests.json` and botocore's raw mode show).
   */
  readonly subProperties?: "nested" | "raw";
}

function emptyRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

function addSections(
  out: Record<string, ProfileData>,
  sections: ReadonlyMap<string, SharedConfigSection>,
  raw: boolean,
): void {
  for (const [name, s] of sections) {
    let target = out[name];
    if (target === undefined) {
      target = emptyRecord();
      out[name] = target;
    }
    for (const [key, p] of s.properties) {
      target[key] = raw ? p.raw : typeof p.value === "string" ? p.value : { ...p.value };
    }
  }
}

/** Merges parsed files in order: a later file wins key by key (the credentials file is passed last). */
export function mergeSharedConfigFiles(
  files: readonly ParsedSharedConfigFile[],
  options: ParseSharedConfigOptions = {},
): SharedConfigData {
  const raw = options.subProperties === "raw";
  const data: SharedConfigData = { profiles: emptyRecord(), ssoSessions: emptyRecord(), services: emptyRecord() };
  for (const f of files) {
    addSections(data.profiles, f.profiles, raw);
    addSections(data.ssoSessions, f.ssoSessions, raw);
    addSections(data.services, f.services, raw);
  }
  return data;
}

/**
 * Parses the contents of a config file and a credentials file and merges them (the credentials file
 * wins on conflicts), by the cross-SDK profile-file rules. Pure: no I/O. Throws
 * `SharedConfigParseError` (with the line) for malformed text.
 */
export function parseSharedConfig(input: ParseSharedConfigInput, options: ParseSharedConfigOptions = {}): SharedConfigData {
  const files: ParsedSharedConfigFile[] = [];
  if (input.configFile !== undefined) {
    files.push(parseSharedConfigFile(input.configFile, { kind: "config", path: input.configPath }));
  }
  if (input.credentialsFile !== undefined) {
    files.push(parseSharedConfigFile(input.credentialsFile, { kind: "credentials", path: input.credentialsPath }));
  }
  return mergeSharedConfigFiles(files, options);
}
