import type { RegionalEndpointMode } from "@sessionkit/types";

/** What the default endpoint depends on. */
export interface S3EndpointOptions {
  readonly disableSSL?: boolean;
  readonly s3UsEast1RegionalEndpoint?: RegionalEndpointMode;
}

/**
 * S3's endpoint for a region when none is configured: `s3.amazonaws.com` for us-east-1 (and `aws-global`)
 * unless `s3UsEast1RegionalEndpoint` is `regional`, `s3.<region>.amazonaws.com` elsewhere, `.com.cn` in China.
 */
export function s3Endpoint(region: string, options: S3EndpointOptions = {}): string {
  const global = region === "aws-global" || (region === "us-east-1" && options.s3UsEast1RegionalEndpoint !== "regional");
  return `http${options.disableSSL ? "" : "s"}://s3${global ? "" : `.${region}`}.amazonaws.com${region.startsWith("cn-") ? ".cn" : ""}`;
}

// An IP address or localhost (no DNS for `bucket.127.0.0.1`), or an IPv6 literal.
const LOCAL_HOST = /^(localhost|.*\.localhost|\d{1,3}(\.\d{1,3}){3})$|:|^\[/;
// Go's dnsCompatibleBucketName: 3–63 chars of [a-z0-9.-], starting and ending alphanumeric, no "..", not an IP.
const DNS_BUCKET = /^(?!\d{1,3}(\.\d{1,3}){3}$)(?!.*\.\.)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/**
 * Whether a request for `bucket` must use path-style addressing (`host/bucket/key`) instead of
 * virtual-hosted style (`bucket.host/key`): when asked to (`s3ForcePathStyle`), when the endpoint is an IP
 * address or localhost (no DNS for `bucket.127.0.0.1`), when the bucket is not a DNS label, or when it has
 * dots under HTTPS (the wildcard certificate would not match).
 */
export function needsPathStyle(hostname: string, bucket: string, forcePathStyle: boolean | undefined, https: boolean): boolean {
  return forcePathStyle || LOCAL_HOST.test(hostname) || !DNS_BUCKET.test(bucket) || (https && bucket.includes("."));
}
