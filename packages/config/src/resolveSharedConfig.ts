import { CredentialRequiresARNError } from "./CredentialRequiresARNError.js";
import type { CommonSettings } from "./CommonSettings.js";
import { ACCESS_KEY_ID as ID, SECRET_ACCESS_KEY as SECRET, secretKind, secretSourced } from "./maskSecret.js";
import type {
  ParsedSharedConfigFile,
  SharedConfigProperty,
  SharedConfigSection,
  SubProperties,
} from "./parseSharedConfigFile.js";
import { SharedConfigAssumeRoleError } from "./SharedConfigAssumeRoleError.js";
import { SharedConfigError } from "./SharedConfigError.js";
import { SharedConfigProfileNotExistsError } from "./SharedConfigProfileNotExistsError.js";
import { settingField } from "./settingField.js";
import { settingValue } from "./settingValue.js";
import { KEYS, keyField, keyOffsets } from "./sharedConfigKeys.js";
import { isSet, type Sourced, type ValueSource } from "./ValueSource.js";

/**
 * Which rules build a `source_profile` chain:
 * - `go` (default): Go v1 exactly. A revisited profile ends the chain with its own credentials, a
 *   profile without credentials falls back to the default chain, and a source profile's `role_arn`
 *   is assumed even when it has static keys.
 * - `cross-sdk`: the rules of `assume-role-tests.json` (smithy-rs): a loop is an error, a profile
 *   with no credentials is an error, and the first source profile with static keys ends the chain
 *   without assuming its own role.
 */
export type ChainRules = "go" | "cross-sdk";

/** Static keys from one section of one file (Go's pair rule: both keys non-empty, or nothing). */
export interface SharedCredentials {
  readonly accessKeyId: Sourced<string>;
  readonly secretAccessKey: Sourced<string>;
  readonly sessionToken?: Sourced<string>;
  /** `aws_account_id` next to the keys (not read by Go v1; kept for the chain data). */
  readonly accountId?: Sourced<string>;
  /** `SharedConfigCredentials: <path>`, as Go names the provider. */
  readonly providerName: string;
}

/** An `[sso-session NAME]` section a profile refers to. */
export interface SsoSession {
  readonly name: string;
  readonly ssoRegion?: Sourced<string>;
  readonly ssoStartUrl?: Sourced<string>;
  readonly ssoRegistrationScopes?: Sourced<string>;
}

/** The `[services NAME]` section a profile refers to: settings per service key (e.g. `s3.endpoint_url`). */
export interface ServicesSettings {
  readonly name: Sourced<string>;
  readonly services: ReadonlyMap<string, ReadonlyMap<string, Sourced<string>>>;
}

/**
 * Go v1's `sharedConfig` for one profile: every field with where it came from. Fields absent were
 * not set; a key present with an empty value is kept as `""` (a later file can blank an earlier one).
 */
export interface SharedConfig extends CommonSettings {
  readonly profile: string;
  /** The files consulted, in order (later files win key by key). */
  readonly files: readonly string[];
  readonly credentials?: SharedCredentials;
  readonly credentialProcess?: Sourced<string>;
  readonly sourceProfileName?: Sourced<string>;
  readonly credentialSource?: Sourced<string>;
  readonly externalId?: Sourced<string>;
  readonly mfaSerial?: Sourced<string>;
  /** `duration_seconds` when it is a non-zero integer (Go ignores anything else). */
  readonly durationSeconds?: Sourced<number>;
  readonly ssoSessionName?: Sourced<string>;
  readonly ssoSession?: SsoSession;
  readonly ssoAccountId?: Sourced<string>;
  readonly ssoRegion?: Sourced<string>;
  readonly ssoRoleName?: Sourced<string>;
  readonly ssoStartUrl?: Sourced<string>;
  /** The `[services NAME]` section named by the profile's `services` key. */
  readonly services?: ServicesSettings;
  /** The resolved `source_profile` (absent when the chain ended here). */
  readonly sourceProfile?: SharedConfig;
  /** Set when this profile was reached a second time: `self` for `source_profile = itself`, else `loop`. */
  readonly revisited?: "self" | "loop";
  /** Every key of the profile after file precedence, for `explain`. */
  readonly properties: ReadonlyMap<string, Sourced<string | SubProperties>>;
  /** A key pair present by halves in one section (ignored, as in Go), for clearer errors. */
  readonly partialCredentials?: { readonly present: Sourced<string>; readonly missing: string };
}

export interface ResolveSharedConfigOptions {
  /** Go's shared-config switch: without it only credential keys are read (spec §3.11–3.12). */
  readonly sharedConfigEnabled: boolean;
  readonly chainRules?: ChainRules;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type MutableConfig = Mutable<SharedConfig> & { properties: Map<string, Sourced<string | SubProperties>> };


// The credential types in Go's precedence (credential_process last).
const CREDENTIAL_TYPES = /* @__PURE__ */ keyOffsets("source_profile credential_source web_identity_token_file credential_process");
const SSO_KEYS = /* @__PURE__ */ keyOffsets("sso_session sso_account_id sso_region sso_role_name sso_start_url");

/** The keys of the credential types `cfg` sets, in Go's precedence; `""` stands for credential_process, which needs no role_arn. */
function credentialTypes(cfg: SharedConfig): string[] {
  const types: string[] = [];
  for (const i of CREDENTIAL_TYPES) {
    if (isSet((cfg as unknown as Settings)[keyField(i)])) types.push(i === CREDENTIAL_TYPES[3] ? "" : (KEYS[i] as string));
  }
  return types;
}


/** A string-typed key whose value turned out to be sub-properties reads as empty (its own value was). */
const text = (p: SharedConfigProperty | undefined): string =>
  typeof p?.value === "string" ? p.value : "";

const describeFile = (file: ParsedSharedConfigFile): string =>
  file.path ?? "<profiles>";

const fileSource = (file: ParsedSharedConfigFile, profile: string, key: string, line: number): ValueSource => ({ source: "file", path: file.path, line, profile, key });

function applySection(
  cfg: MutableConfig,
  section: SharedConfigSection,
  file: ParsedSharedConfigFile,
  sharedConfigEnabled: boolean,
): void {
  const profile = cfg.profile;
  const props = section.properties;
  const out = cfg as unknown as Record<string, unknown>;

  for (const [key, p] of props) {
    const kind = secretKind(key);
    const source = fileSource(file, profile, key, p.line);
    cfg.properties.set(key, kind === "none" ? { value: p.value, source } : secretSourced(text(p), source, kind));
  }

  const table = KEYS;
  for (let i = sharedConfigEnabled ? 0 : table.indexOf("ALWAYS"); i < table.length; i += 3) {
    const p = props.get(table[i] as string);
    if (p === undefined) continue;
    const type = table[i + 2] as string;
    // Typed keys are rare: their code (in setTyped) is compiled only when a profile has one.
    const key = table[i] as string;
    const field = keyField(i);
    if (type === "") out[field] = { value: text(p), source: fileSource(file, profile, key, p.line) };
    else setTyped(out, key, field, type, p, file, profile);
  }

  // The key pair (Go's rule: both non-empty in this section) reuses the entries just recorded in `properties`.
  const id = own(cfg, props, ID);
  const secret = own(cfg, props, SECRET);
  if (id !== undefined && secret !== undefined) {
    const token = own(cfg, props, "aws_session_token");
    const account = own(cfg, props, "aws_account_id");
    cfg.credentials = {
      accessKeyId: id,
      secretAccessKey: secret,
      ...(token && { sessionToken: token }),
      ...(account && { accountId: account }),
      providerName: `SharedConfigCredentials: ${describeFile(file)}`,
    };
    delete cfg.partialCredentials;
  } else if (id !== undefined || secret !== undefined) {
    // Half a pair: ignored, as in Go, but kept for a clearer error.
    const has = id !== undefined ? ID : SECRET;
    cfg.partialCredentials = { present: { value: has, source: (id ?? secret)?.source as ValueSource }, missing: has === ID ? SECRET : ID };
  }
}

/** This section's entry for `key` in `cfg.properties` when its value is a non-empty string, else `undefined`. */
function own(cfg: MutableConfig, props: ReadonlyMap<string, SharedConfigProperty>, key: string): Sourced<string> | undefined {
  const v = props.has(key) ? cfg.properties.get(key) : undefined;
  return typeof v?.value === "string" && v.value !== "" ? (v as Sourced<string>) : undefined;
}

/** Sets a typed field (see KEYS) from its key's value, as Go reads it. */
function setTyped(
  out: Record<string, unknown>,
  key: string,
  field: string,
  type: string,
  p: SharedConfigProperty,
  file: ParsedSharedConfigFile,
  profile: string,
): void {
  const v = text(p);
  const source = fileSource(file, profile, key, p.line);
  if (type === "v") {
    out[field] = { name: { value: v, source }, services: new Map() };
    return;
  }
  const value = settingValue(type, v, field);
  if (value instanceof Error) {
    throw new SharedConfigError(
      profile,
      `failed to load ${key} from shared config, ${describeFile(file)}, ${value.message} (profile ${profile}, line ${p.line})`,
    );
  }
  // Unset (an empty or zero value); an empty IMDS mode also clears an earlier file's.
  if (value === undefined) {
    if (type === "m") delete out[field];
  } else out[field] = { value, source };
}

/** A config's string settings by field name. */
type Settings = Record<string, Sourced<string> | undefined>;

/** Go's message for a profile that names no credentials. */
export const noCredentials = (profile: string): string =>
  `profile ${profile} did not contain credential information`;

/** Go's `hasSSOConfiguration`. */
export function hasSsoConfiguration(cfg: SharedConfig): boolean {
  return SSO_KEYS.some((i) => isSet((cfg as unknown as Settings)[keyField(i)]));
}

/** Go's `hasCredentials`: any credential type is configured. */
export function hasSharedCredentials(cfg: SharedConfig): boolean {
  return cfg.credentials !== undefined || hasSsoConfiguration(cfg) || credentialTypes(cfg).length > 0;
}

/** Deletes the fields named (space-separated) from `cfg`. */
function clear(cfg: MutableConfig, fields: string): void {
  for (const f of fields.split(" ")) delete (cfg as unknown as Record<string, unknown>)[f];
}

function resolveServices(cfg: MutableConfig, files: readonly ParsedSharedConfigFile[]): void {
  const name = (cfg.services as ServicesSettings).name;
  if (name.value === "") return;
  const out = new Map<string, Map<string, Sourced<string>>>();
  for (const f of files) {
    const s = f.services.get(name.value.trim());
    for (const [service, p] of s?.properties ?? []) {
      if (typeof p.value === "string") continue;
      const settings = out.get(service) ?? new Map<string, Sourced<string>>();
      out.set(service, settings);
      for (const [key, value] of Object.entries(p.value)) {
        settings.set(key, { value, source: fileSource(f, `services ${s?.name}`, `${service}.${key}`, p.subLines?.[key] ?? p.line) });
      }
    }
  }
  cfg.services = { name, services: out };
}

function resolveSsoSession(cfg: MutableConfig, files: readonly ParsedSharedConfigFile[]): void {
  const name = cfg.ssoSessionName;
  if (!isSet(name)) return;
  for (const f of files) {
    const s = f.ssoSessions.get(name.value.trim());
    if (s === undefined) continue;
    const session: Record<string, unknown> = { name: name.value };
    for (const key of ["sso_region", "sso_start_url", "sso_registration_scopes"]) {
      const p = s.properties.get(key);
      if (p !== undefined) session[settingField(key)] = { value: text(p), source: fileSource(f, `sso-session ${s.name}`, key, p.line) };
    }
    cfg.ssoSession = session as unknown as SsoSession;
    return; // the first file that has the section wins, as in Go
  }
  throw new SharedConfigError(cfg.profile, `failed to find SSO session section, ${name.value}`);
}

function load(
  profile: string,
  files: readonly ParsedSharedConfigFile[],
  options: ResolveSharedConfigOptions,
  visited: Set<string>,
  referrer: string | undefined,
): MutableConfig {
  const cfg: MutableConfig = { profile, files: files.map(describeFile), properties: new Map() };
  let found = 0;
  for (const f of files) {
    const section = f.profiles.get(profile);
    if (section === undefined) continue;
    found++;
    applySection(cfg, section, f, options.sharedConfigEnabled);
  }
  // No file at all is not an error (Go); files that all lack the profile are.
  if (found === 0 && files.length > 0) throw new SharedConfigProfileNotExistsError(profile, cfg.files);

  if (visited.has(profile)) markRevisited(cfg, visited, referrer, options.chainRules);
  const types = credentialTypes(cfg);
  const credType = types[0];
  if (credType && cfg.revisited === undefined && !isSet(cfg.roleArn)) throw new CredentialRequiresARNError(credType, profile);

  // A source profile with static keys ends the chain here.
  if (visited.size !== 0 && cfg.credentials !== undefined) return cfg;
  visited.add(profile);

  if (types.length > 1) {
    throw new SharedConfigError(
      profile,
      `only one credential type may be specified per profile: source profile, credential source, credential process, web identity token (profile ${profile})`,
    );
  }
  // Rare: their code is compiled only for profiles that use them.
  if (isSet(cfg.sourceProfileName)) loadSourceProfile(cfg, cfg.sourceProfileName, files, options, visited);
  if (isSet(cfg.ssoSessionName)) resolveSsoSession(cfg, files);
  if (cfg.services !== undefined) resolveServices(cfg, files);
  return cfg;
}

/** A profile reached a second time only supplies credentials: its assume-role options would recurse forever. */
function markRevisited(cfg: MutableConfig, visited: Set<string>, referrer: string | undefined, rules: ChainRules | undefined): void {
  clear(cfg, "roleArn externalId mfaSerial roleSessionName sourceProfileName");
  cfg.revisited = referrer === cfg.profile ? "self" : "loop";
  if (cfg.revisited === "loop" && rules === "cross-sdk") {
    throw new SharedConfigError(cfg.profile, `source_profile chain ${[...visited, cfg.profile].join(" -> ")} forms an infinite loop`);
  }
}

/** Resolves `source_profile` into `cfg.sourceProfile` (its own credential options give way to the chain). */
function loadSourceProfile(
  cfg: MutableConfig,
  sourceName: Sourced<string>,
  files: readonly ParsedSharedConfigFile[],
  options: ResolveSharedConfigOptions,
  visited: Set<string>,
): void {
  const profile = cfg.profile;
  clear(cfg, "credentialSource credentialProcess webIdentityTokenFile credentials ssoAccountId ssoRegion ssoRoleName ssoStartUrl");
  const name = sourceName.value;
  const fail = (detail: string) => new SharedConfigAssumeRoleError(cfg.roleArn?.value ?? "", name, detail);
  // Each link recurses: a generated chain thousands long would end in a bare RangeError (no real one comes close).
  if (visited.size > 1e3) throw new SharedConfigError(profile, `source_profile chain longer than 1000 links, stopped at profile ${profile}`);
  let src: MutableConfig;
  try {
    src = load(name, files, options, visited, profile);
  } catch (e) {
    throw e instanceof SharedConfigProfileNotExistsError
      ? fail(`profile ${name} referenced from ${profile} was not found in ${cfg.files.join(", ")}`)
      : e;
  }
  const partial = src.partialCredentials;
  if (!hasSharedCredentials(src)) {
    throw fail(partial === undefined ? noCredentials(name) : `profile ${name} is missing ${partial.missing} (${partial.present.value} is set, the pair is ignored)`);
  }
  cfg.sourceProfile = src;
}

/**
 * Go v1's `loadSharedConfig` on files already parsed (pure; the Node entry's `loadSharedConfig`
 * reads and caches the files): file order with later files winning key by key, the credentials pair
 * rule per file and section, `source_profile` chains with a visited set, and Go's errors
 * (`SharedConfigProfileNotExistsError`, which a session ignores; `SharedConfigAssumeRoleError`;
 * `CredentialRequiresARNError`; `SharedConfigErr` for a credential-type collision or a bad value).
 */
export function resolveSharedConfig(
  profile: string,
  files: readonly ParsedSharedConfigFile[],
  options: ResolveSharedConfigOptions,
): SharedConfig {
  return load(profile, files, options, new Set(), undefined);
}
