import type { Config, Credentials, ResolvedConfig } from "@sessionkit/types";
import { configForDisplay } from "./display.js";
import type { Sourced, ValueSource } from "./configBrowser.js";

/** The settings of a `Config` that are resolved by precedence (credentials are resolved on their own). */
export type SettingKey = Exclude<keyof Config, "credentials">;

/** One precedence layer: each setting it defines, with where it came from. */
export type ConfigLayer = { readonly [K in SettingKey]?: Sourced<NonNullable<Config[K]>> };

const SETTING_KEYS: readonly SettingKey[] = [
  "region",
  "endpoint",
  "maxRetries",
  "retryer",
  "logLevel",
  "logger",
  "s3ForcePathStyle",
  "disableSSL",
  "transport",
  "stsRegionalEndpoints",
  "s3UsEast1RegionalEndpoint",
  "attemptTimeoutMs",
  "disableParamValidation",
  "clock",
  "sleep",
];

/** Go treats an empty `Region` (and empty endpoint) from code as unset; so do we, for every string. */
function isSet(value: unknown): boolean {
  return value !== undefined && value !== null && value !== "";
}

/**
 * A layer from a `Config` given in code. `label` names where in code (`config`, `plugin x`), so `explain`
 * can say `code option config.region`.
 */
export function codeLayer(config: Config | undefined, label: string): ConfigLayer {
  const layer: Record<string, Sourced<unknown>> = {};
  if (config === undefined) return layer;
  for (const key of SETTING_KEYS) {
    const value = config[key];
    if (isSet(value)) layer[key] = { value, source: { source: "code", option: `${label}.${key}` } };
  }
  return layer as ConfigLayer;
}

/** The SDK defaults (Go's `defaults.Config()`), each with a `default` source. */
export type Defaults = { readonly [K in SettingKey]?: NonNullable<Config[K]> } & Pick<
  ResolvedConfig,
  | "region"
  | "maxRetries"
  | "logLevel"
  | "logger"
  | "s3ForcePathStyle"
  | "disableSSL"
  | "transport"
  | "stsRegionalEndpoints"
  | "s3UsEast1RegionalEndpoint"
  | "disableParamValidation"
  | "clock"
  | "sleep"
>;

/** Where each resolved setting came from, for `explain`. */
export type ConfigSources = ReadonlyMap<string, ValueSource>;

/**
 * Resolves every setting by precedence: the first layer that sets it wins, then the default.
 * Returns the frozen config and the source of each value.
 */
export function resolveConfig(
  layers: readonly ConfigLayer[],
  credentials: Sourced<Credentials>,
  defaults: Defaults,
): { readonly config: ResolvedConfig; readonly sources: ConfigSources } {
  const out: Record<string, unknown> = {};
  const sources = new Map<string, ValueSource>();
  for (const key of SETTING_KEYS) {
    let found: Sourced<unknown> | undefined;
    for (const layer of layers) {
      const v = layer[key];
      if (v !== undefined && isSet(v.value)) {
        found = v;
        break;
      }
    }
    if (found !== undefined) {
      out[key] = found.value;
      sources.set(key, found.source);
    } else if (defaults[key] !== undefined) {
      out[key] = defaults[key];
      sources.set(key, { source: "default" });
    }
  }
  out.credentials = credentials.value;
  sources.set("credentials", credentials.source);
  return { config: freezeConfig(out), sources };
}

/**
 * Go's `Config.Copy(cfgs...)`: the settings `overrides` gives replace the ones of `base` (an empty string counts
 * as unset); everything else, credentials included, is shared by reference.
 */
export function overrideConfig(
  base: ResolvedConfig,
  baseSources: ConfigSources,
  overrides: Config,
  credentials: Credentials | undefined,
  label: string,
): { readonly config: ResolvedConfig; readonly sources: ConfigSources } {
  const layer = codeLayer(overrides, label);
  const out: Record<string, unknown> = { ...base };
  const sources = new Map(baseSources);
  for (const key of SETTING_KEYS) {
    const v = layer[key];
    if (v === undefined) continue;
    out[key] = v.value;
    sources.set(key, v.source);
  }
  if (credentials !== undefined) {
    out.credentials = credentials;
    sources.set("credentials", { source: "code", option: `${label}.credentials` });
  }
  return { config: freezeConfig(out), sources };
}

/**
 * Freezes a resolved config. `JSON.stringify(config)` shows every value through `display` (transports and
 * loggers by name, credentials by provider name), so dumping a config never serialises a secret or a socket.
 */
function freezeConfig(out: Record<string, unknown>): ResolvedConfig {
  Object.defineProperty(out, "toJSON", { value: () => configForDisplay(out as unknown as ResolvedConfig) });
  return Object.freeze(out) as unknown as ResolvedConfig;
}
