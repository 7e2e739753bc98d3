import type { Config, Handlers, Plugin } from "@sessionkit/types";
import type { SharedConfigState } from "./SharedConfigState.js";
import type { TokenProviderOption } from "./tokenProvider.js";

/** The environment a session reads: by default `process.env`, injectable for hermetic use. */
export type Environment = Readonly<Record<string, string | undefined>>;

/** Go's `session.Options`. Every field is optional; `newSessionWithOptions({})` is `newSession()`. */
export interface SessionOptions {
  /** Go's `Options.Config`: beats environment variables and files. An empty `region` counts as unset. */
  readonly config?: Config;
  /**
   * The profile to use. Beats `AWS_PROFILE`, and makes the profile's credentials beat environment
   * credentials (Go #2727). Unlike Go, a profile asked for here that no file defines is an error at creation
   * (`SharedConfigProfileNotExistsError`, naming the profile and the files searched).
   */
  readonly profile?: string;
  /** Whether `~/.aws/config` is read; default {@link SharedConfigState.FromEnv} (`AWS_SDK_LOAD_CONFIG`). */
  readonly sharedConfigState?: SharedConfigState;
  /**
   * The ordered list of shared files, later files winning key by key. Replaces `AWS_CONFIG_FILE` and
   * `AWS_SHARED_CREDENTIALS_FILE`, and is read even when shared config is disabled. A string is read with Go's
   * lax lookup, whatever the file's name: `[name]`, then `[profile name]`. Pass `{ path, kind }` to apply the
   * strict format of a config file (`[profile name]`, `[default]`) or a credentials file (`[name]`).
   */
  readonly sharedConfigFiles?: readonly SharedConfigFile[];
  /**
   * Asked for the MFA code at every assume-role refresh; required when a profile sets `mfa_serial`. A factory of
   * a provider (`stdinTokenProvider`) is accepted too and called once.
   */
  readonly assumeRoleTokenProvider?: TokenProviderOption;
  /** Assume-role session length in seconds; beats the profile's `duration_seconds`. */
  readonly assumeRoleDuration?: number;
  /** PEM text or bytes of extra trusted CAs; beats `AWS_CA_BUNDLE`, which beats the profile's `ca_bundle`. */
  readonly customCABundle?: string | Uint8Array;
  /** A complete set of handler lists used instead of the defaults when it is not empty (Go's `Options.Handlers`). */
  readonly handlers?: Handlers;
  /** Contribute config defaults (beaten by code, env and files) and handlers, in order. */
  readonly plugins?: readonly Plugin[];
  /** The environment to read instead of `process.env` (hermetic tests, multi-tenant hosts). */
  readonly env?: Environment;
  /** The home directory for `~/.aws/*` instead of `HOME`/`USERPROFILE` from `env`. */
  readonly homeDir?: string;
}

/** An entry of {@link SessionOptions.sharedConfigFiles}. */
export type SharedConfigFile = string | { readonly path: string; readonly kind: "config" | "credentials" };
