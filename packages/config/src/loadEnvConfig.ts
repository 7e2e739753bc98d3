import type { RegionalEndpointMode } from "@sessionkit/types";
import type { CommonSettings, Ec2MetadataEndpointMode } from "./CommonSettings.js";
import { EnvConfigError } from "./EnvConfigError.js";
import { goParseBool } from "./goParseBool.js";
import { secretSourced } from "./maskSecret.js";
import { type Env, sharedConfigFilenames } from "./sharedConfigFilenames.js";
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

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Go's `setFromEnvVal`: the first of `names` with a non-empty value. */
function first(env: Env, names: readonly string[]): Sourced<string> | undefined {
  for (const name of names) {
    const v = env[name];
    if (v !== undefined && v !== "") return { value: v, source: { source: "env", name } };
  }
  return undefined;
}

function regionalMode(env: Env, name: string, goName: string): Sourced<RegionalEndpointMode> | undefined {
  const v = env[name];
  if (v === undefined || v === "") return undefined;
  const lower = v.toLowerCase();
  if (lower === "legacy" || lower === "regional") return { value: lower, source: { source: "env", name } };
  throw new EnvConfigError(
    name,
    `failed to load, ${name} from env config, unable to resolve the value of ${goName} for ${v}`,
  );
}

function trueFalse(env: Env, name: string, need: string): Sourced<boolean> | undefined {
  const v = env[name];
  if (v === undefined || v === "") return undefined;
  const lower = v.toLowerCase();
  if (lower === "true" || lower === "false") return { value: lower === "true", source: { source: "env", name } };
  throw new EnvConfigError(name, `invalid value for environment variable, ${name}=${v}, ${need}`);
}

/** Parses Go's `EC2IMDSEndpointModeState.SetFromString`; `undefined` for an empty value. */
export function parseEc2MetadataEndpointMode(value: string): Ec2MetadataEndpointMode | undefined | Error {
  const v = value.trim();
  if (v === "") return undefined;
  if (v.toLowerCase() === "ipv6") return "IPv6";
  if (v.toLowerCase() === "ipv4") return "IPv4";
  return new Error("unknown EC2 IMDS endpoint mode, must be either IPv6 or IPv4");
}

/**
 * Reads the environment the way Go v1's `loadEnvConfig` does (spec §2), synchronously, from the
 * record given (never `process.env` implicitly). Bad values throw `EnvConfigError` with Go's message.
 * Lone halves of a key pair are ignored silently, as in Go.
 */
export function loadEnvConfig(env: Env, options: LoadEnvConfigOptions = {}): EnvConfig {
  const enabled = options.sharedConfigEnabled ?? goParseBool(env.AWS_SDK_LOAD_CONFIG) === true;
  const files = sharedConfigFilenames(env, options);
  const cfg: Mutable<EnvConfig> = {
    sharedConfigEnabled: enabled,
    sharedConfigFile: files.configFile,
    sharedCredentialsFile: files.credentialsFile,
  };

  const key = first(env, ["AWS_ACCESS_KEY_ID", "AWS_ACCESS_KEY"]);
  const secret = first(env, ["AWS_SECRET_ACCESS_KEY", "AWS_SECRET_KEY"]);
  if (key !== undefined && secret !== undefined) {
    const token = first(env, ["AWS_SESSION_TOKEN"]);
    cfg.credentials = {
      accessKeyId: secretSourced(key.value, key.source, "partial"),
      secretAccessKey: secretSourced(secret.value, secret.source, "secret"),
      ...(token === undefined ? {} : { sessionToken: secretSourced(token.value, token.source, "secret") }),
      providerName: "EnvConfigCredentials",
    };
  }

  const set = <K extends keyof EnvConfig>(field: K, value: EnvConfig[K] | undefined): void => {
    if (value !== undefined) cfg[field] = value;
  };
  set("roleArn", first(env, ["AWS_ROLE_ARN"]));
  set("roleSessionName", first(env, ["AWS_ROLE_SESSION_NAME"]));
  set("webIdentityTokenFile", first(env, ["AWS_WEB_IDENTITY_TOKEN_FILE"]));

  const csm = first(env, ["AWS_CSM_ENABLED"]);
  if (csm !== undefined) cfg.csmEnabled = { value: goParseBool(csm.value) === true, source: csm.source };
  set("csmHost", first(env, ["AWS_CSM_HOST"]));
  set("csmPort", first(env, ["AWS_CSM_PORT"]));
  set("csmClientId", first(env, ["AWS_CSM_CLIENT_ID"]));

  set("region", first(env, enabled ? ["AWS_REGION", "AWS_DEFAULT_REGION"] : ["AWS_REGION"]));
  set("profile", first(env, enabled ? ["AWS_PROFILE", "AWS_DEFAULT_PROFILE"] : ["AWS_PROFILE"]));

  const discovery = first(env, ["AWS_ENABLE_ENDPOINT_DISCOVERY"]);
  if (discovery !== undefined) cfg.endpointDiscoveryEnabled = { value: discovery.value !== "false", source: discovery.source };

  set("caBundle", first(env, ["AWS_CA_BUNDLE"]));
  set("clientTlsCert", first(env, ["AWS_SDK_GO_CLIENT_TLS_CERT"]));
  set("clientTlsKey", first(env, ["AWS_SDK_GO_CLIENT_TLS_KEY"]));

  set("stsRegionalEndpoints", regionalMode(env, "AWS_STS_REGIONAL_ENDPOINTS", "STSRegionalEndpoint"));
  set(
    "s3UsEast1RegionalEndpoint",
    regionalMode(env, "AWS_S3_US_EAST_1_REGIONAL_ENDPOINT", "S3UsEast1RegionalEndpoint"),
  );
  set("s3UseArnRegion", trueFalse(env, "AWS_S3_USE_ARN_REGION", "need true or false"));

  set("ec2MetadataServiceEndpoint", first(env, ["AWS_EC2_METADATA_SERVICE_ENDPOINT"]));
  const mode = first(env, ["AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE"]);
  if (mode !== undefined) {
    const m = parseEc2MetadataEndpointMode(mode.value);
    if (m instanceof Error) {
      throw new EnvConfigError(
        "AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE",
        `invalid value for environment variable, AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE=${mode.value}, ${m.message}`,
      );
    }
    if (m !== undefined) cfg.ec2MetadataServiceEndpointMode = { value: m, source: mode.source };
  }
  // Go allocates the flag for any non-empty value and leaves it false unless the value is `true`.
  const v1 = first(env, ["AWS_EC2_METADATA_V1_DISABLED"]);
  if (v1 !== undefined) cfg.ec2MetadataV1Disabled = { value: v1.value.toLowerCase() === "true", source: v1.source };

  set("useDualStackEndpoint", trueFalse(env, "AWS_USE_DUALSTACK_ENDPOINT", "need true, false"));
  set("useFipsEndpoint", trueFalse(env, "AWS_USE_FIPS_ENDPOINT", "need true, false"));

  set("endpointUrl", first(env, ["AWS_ENDPOINT_URL"]));
  const ignore = first(env, ["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"]);
  if (ignore !== undefined) {
    cfg.ignoreConfiguredEndpointUrls = { value: ignore.value.toLowerCase() === "true", source: ignore.source };
  }
  return cfg;
}
