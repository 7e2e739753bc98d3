import type { HttpRequest } from "@sessionkit/types";
import type { AwsCredentialIdentity } from "@smithy/types";
import { ALGORITHM, AMZ_CONTENT_SHA256, AMZ_DATE, AMZ_SECURITY_TOKEN, AUTHORIZATION, Q_SECURITY_TOKEN } from "./constants.js";
import { formatAmzDate } from "./formatAmzDate.js";
import { isPromiseLike } from "./isPromiseLike.js";
import { type SigningJob, signCore } from "./signCore.js";
import type { SigningCrypto } from "./SigningCrypto.js";
import type { SigningKeyCache } from "./SigningKeyCache.js";

export { hostHeader } from "./signCore.js";

/** Everything one signature needs, already resolved (no providers, no defaults). */
export interface SignHttpRequestParams {
  readonly credentials: AwsCredentialIdentity;
  readonly region: string;
  readonly service: string;
  /** Signing time in milliseconds since the epoch (clock plus skew correction). */
  readonly time: number;
  /** Encode the wire-form path once more (every service but S3). */
  readonly uriEscapePath: boolean;
  /** Remove dot and empty path segments (every service but S3). */
  readonly normalizePath: boolean;
  /** Header mode: send and sign `x-amz-content-sha256` (S3). */
  readonly applyChecksum: boolean;
  /** Sign `UNSIGNED-PAYLOAD` instead of the body's hash. */
  readonly unsignedPayload: boolean;
  /** False: the session token is added after signing, outside the signature (some services want that). */
  readonly signSessionToken: boolean;
  readonly crypto: SigningCrypto;
  readonly keyCache: SigningKeyCache;
  /** Lower-case names never to sign. */
  readonly unsignableHeaders?: ReadonlySet<string> | undefined;
  /** Lower-case names to sign even if unsignable. */
  readonly signableHeaders?: ReadonlySet<string> | undefined;
  /** Presign: seconds the URL stays valid. Absent: sign with the `Authorization` header. */
  readonly expiresIn?: number | undefined;
  /** Presign: `x-amz-*` headers (lower case) to keep as headers instead of moving them to the query. */
  readonly unhoistableHeaders?: ReadonlySet<string> | undefined;
  /** Presign: other headers (lower case) to move to the query. */
  readonly hoistableHeaders?: ReadonlySet<string> | undefined;
}

/** The intermediate values of one signature (Go logs them at `LogDebugWithSigning`). */
export interface SigningDetails {
  readonly canonicalRequest: string;
  readonly stringToSign: string;
  readonly signature: string;
}

// Presigning's preparation: hoists headers into the query and sets the `X-Amz-*` parameters the signature
// covers (the core adds `X-Amz-SignedHeaders` and `X-Amz-Signature`).
function presignQuery(request: HttpRequest, p: SigningJob): void {
  const amzDate = formatAmzDate(p.t);
  request.query ??= {};
  const query = request.query;
  const headers: Record<string, string> = {};
  for (const name in request.headers) {
    const raw: unknown = request.headers[name];
    const lower = name.toLowerCase();
    // The signing headers are dropped by the core; everything else `x-amz-*` travels in the query.
    if (
      raw != null &&
      lower !== AUTHORIZATION &&
      lower !== AMZ_DATE &&
      lower !== AMZ_SECURITY_TOKEN &&
      lower !== AMZ_CONTENT_SHA256 &&
      (p.hh?.has(lower) || (lower.startsWith("x-amz-") && !p.nh?.has(lower)))
    ) {
      query[name] = typeof raw === "string" ? raw : String(raw);
    } else headers[name] = raw as string;
  }
  request.headers = headers;
  delete query["X-Amz-Signature"];
  delete query[Q_SECURITY_TOKEN];
  query["X-Amz-Algorithm"] = ALGORITHM;
  query["X-Amz-Credential"] = `${p.a.accessKeyId}/${amzDate.slice(0, 8)}/${p.r}/${p.v}/aws4_request`;
  query["X-Amz-Date"] = amzDate;
  query["X-Amz-Expires"] = String(p.x);
  const token = p.a.sessionToken;
  if (token && p.st) query[Q_SECURITY_TOKEN] = token;
}

// The core signs headers only; a presigned URL's signature (and a token left out of it) go on the query here.
// (Its own function: a closure in signHttpRequest would cost every header signature a context allocation.)
function presign(request: HttpRequest, p: SigningJob): SigningDetails | Promise<SigningDetails> {
  presignQuery(request, p);
  const query = request.query;
  const token = p.a.sessionToken;
  const done = (details: SigningDetails): SigningDetails => {
    query["X-Amz-Signature"] = details.signature;
    if (token && !p.st) query[Q_SECURITY_TOKEN] = token;
    return details;
  };
  const signed = signCore(request, p);
  return isPromiseLike(signed) ? Promise.resolve(signed).then(done) : done(signed);
}

/**
 * Signs `request` in place: with the `Authorization` header, or (with `expiresIn`) as a presigned URL whose
 * `X-Amz-*` parameters go into `request.query`. `request.headers` is replaced by a new object holding the
 * signed headers; earlier signing headers and parameters are dropped, so a retry re-signs the same request.
 * The `host` header is signed from `hostname`/`port` when absent (and not added: transports derive the same
 * value).
 *
 * Synchronous when the crypto is (Node): the result is then a value, not a promise, and the caller pays no
 * tick; with WebCrypto it is a promise.
 */
export function signHttpRequest(request: HttpRequest, p: SignHttpRequestParams): SigningDetails | Promise<SigningDetails> {
  return signJob(request, {
    a: p.credentials,
    r: p.region,
    v: p.service,
    t: p.time,
    u: p.uriEscapePath,
    z: p.normalizePath,
    k: p.applyChecksum,
    up: p.unsignedPayload,
    st: p.signSessionToken,
    c: p.crypto,
    kc: p.keyCache,
    sh: p.signableHeaders,
    uh: p.unsignableHeaders,
    x: p.expiresIn,
    hh: p.hoistableHeaders,
    nh: p.unhoistableHeaders,
  });
}

/** {@link signHttpRequest} for a {@link SigningJob} (what `SignatureV4` builds). */
export function signJob(request: HttpRequest, job: SigningJob): SigningDetails | Promise<SigningDetails> {
  try {
    return job.x === undefined ? signCore(request, job) : presign(request, job);
  } catch (err) {
    // Errors travel as rejections, also from the synchronous path (e.g. InvalidSigningDate).
    return Promise.reject(err);
  }
}
