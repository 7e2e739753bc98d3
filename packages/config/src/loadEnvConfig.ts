import type { CommonSettings } from "./CommonSettings.js";
import { EnvConfigError } from "./EnvConfigError.js";
import { goParseBool } from "./goParseBool.js";
import { secretSourced } from "./maskSecret.js";
import { settingField } from "./settingField.js";
import { settingValue } from "./settingValue.js";
import { type Env, envValue, sharedConfigFilenames } from "./sharedConfigFilenames.js";
import type { Sourced } from "./ValueSource.js";

/** Static keys from the environment (Go's `credentials.Value` with provider `EnvConfigCredentials`). */
export interface EnvCredentials {
  readonly accessKeyId: Sourced<string>;
  readonly secretAccessKey: Sourced<string>;
  readonly sessionToken?: Sourced<string>;
  readonly providerName: "EnvConfigCredentials";
}

/** Go v1's `envConfig`, each value with the variable it came from. Absent fields were not set. */
export interface EnvConfig extends CommonSettings {
  /** Shared config on (`AWS_SDK_LOAD_CONFIG` truthy, or forced by the caller). */
  readonly sharedConfigEnabled: boolean;
  /** Only when both the key and the secret are non-empty. */
  readonly credentials?: EnvCredentials;
  /** `AWS_PROFILE`, then `AWS_DEFAULT_PROFILE` (only with shared config on). Absent means `default`. */
  readonly profile?: Sourced<string>;
  readonly sharedCredentialsFile: Sourced<string>;
  readonly sharedConfigFile: Sourced<string>;
  readonly clientTlsCert?: Sourced<string>;
  readonly clientTlsKey?: Sourced<string>;
}

export interface LoadEnvConfigOptions {
  /**
   * Force shared config on or off while reading (Go's `SharedConfigEnable` reads the env as if
   * `AWS_SDK_LOAD_CONFIG` were true). Default: `AWS_SDK_LOAD_CONFIG` by Go's `ParseBool`.
   */
  readonly sharedConfigEnabled?: boolean;
  /** Passed to `sharedConfigFilenames` for the default file paths. */
  readonly platform?: string;
  readonly fallbackHome?: string;
}

export { parseEc2MetadataEndpointMode } from "./settingValue.js";

// The variables read into fields after the credentials, in Go's order (explain lists them in that order), as flat
// `variable, field, type` triples (one string split at `:`, as sharedConfigKeys' KEYS), each variable named
// without its `AWS_` prefix (written out, so a search for a variable finds it here). Without a field, the field is
// the name camel-cased (settingField); the types are settingValue's, and a type longer than one letter is instead
// an `AWS_DEFAULT_` name (without `AWS_`) read after the variable when shared config is on.
const VARS = /* @__PURE__ */ (
  "ROLE_ARN:::ROLE_SESSION_NAME:::WEB_IDENTITY_TOKEN_FILE:::CSM_ENABLED::g:CSM_HOST:::CSM_PORT:::CSM_CLIENT_ID:::" +
  "REGION::DEFAULT_REGION:PROFILE::DEFAULT_PROFILE:ENABLE_ENDPOINT_DISCOVERY:endpointDiscoveryEnabled:e:CA_BUNDLE:::" +
  "SDK_GO_CLIENT_TLS_CERT:clientTlsCert::SDK_GO_CLIENT_TLS_KEY:clientTlsKey::STS_REGIONAL_ENDPOINTS::r:" +
  "S3_US_EAST_1_REGIONAL_ENDPOINT::r:S3_USE_ARN_REGION::t:EC2_METADATA_SERVICE_ENDPOINT:::" +
  "EC2_METADATA_SERVICE_ENDPOINT_MODE::m:EC2_METADATA_V1_DISABLED::b:USE_DUALSTACK_ENDPOINT:useDualStackEndpoint:t:" +
  "USE_FIPS_ENDPOINT::t:ENDPOINT_URL:::IGNORE_CONFIGURED_ENDPOINT_URLS::b"
)
  .split(":")
  // Once: variable names get their prefix back (built per call, they would cost a string and a hash per lookup).
  .map((s, i) => (i % 3 === 1 || s.length < 2 ? s : `AWS_${s}`));

/** A typed variable's value (see settingValue), `undefined` to leave it unset; throws `EnvConfigError` for a bad one. */
function typedValue(found: Sourced<string>, field: string, type: string): unknown {
  const v = found.value;
  const value = settingValue(type, v, field);
  if (!(value instanceof Error)) return value;
  const name = (found.source as { name: string }).name;
  throw new EnvConfigError(
    name,
    type === "r"
      ? `failed to load, ${name} from env config, ${value.message}`
      : `invalid value for environment variable, ${name}=${v}, ${value.message}`,
  );
}

/**
 * Reads the environment the way Go v1's `loadEnvConfig` does (spec §2), synchronously, from the
 * record given (never `process.env` implicitly). Bad values throw `EnvConfigError` with Go's message.
 * Lone halves of a key pair are ignored silently, as in Go.
 */
export function loadEnvConfig(env: Env, options: LoadEnvConfigOptions = {}): EnvConfig {
  const enabled = options.sharedConfigEnabled ?? goParseBool(env.AWS_SDK_LOAD_CONFIG) === true;
  const files = sharedConfigFilenames(env, options);
  const cfg: Record<string, unknown> = {
    sharedConfigEnabled: enabled,
    sharedConfigFile: files.configFile,
    sharedCredentialsFile: files.credentialsFile,
  };

  const key = envValue(env, "AWS_ACCESS_KEY_ID", "AWS_ACCESS_KEY");
  const secret = envValue(env, "AWS_SECRET_ACCESS_KEY", "AWS_SECRET_KEY");
  if (key !== undefined && secret !== undefined) {
    const token = envValue(env, "AWS_SESSION_TOKEN");
    const masked = (found: Sourced<string>, kind: "partial" | "secret" = "secret") => secretSourced(found.value, found.source, kind);
    cfg.credentials = {
      accessKeyId: masked(key, "partial"),
      secretAccessKey: masked(secret),
      ...(token && { sessionToken: masked(token) }),
      providerName: "EnvConfigCredentials",
    };
  }

  const table = VARS;
  for (let i = 0; i < table.length; i += 3) {
    const type = table[i + 2] as string;
    const found = envValue(env, table[i] as string, enabled && type.length > 1 ? type : undefined);
    if (found === undefined) continue;
    const field = (table[i + 1] as string) || settingField((table[i] as string).slice(4));
    // Typed variables are rare: their code (in typedValue) is compiled only when one is set.
    const value = type.length === 1 ? typedValue(found, field, type) : found.value;
    if (value !== undefined) cfg[field] = { value, source: found.source };
  }
  return cfg as unknown as EnvConfig;
}
