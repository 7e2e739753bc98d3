import type { RegionalEndpointMode } from "@sessionkit/types";

/**
 * Regions that Go v1 sends to the global endpoint `sts.amazonaws.com` while `AWS_STS_REGIONAL_ENDPOINTS` is
 * `legacy` (its default): `aws/endpoints/sts_legacy_regions.go`. Regions launched later (ap-east-1, me-south-1,
 * …) were always regional.
 */
export const STS_LEGACY_GLOBAL_REGIONS: ReadonlySet<string> = /* @__PURE__ */ new Set(
  // One string: an array literal costs a quote pair and a comma per region.
  "ap-northeast-1 ap-south-1 ap-southeast-1 ap-southeast-2 aws-global ca-central-1 eu-central-1 eu-north-1 eu-west-1 eu-west-2 eu-west-3 sa-east-1 us-east-1 us-east-2 us-west-1 us-west-2".split(
    " ",
  ),
);

export interface StsEndpointOptions {
  /** `legacy` (default, as Go v1) or `regional`. */
  readonly stsRegionalEndpoints?: RegionalEndpointMode;
  readonly useFipsEndpoint?: boolean;
  readonly useDualStackEndpoint?: boolean;
  /** `http://` instead of `https://`. */
  readonly disableSSL?: boolean;
}

export interface StsEndpoint {
  /** e.g. `https://sts.amazonaws.com`; empty when there is no region (the validate handler then reports it). */
  readonly url: string;
  /** The region the request is signed for; `us-east-1` for the global endpoint. */
  readonly signingRegion: string;
}

// DNS suffixes by partition, picked by region prefix (the partitions of Go v1's endpoints model).
const dnsSuffix = (region: string, dualStack: boolean): string =>
  region.startsWith("cn-")
    ? dualStack
      ? "api.amazonwebservices.com.cn"
      : "amazonaws.com.cn"
    : region.startsWith("us-isob-")
      ? "sc2s.sgov.gov"
      : region.startsWith("us-iso-")
        ? "c2s.ic.gov"
        : dualStack
          ? "api.aws"
          : "amazonaws.com";

/**
 * The default STS endpoint for a region. A configured endpoint (code option, `AWS_ENDPOINT_URL_STS`,
 * `endpoint_url`) is not this function's business: the client uses it instead when one is given.
 *
 * - `aws-global` is always `sts.amazonaws.com`, signed for `us-east-1`.
 * - In `legacy` mode the regions of {@link STS_LEGACY_GLOBAL_REGIONS} also go to `sts.amazonaws.com`
 *   (signed for `us-east-1`), unless FIPS or dual-stack is asked for.
 * - Everything else is `sts[-fips].<region>.<suffix>`, signed for the region.
 */
export function stsEndpoint(region: string, options: StsEndpointOptions = {}): StsEndpoint {
  if (region === "") return { url: "", signingRegion: "" };
  const { useFipsEndpoint: fips, useDualStackEndpoint: dualStack } = options;
  const signingRegion = region === "aws-global" ? "us-east-1" : region;
  // The global endpoint: aws-global, or a legacy region in legacy mode (the default), without FIPS or dual-stack.
  const global =
    !fips && !dualStack && (region === "aws-global" || (options.stsRegionalEndpoints !== "regional" && STS_LEGACY_GLOBAL_REGIONS.has(region)));
  return {
    url: `${options.disableSSL ? "http" : "https"}://${
      global
        ? "sts.amazonaws.com"
        : // GovCloud's regional STS endpoints are already FIPS-validated, so there is no sts-fips host there.
          `${fips && !region.startsWith("us-gov-") ? "sts-fips" : "sts"}.${signingRegion}.${dnsSuffix(signingRegion, !!dualStack)}`
    }`,
    signingRegion: global ? "us-east-1" : signingRegion,
  };
}
