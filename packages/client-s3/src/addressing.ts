import { SdkError } from "@sessionkit/errors";
import type { Request } from "@sessionkit/types";
import { encodeKey } from "./encodeKey.js";
import { needsPathStyle } from "./endpoint.js";

/**
 * Puts an operation's bucket (and key) into the request: virtual-hosted `bucket.host/key`, or path-style
 * `host/bucket/key` when forced or required (see `needsPathStyle`). Operations name theirs, so an app whose
 * operations address no bucket (ListBuckets) does not bundle it.
 */
export type Addressing = (request: Request, input: Record<string, unknown>) => void;

function stringMember(params: Record<string, unknown>, member: "Bucket" | "Key"): string {
  const v = params[member];
  // Checked here too because parameter validation can be switched off; a bad path must not be sent. A bucket is one
  // path segment: with a `/`, `b/k` would address the object `k` of bucket `b` (DeleteBucket would delete it), and
  // escaping it as %2F is no cure (RGW decodes the path before splitting it).
  const bucket = member === "Bucket";
  if (typeof v !== "string" || v === "" || (bucket && v.includes("/"))) {
    throw new SdkError("InvalidParameter", `${member} must be a non-empty string${bucket ? " without /" : ""}`);
  }
  return v;
}

function address(r: Request, input: Record<string, unknown>, keyPath: string): void {
  const http = r.httpRequest;
  const bucket = stringMember(input, "Bucket");
  // ServiceClient put the endpoint's base path plus the operation's "/" there.
  const base = http.path.slice(0, -1);
  if (needsPathStyle(http.hostname, bucket, r.config.s3ForcePathStyle, http.protocol === "https:")) {
    http.path = `${base}/${encodeKey(bucket)}${keyPath}`;
  } else {
    http.hostname = `${bucket}.${http.hostname}`;
    if (http.headers.host) http.headers.host = `${bucket}.${http.headers.host}`;
    http.path = base + (keyPath || "/");
  }
}

/** `/Bucket`. */
export const bucketPath: Addressing = (r, input) => address(r, input, "");

/** `/Bucket/Key`, the key percent-encoded with its `/` kept. */
export const objectPath: Addressing = (r, input) => address(r, input, `/${encodeKey(stringMember(input, "Key"))}`);
