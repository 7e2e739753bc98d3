import type { Config, Credentials, ResolvedConfig } from "@sessionkit/types";
import type { Sourced, ValueSource } from "./configBrowser.js";
import { configForDisplay } from "./display.js";

/** The settings of a `Config` that are resolved by precedence (credentials are resolved on their own). */
export type SettingKey = Exclude<keyof Config, "credentials">;

/** One precedence layer: each setting it defines, with where it came from. */
export type ConfigLayer = { readonly [K in SettingKey]?: Sourced<NonNullable<Config[K]>> | undefined };

// One string, split at first use: a long array literal costs a quote pair and a comma per name.
const SETTING_KEYS = /* @__PURE__ */ (
  "region endpoint maxRetries retryer logLevel logger s3ForcePathStyle disableSSL transport stsRegionalEndpoints " +
  "s3UsEast1RegionalEndpoint attemptTimeoutMs disableParamValidation clock sleep"
).split(" ") as readonly SettingKey[];

/** Go treats an empty `Region` (and empty endpoint) from code as unset; so do we, for every string. */
function isSet(value: unknown): boolean {
  return value != null && value !== "";
}

/**
 * A layer from a `Config` given in code. `label` names where in code (`config`, `plugin x`), so `explain`
 * can say `code option config.region`.
 */
export function codeLayer(config: Config | undefined, label: string): ConfigLayer {
  const layer: Record<string, Sourced<unknown>> = {};
  for (const key of SETTING_KEYS) {
    const value = config?.[key];
    if (isSet(value)) layer[key] = { value, source: { source: "code", option: `${label}.${key}` } };
  }
  return layer;
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

/** A resolved config with the source of each value. */
export interface SourcedConfig {
  readonly config: ResolvedConfig;
  readonly sources: ConfigSources;
}

/**
 * Resolves every setting by precedence: the first layer that sets it wins, then the fallback value (`defaults`,
 * whose source is `default` unless `sourceOf` names another). Returns the frozen config and the source of each
 * value. `JSON.stringify(config)` shows every value through `display` (transports and loggers by name,
 * credentials by provider name), so dumping a config never serialises a secret or a socket.
 */
export function resolveConfig(
  layers: readonly ConfigLayer[],
  credentials: Sourced<Credentials>,
  defaults: Defaults | ResolvedConfig,
  sourceOf: (key: string) => ValueSource | undefined = () => ({ source: "default" }),
): SourcedConfig {
  const out: Record<string, unknown> = {};
  const sources = new Map<string, ValueSource | undefined>();
  for (const key of SETTING_KEYS) {
    const found = layers.find((layer) => isSet(layer[key]?.value))?.[key] ?? (defaults[key] === undefined ? undefined : { value: defaults[key], source: sourceOf(key) });
    if (found !== undefined) {
      out[key] = found.value;
      sources.set(key, found.source);
    }
  }
  out.credentials = credentials.value;
  sources.set("credentials", credentials.source);
  Object.defineProperty(out, "toJSON", { value: () => configForDisplay(out as unknown as ResolvedConfig) });
  return { config: Object.freeze(out) as unknown as ResolvedConfig, sources: sources as ConfigSources };
}

/**
 * Go's `Config.Copy(cfgs...)`: the settings `overrides` gives replace the ones of `base` (an empty string counts
 * as unset); everything else, credentials included, is shared by reference.
 */
export function overrideConfig(base: SourcedConfig, overrides: Config, credentials: Credentials | undefined, label: string): SourcedConfig {
  const { config, sources } = base;
  return resolveConfig(
    [codeLayer(overrides, label)],
    credentials === undefined
      ? { value: config.credentials, source: sources.get("credentials") as ValueSource }
      : { value: credentials, source: { source: "code", option: `${label}.credentials` } },
    config,
    (key) => sources.get(key),
  );
}
