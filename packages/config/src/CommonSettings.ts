import type { RegionalEndpointMode } from "@sessionkit/types";
import type { Sourced } from "./ValueSource.js";

/** `IPv4` or `IPv6`, as in `AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE` and `ec2_metadata_service_endpoint_mode`. */
export type Ec2MetadataEndpointMode = "IPv4" | "IPv6";

/**
 * Settings read both from the environment and from a profile (`EnvConfig` and `SharedConfig` share
 * them), each with its source; absent when not set. A session picks code, then env, then profile.
 */
export interface CommonSettings {
  readonly region?: Sourced<string>;
  readonly roleArn?: Sourced<string>;
  readonly roleSessionName?: Sourced<string>;
  readonly webIdentityTokenFile?: Sourced<string>;
  readonly caBundle?: Sourced<string>;
  readonly stsRegionalEndpoints?: Sourced<RegionalEndpointMode>;
  readonly s3UsEast1RegionalEndpoint?: Sourced<RegionalEndpointMode>;
  readonly s3UseArnRegion?: Sourced<boolean>;
  readonly endpointDiscoveryEnabled?: Sourced<boolean>;
  readonly ec2MetadataServiceEndpoint?: Sourced<string>;
  readonly ec2MetadataServiceEndpointMode?: Sourced<Ec2MetadataEndpointMode>;
  readonly ec2MetadataV1Disabled?: Sourced<boolean>;
  readonly useDualStackEndpoint?: Sourced<boolean>;
  readonly useFipsEndpoint?: Sourced<boolean>;
  readonly csmEnabled?: Sourced<boolean>;
  readonly csmHost?: Sourced<string>;
  readonly csmPort?: Sourced<string>;
  readonly csmClientId?: Sourced<string>;
  /** `AWS_ENDPOINT_URL` / `endpoint_url` (not in Go v1; see `resolveConfiguredEndpoint`). */
  readonly endpointUrl?: Sourced<string>;
  /**
   * `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS` / `ignore_configured_endpoint_urls` (`true`, any case). Whether endpoints
   * are ignored is `configuredEndpointsIgnored`'s to say (the code option and the environment come first).
   */
  readonly ignoreConfiguredEndpointUrls?: Sourced<boolean>;
}
