import type { Config, Plugin } from "@sessionkit/types";
import { SessionError } from "./SessionError.js";
import type { SessionOptions } from "./SessionOptions.js";

/**
 * What a member may be, as the error message says it: `typeof` names, allowed values or typed-array names
 * (`Uint8Array`, a Buffer too) joined by ` or `, `array`, or `object with m()` for an object with the method `m` (the
 * one the session calls first).
 */
type Kind = string;

/** A kind for each member of `T` (all of them: a member added to the type without one does not compile). */
type Kinds<T> = { readonly [K in keyof T]-?: Kind };

const MODE = "legacy or regional";

/** Every setting of `Config` as code gives it; malformed static keys are `toCredentials`' `CredentialsInputInvalid`. */
const CONFIG: Kinds<Config> = {
  region: "string",
  endpoint: "string",
  credentials: "object or function",
  maxRetries: "number",
  retryer: "object with shouldRetry()",
  logLevel: "number",
  logger: "object with log()",
  s3ForcePathStyle: "boolean",
  disableSSL: "boolean",
  transport: "object with handle()",
  stsRegionalEndpoints: MODE,
  s3UsEast1RegionalEndpoint: MODE,
  attemptTimeoutMs: "number",
  disableParamValidation: "boolean",
  clock: "function",
  sleep: "function",
};

/** Every option. */
const OPTIONS: Kinds<SessionOptions> = {
  config: "object",
  profile: "string",
  sharedConfigState: "number",
  sharedConfigFiles: "array",
  assumeRoleTokenProvider: "function",
  assumeRoleDuration: "number",
  customCABundle: "string or Uint8Array",
  handlers: "object with isEmpty()",
  plugins: "array",
  env: "object",
  homeDir: "string",
};

const PLUGIN: Kinds<Plugin> = { name: "string", config: "object", apply: "function" };

/**
 * Throws `InvalidParameter` naming the member (`path`, then `.member` when given) and what it may be when `value`
 * (null included) fits none of `kind`. The message gives the value's type only: a value in the wrong place may be
 * a secret.
 */
function expectKind(value: unknown, kind: Kind, path: string, member?: string): void {
  // The common case first, without allocating: the kind is the value's type.
  if (value === null || (kind !== typeof value && !fits(value, kind))) {
    throw new SessionError("InvalidParameter", `${path}${member ? `.${member}` : ""} must be ${kind}, got ${value === null ? value : typeof value}`);
  }
}

function fits(value: unknown, kind: Kind): boolean {
  return kind
    .split(" or ")
    .some(
      (k) =>
        k === typeof value ||
        k === value ||
        k === (value as { [Symbol.toStringTag]?: unknown } | undefined)?.[Symbol.toStringTag] ||
        (k === "array" ? Array.isArray(value) : typeof (value as Record<string, unknown> | undefined)?.[k.slice(12, -2)] === "function"),
    );
}

/** Checks each member of `object` that is set (null and undefined are unset, as Go's nil fields). */
function expectMembers<T>(object: T | undefined, kinds: Kinds<T>, path: string): void {
  for (const key in kinds) {
    const value = object?.[key];
    if (value != null) expectKind(value, kinds[key], path, key);
  }
}

/**
 * Checks a `Config` given in code unless it is null or undefined (no config): one of `newSession`'s, or (by
 * default) `copy`'s and `clientConfig`'s `overrides`; `path` names it.
 */
export function checkConfig(config: unknown, path = "overrides"): void {
  if (config != null) {
    expectKind(config, "object", path);
    expectMembers(config as Config, CONFIG, path);
  }
}

/**
 * The options as JavaScript may pass them, checked against one table of kinds: every option, the settings of the
 * config and of each plugin's, each shared file, and each variable of an injected environment. What would fail
 * with a TypeError deep inside, or be silently misread (`disableSSL: "false"`), is an error naming the option.
 * Returns the options (`{}` for null: no options).
 */
export function checkOptions(options: SessionOptions | null | undefined): SessionOptions {
  const o = options ?? {};
  expectKind(o, "object", "options");
  expectMembers(o, OPTIONS, "options");
  expectMembers(o.config, CONFIG, "options.config");
  o.plugins?.forEach((plugin, i) => {
    const at = `options.plugins[${i}]`;
    expectKind(plugin, "object", at);
    expectMembers(plugin, PLUGIN, at);
    expectMembers(plugin.config, CONFIG, `${at}.config`);
  });
  o.sharedConfigFiles?.forEach((file, i) => {
    const at = `options.sharedConfigFiles[${i}]`;
    expectKind(file, "string or object", at);
    if (typeof file !== "string") {
      expectKind(file.path, "string", at, "path");
      expectKind(file.kind, "config or credentials", at, "kind");
    }
  });
  const env = o.env;
  for (const name in env) {
    const value = env[name];
    if (value != null) expectKind(value, "string", "options.env", name);
  }
  return o;
}
