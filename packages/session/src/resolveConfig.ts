import { toCredentials } from "@sessionkit/credentials";
import type { Config, Credentials, ResolvedConfig } from "@sessionkit/types";
import type { Sourced, ValueSource } from "./configBrowser.js";
import { configForDisplay } from "./display.js";
import { sessionDefaults } from "./sessionDefaults.js";

/** The settings of a `Config` that are resolved by precedence (credentials are resolved on their own). */
export type SettingKey = Exclude<keyof Config, "credentials">;

/** One precedence layer: each setting it defines, with where it came from. */
export type ConfigLayer = { readonly [K in SettingKey]?: Sourced<NonNullable<Config[K]>> | undefined };

let keys: readonly SettingKey[] | undefined;

/** Every setting, in explain order: the keys of the defaults, which name the settings without one as `undefined`. */
const settingKeys = (): readonly SettingKey[] => (keys ??= Object.keys(sessionDefaults()) as SettingKey[]);

/** Go treats an empty `Region` (and empty endpoint) from code as unset; so do we, for every string. */
/** The source of a default value (one shared, frozen object). */
export const DEFAULT_SOURCE: ValueSource = /* @__PURE__ */ Object.freeze({ source: "default" });

/** Where a value given in code comes from (`option` names it, e.g. `config.region`). */
export function codeSource(option: string): ValueSource {
  return { source: "code", option };
}

function isSet(value: unknown): boolean {
  return value != null && value !== "";
}

/**
 * A layer from a `Config` given in code. `label` names where in code (`config`, `plugin x`), so `explain`
 * can say `code option config.region`.
 */
export function codeLayer(config: Config | undefined, label: string): ConfigLayer {
  const layer: Record<string, Sourced<unknown>> = {};
  for (const key of settingKeys()) {
    const value = config?.[key];
    if (isSet(value)) layer[key] = { value, source: codeSource(`${label}.${key}`) };
  }
  return layer;
}

/**
 * The SDK defaults (Go's `defaults.Config()`), each with a `default` source. Every setting is a required key (one
 * without a default is `undefined`): the keys are the list of settings, so leaving one out must not compile.
 */
export type Defaults = { readonly [K in SettingKey]-?: NonNullable<Config[K]> | undefined } & Pick<
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

/** A resolved config with the source of each value. */
export interface SourcedConfig {
  readonly config: ResolvedConfig;
  readonly sources: ConfigSources;
}

/**
 * Resolves every setting by precedence: the first layer that sets it wins, then the default.
 * Returns the frozen config and the source of each value.
 */
/** Credentials with their source (the first two members of a credentials resolution). */
export type SourcedCredentials = readonly [credentials: Credentials, source: ValueSource, ...unknown[]];

export function resolveConfig(layers: readonly ConfigLayer[], credentials: SourcedCredentials, defaults: Defaults): SourcedConfig {
  const out: Record<string, unknown> = {};
  const sources = new Map<string, ValueSource>();
  next: for (const key of settingKeys()) {
    for (const layer of layers) {
      const v = layer[key];
      if (v !== undefined && isSet(v.value)) {
        out[key] = v.value;
        sources.set(key, v.source);
        continue next;
      }
    }
    if (defaults[key] !== undefined) {
      out[key] = defaults[key];
      sources.set(key, DEFAULT_SOURCE);
    }
  }
  return freeze(out, sources, credentials);
}

/**
 * Go's `Config.Copy(cfgs...)`: the settings `overrides` gives replace the ones of `base` (an empty string counts
 * as unset); everything else, credentials included, is shared by reference.
 */
export function overrideConfig(base: SourcedConfig, overrides: Config, label: string): SourcedConfig {
  const out: Record<string, unknown> = { ...base.config };
  const sources = new Map(base.sources);
  for (const [key, v] of Object.entries(codeLayer(overrides, label))) {
    out[key] = v.value;
    sources.set(key, v.source);
  }
  const given = overrides.credentials;
  return freeze(out, sources, given == null ? undefined : [toCredentials(given), codeSource(`${label}.credentials`)]);
}

/**
 * Sets the credentials (when given) and freezes the config. `JSON.stringify(config)` shows every value through
 * `display` (transports and loggers by name, credentials by provider name), so dumping a config never serialises
 * a secret or a socket.
 */
function freeze(out: Record<string, unknown>, sources: Map<string, ValueSource>, credentials: SourcedCredentials | undefined): SourcedConfig {
  if (credentials !== undefined) {
    out.credentials = credentials[0];
    sources.set("credentials", credentials[1]);
  }
  Object.defineProperty(out, "toJSON", { value: () => configForDisplay(out as unknown as ResolvedConfig) });
  return { config: Object.freeze(out) as unknown as ResolvedConfig, sources };
}
