import type { ServicesSettings } from "./resolveSharedConfig.js";
import { type Env, envValue } from "./sharedConfigFilenames.js";
import { settingValue } from "./settingValue.js";
import { firstSet, type Sourced } from "./ValueSource.js";

/** The profile settings the resolver reads; a `SharedConfig` fits. */
export interface EndpointProfileSettings {
  readonly endpointUrl?: Sourced<string>;
  readonly ignoreConfiguredEndpointUrls?: Sourced<boolean>;
  readonly services?: ServicesSettings;
}

export interface ResolveConfiguredEndpointOptions {
  /** The endpoint given in code: always used, even when configured endpoints are ignored. */
  readonly endpoint?: string;
  /** Given in code; beats `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS`, which beats the profile key (`configuredEndpointsIgnored`). */
  readonly ignoreConfiguredEndpointUrls?: boolean;
  readonly env?: Env;
  readonly profile?: EndpointProfileSettings;
}

/** The key a service has in a `[services]` section: the service id lower-cased, spaces and `-` as `_`. */
export function serviceConfigKey(serviceId: string): string {
  return serviceId.trim().toLowerCase().replace(/[\s-]+/g, "_");
}

/** `AWS_ENDPOINT_URL_<SERVICE>`: the service id upper-cased, spaces and `-` as `_`. */
export function serviceEndpointEnvName(serviceId: string): string {
  return `AWS_ENDPOINT_URL_${serviceConfigKey(serviceId).toUpperCase()}`;
}

/**
 * The configured endpoint URL for a service (botocore's configured-endpoint rules), or `undefined`
 * to let the client derive one from the region. Highest first: the code option; then, unless
 * ignored (`configuredEndpointsIgnored`), `AWS_ENDPOINT_URL_<SERVICE>`, `AWS_ENDPOINT_URL`, the profile's `[services]` section
 * `<service>.endpoint_url`, and the profile's `endpoint_url`. A global env variable beats a
 * service-specific file value.
 */
export function resolveConfiguredEndpoint(
  serviceId: string,
  options: ResolveConfiguredEndpointOptions = {},
): Sourced<string> | undefined {
  const { endpoint, env, profile } = options;
  if (endpoint) return { value: endpoint, source: { source: "code", option: "endpoint" } };
  if (configuredEndpointsIgnored(env, profile, options.ignoreConfiguredEndpointUrls)) return undefined;
  // Empty values count as unset (firstSet).
  return firstSet(
    envValue(env, serviceEndpointEnvName(serviceId)),
    envValue(env, "AWS_ENDPOINT_URL"),
    profile?.services?.services.get(serviceConfigKey(serviceId))?.get("endpoint_url"),
    profile?.endpointUrl,
  );
}

/**
 * Whether configured endpoint URLs are ignored; the one place this precedence is written (the session's explain
 * and `resolveConfiguredEndpoint` both ask it). Highest first: `code` (the option given in code);
 * `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS` when set and not empty; the profile's `ignore_configured_endpoint_urls`. A
 * variable's text is `true` in any case or false, as `loadEnvConfig` reads it; a layer that says `false` beats the
 * lower ones.
 */
export function configuredEndpointsIgnored(env?: Env, profile?: EndpointProfileSettings, code?: boolean): boolean {
  // An empty variable counts as unset (envValue's rule); settingValue's `b` is a boolean.
  const fromEnv = env?.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS;
  return !!(code ?? (fromEnv ? settingValue("b", fromEnv) : profile?.ignoreConfiguredEndpointUrls?.value));
}
