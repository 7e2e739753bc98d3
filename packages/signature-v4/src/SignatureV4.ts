import type { Clock, CredentialsInput, HttpRequest } from "@sessionkit/types";
import type {
  AwsCredentialIdentity,
  DateInput,
  RequestPresigner,
  RequestPresigningArguments,
  RequestSigner,
  RequestSigningArguments,
} from "@smithy/types";
import { MAX_PRESIGN_SECONDS } from "./constants.js";
import { defaultSigningCrypto } from "./defaultSigningCrypto.js";
import { parseServerDate } from "./ClockSkew.js";
import type { SigningCrypto } from "./SigningCrypto.js";
import { SigningError } from "./SigningError.js";
import { defaultSigningKeyCache, type SigningKeyCache } from "./SigningKeyCache.js";
import type { SigningJob } from "./signCore.js";
import { type SigningDetails, signJob } from "./signHttpRequest.js";
import { type CredentialsGetter, toCredentialsGetter } from "./toCredentialsGetter.js";

/** Options of {@link SignatureV4}. */
export interface SignatureV4Options {
  /** Signing name of the service, e.g. `s3`, `sts`, `execute-api`. */
  readonly service: string;
  readonly region: string;
  /** A `Credentials` object (read with `get()`), a provider function, or static keys. */
  readonly credentials: CredentialsInput;
  /**
   * Encode the wire-form path once more when building the canonical URI (default `true`). `false` is S3's
   * rule: the path is encoded exactly once and never normalised.
   */
  readonly uriEscapePath?: boolean;
  /** Remove `.`/`..`/empty path segments (default: same as `uriEscapePath`). */
  readonly normalizePath?: boolean;
  /** Send and sign `x-amz-content-sha256` with header signing (default: `!uriEscapePath`, i.e. S3). */
  readonly applyChecksum?: boolean;
  /**
   * Sign `UNSIGNED-PAYLOAD` instead of the body's hash. Default: `false` for `sign()`; for `presign()` it is
   * `!uriEscapePath` (S3 presigned URLs never carry the body hash). Streams are always unsigned.
   */
  readonly unsignedPayload?: boolean;
  /** `false` adds the session token after signing, outside the signature (default `true`). */
  readonly signSessionToken?: boolean;
  /** Milliseconds since the epoch (default `Date.now`). */
  readonly clock?: Clock;
  /** Milliseconds added to the clock when signing; see {@link SignatureV4.correctClockSkew}. */
  readonly clockOffset?: number;
  /** SHA-256/HMAC implementation (default: `node:crypto` on Node, WebCrypto in browser builds). */
  readonly crypto?: SigningCrypto;
  /** Signing-key cache (default: the shared, bounded {@link defaultSigningKeyCache}). */
  readonly keyCache?: SigningKeyCache;
}

/**
 * A wrong expiry as the message shows it: a number as is, a string quoted with its type (`"600"` from plain
 * JavaScript would read as a fine 600), anything else by its type only (`String()` throws for some objects).
 */
function describe(v: unknown): string {
  return typeof v === "number" ? `${v}` : typeof v === "string" ? `${JSON.stringify(v)} (string)` : typeof v;
}

/** A signed or presigned request with the values that produced its signature. */
export interface SignedRequest extends SigningDetails {
  readonly request: HttpRequest;
}

const EMPTY: RequestSigningArguments = {};

// smithy's DateInput: a Date, epoch SECONDS, or a string Date can parse.
function toMillis(input: DateInput): number {
  if (input instanceof Date) return input.getTime();
  if (typeof input === "number") return input * 1000;
  return Date.parse(input);
}

function lowerSet(set: Set<string> | undefined): ReadonlySet<string> | undefined {
  if (set === undefined || set.size === 0) return undefined;
  for (const name of set) if (name !== name.toLowerCase()) return new Set([...set].map((n) => n.toLowerCase()));
  return set;
}

// Shallow, field by field (a literal of one shape is the cheapest copy): the signer replaces `headers`
// itself and only presigning writes to `query`.
function cloneRequest(r: HttpRequest, presign: boolean): HttpRequest {
  const copy: HttpRequest = {
    method: r.method,
    protocol: r.protocol,
    hostname: r.hostname,
    path: r.path,
    query: presign ? Object.assign({}, r.query) : r.query,
    headers: r.headers,
  };
  if (r.port !== undefined) copy.port = r.port;
  if (r.body !== undefined) copy.body = r.body;
  if (r.username !== undefined) copy.username = r.username;
  if (r.password !== undefined) copy.password = r.password;
  if (r.fragment !== undefined) copy.fragment = r.fragment;
  return copy;
}

/** The signed copy (`bare`) or it with the signing details; a promise only when signing was asynchronous. */
function settle(
  signed: HttpRequest,
  d: SigningDetails | Promise<SigningDetails>,
  bare: boolean,
): HttpRequest | SignedRequest | Promise<HttpRequest | SignedRequest> {
  if (d instanceof Promise) return d.then((x) => settle(signed, x, bare));
  // A literal, not a spread: spread-built objects are slow to create and to extend in V8.
  return bare ? signed : { request: signed, canonicalRequest: d.canonicalRequest, stringToSign: d.stringToSign, signature: d.signature };
}

/**
 * AWS Signature Version 4 for `HttpRequest`s: `sign()` adds the `Authorization` header, `presign()` makes
 * a URL that carries the signature in its query. Both return a new request and leave the argument alone.
 * Implements `@smithy/types`' `RequestSigner` and `RequestPresigner`.
 */
export class SignatureV4 implements RequestSigner, RequestPresigner {
  readonly service: string;
  readonly region: string;
  readonly uriEscapePath: boolean;
  readonly normalizePath: boolean;
  readonly applyChecksum: boolean;
  readonly signSessionToken: boolean;
  /** Milliseconds added to the clock when signing (server time − local time). */
  clockOffset: number;
  readonly #unsignedPayload: boolean | undefined;
  readonly #clock: Clock;
  readonly #crypto: SigningCrypto;
  readonly #keyCache: SigningKeyCache;
  readonly #credentials: CredentialsGetter;

  constructor(options: SignatureV4Options) {
    this.service = options.service;
    this.region = options.region;
    this.uriEscapePath = options.uriEscapePath ?? true;
    this.normalizePath = options.normalizePath ?? this.uriEscapePath;
    this.applyChecksum = options.applyChecksum ?? !this.uriEscapePath;
    this.signSessionToken = options.signSessionToken ?? true;
    this.clockOffset = options.clockOffset ?? 0;
    this.#unsignedPayload = options.unsignedPayload;
    this.#clock = options.clock ?? Date.now;
    this.#crypto = options.crypto ?? defaultSigningCrypto;
    this.#keyCache = options.keyCache ?? defaultSigningKeyCache;
    this.#credentials = toCredentialsGetter(options.credentials);
  }

  /** Signs a copy of `request` with the `Authorization` header. */
  sign(request: HttpRequest, options: RequestSigningArguments = EMPTY): Promise<HttpRequest> {
    return this.#signCopy(request, options, undefined, true);
  }

  /** Presigns a copy of `request`: the signature goes into the query (`X-Amz-Expires`: `expiresIn`, default 3600 s). */
  presign(request: HttpRequest, options: RequestPresigningArguments = EMPTY): Promise<HttpRequest> {
    return this.#signCopy(request, options, options, true);
  }

  /** {@link sign}, also returning the canonical request, the string to sign and the signature. */
  signWithDetails(request: HttpRequest, options: RequestSigningArguments = EMPTY): Promise<SignedRequest> {
    return this.#signCopy(request, options, undefined, false);
  }

  /** {@link presign}, also returning the canonical request, the string to sign and the signature. */
  presignWithDetails(request: HttpRequest, options: RequestPresigningArguments = EMPTY): Promise<SignedRequest> {
    return this.#signCopy(request, options, options, false);
  }

  // Not an async function: with static credentials and node:crypto everything is synchronous, and the one
  // promise made at the end is the only tick the caller pays.
  #signCopy(request: HttpRequest, options: RequestSigningArguments, presign: RequestPresigningArguments | undefined, bare: true): Promise<HttpRequest>;
  #signCopy(request: HttpRequest, options: RequestSigningArguments, presign: RequestPresigningArguments | undefined, bare: false): Promise<SignedRequest>;
  #signCopy(
    request: HttpRequest,
    options: RequestSigningArguments,
    presign: RequestPresigningArguments | undefined,
    bare: boolean,
  ): Promise<HttpRequest | SignedRequest> {
    const signed = cloneRequest(request, presign !== undefined);
    try {
      const params = this.#params(options, presign);
      if (params instanceof Promise) return params.then((p) => settle(signed, signJob(signed, p), bare));
      return Promise.resolve(settle(signed, signJob(signed, params), bare));
    } catch (err) {
      return Promise.reject(err);
    }
  }

  /**
   * Sets {@link clockOffset} from a server's `Date` (header value, `Date` or ms), so later signatures use
   * the server's time. Returns the new offset, or `undefined` when the date cannot be read.
   */
  correctClockSkew(serverDate: string | number | Date): number | undefined {
    const server = parseServerDate(serverDate);
    if (!Number.isFinite(server)) return undefined;
    this.clockOffset = server - this.#clock();
    return this.clockOffset;
  }

  // Credentials, time and flags for one signature; synchronous unless the credentials are a provider.
  #params(
    options: RequestSigningArguments,
    presign: RequestPresigningArguments | undefined,
  ): SigningJob | Promise<SigningJob> {
    let expiresIn: number | undefined;
    if (presign !== undefined) {
      expiresIn = presign.expiresIn ?? 3600;
      if (!Number.isInteger(expiresIn) || expiresIn < 1 || expiresIn > MAX_PRESIGN_SECONDS) {
        return Promise.reject(
          new SigningError(
            "InvalidPresignExpireError",
            `presigned URL expiry must be a whole number of seconds from 1 to ${MAX_PRESIGN_SECONDS} (7 days), got ${describe(expiresIn)}`,
          ),
        );
      }
    }
    const time = options.signingDate === undefined ? this.#clock() + this.clockOffset : toMillis(options.signingDate);
    const credentials = this.#credentials();
    if (credentials instanceof Promise) return credentials.then((c) => this.#build(c, time, options, presign, expiresIn));
    return this.#build(credentials, time, options, presign, expiresIn);
  }

  #build(
    credentials: AwsCredentialIdentity,
    time: number,
    options: RequestSigningArguments,
    presign: RequestPresigningArguments | undefined,
    expiresIn: number | undefined,
  ): SigningJob {
    return {
      a: credentials,
      r: options.signingRegion ?? this.region,
      v: options.signingService ?? this.service,
      t: time,
      u: this.uriEscapePath,
      z: this.normalizePath,
      k: this.applyChecksum,
      up: this.#unsignedPayload ?? (presign !== undefined && !this.uriEscapePath),
      st: this.signSessionToken,
      c: this.#crypto,
      kc: this.#keyCache,
      sh: lowerSet(options.signableHeaders),
      uh: lowerSet(options.unsignableHeaders),
      x: expiresIn,
      hh: presign === undefined ? undefined : lowerSet(presign.hoistableHeaders),
      nh: presign === undefined ? undefined : lowerSet(presign.unhoistableHeaders),
    };
  }
}
