import type { HttpRequest } from "@sessionkit/types";
import type { AwsCredentialIdentity } from "@smithy/types";
import { canonicalPath } from "./canonicalPath.js";
import { canonicalQuery } from "./canonicalQuery.js";
import {
  ALGORITHM,
  AMZ_CONTENT_SHA256,
  AMZ_DATE,
  AMZ_SECURITY_TOKEN,
  AUTHORIZATION,
  EMPTY_SHA256,
  Q_SECURITY_TOKEN,
  Q_SIGNATURE,
  UNSIGNABLE_HEADERS,
  UNSIGNED_PAYLOAD,
} from "./constants.js";
import { formatAmzDate } from "./formatAmzDate.js";
import { isPromiseLike } from "./isPromiseLike.js";
import type { SigningCrypto } from "./SigningCrypto.js";
import type { SigningKeyCache } from "./SigningKeyCache.js";

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

// SigV4's "trimall" over ASCII whitespace only (as Go v1 and the AWS SDK for JS do): CR/LF become spaces,
// runs of spaces and tabs become one space, the ends lose it. Unicode spaces are left alone.
const NEEDS_TRIM = /[\t\r\n]|^ | $| {2}/;

function canonicalValue(value: string): string {
  return NEEDS_TRIM.test(value) ? value.replace(/[\r\n]/g, " ").replace(/[ \t]+/g, " ").replace(/^ | $/g, "") : value;
}

// Insertion sort of [name, value, name, value, ...] by name; stable, so equal names keep request order.
// A request has a handful of headers: this beats Array#sort with a comparator and per-pair arrays.
function sortPairs(pairs: string[]): void {
  for (let i = 2; i < pairs.length; i += 2) {
    const name = pairs[i] as string;
    const value = pairs[i + 1] as string;
    let j = i - 2;
    for (; j >= 0 && (pairs[j] as string) > name; j -= 2) {
      pairs[j + 2] = pairs[j] as string;
      pairs[j + 3] = pairs[j + 1] as string;
    }
    pairs[j + 2] = name;
    pairs[j + 3] = value;
  }
}

/** The `Host` value clients send: the port only when it is not the scheme's default. */
export function hostHeader(request: HttpRequest): string {
  const host = request.hostname.includes(":") && !request.hostname.startsWith("[") ? `[${request.hostname}]` : request.hostname;
  const port = request.port;
  const scheme = (request.protocol ?? "").replace(/:$/, "");
  return port == null || (port === 443 && scheme === "https") || (port === 80 && scheme === "http") ? host : `${host}:${port}`;
}

function bodyHash(body: unknown, crypto: SigningCrypto): string | Promise<string> {
  if (body == null) return EMPTY_SHA256;
  if (typeof body === "string" || body instanceof Uint8Array) return body.length === 0 ? EMPTY_SHA256 : crypto.sha256Hex(body);
  if (ArrayBuffer.isView(body)) return crypto.sha256Hex(new Uint8Array(body.buffer, body.byteOffset, body.byteLength));
  if (body instanceof ArrayBuffer) return crypto.sha256Hex(new Uint8Array(body));
  // A stream cannot be hashed without consuming it.
  return UNSIGNED_PAYLOAD;
}

/** One signature in progress: what the synchronous steps computed, for the steps that may have to wait. */
class Draft {
  readonly request: HttpRequest;
  readonly p: SignHttpRequestParams;
  readonly amzDate: string;
  readonly shortDate: string;
  readonly scope: string;
  readonly token: string | undefined;
  readonly presign: boolean;
  readonly headers: Record<string, string> = {};
  /** Signed headers as flat [name, value, ...] pairs, names lower-cased. */
  readonly entries: string[] = [];
  contentSha: string | undefined = undefined;
  signedHeaders = "";
  canonicalRequest = "";
  stringToSign = "";

  /** Copies the headers (dropping old signing headers, hoisting for presign) and picks the signed ones. */
  constructor(request: HttpRequest, p: SignHttpRequestParams) {
    this.request = request;
    this.p = p;
    const presign = p.expiresIn !== undefined;
    this.presign = presign;
    this.amzDate = formatAmzDate(p.time);
    this.shortDate = this.amzDate.slice(0, 8);
    this.scope = `${this.shortDate}/${p.region}/${p.service}/aws4_request`;
    this.token = p.credentials.sessionToken || undefined;
    const { headers, entries } = this;
    // Headers are copied into a new object rather than edited: adding keys to an object built by a spread
    // is slow in V8, and deleting keys makes the next lookups slow.
    const source = request.headers;
    if (presign) request.query ??= {};
    let hostSeen = false;
    for (const name in source) {
      const raw: unknown = source[name];
      if (raw == null) continue;
      const lower = name.toLowerCase();
      if (lower === AUTHORIZATION || lower === AMZ_DATE || lower === AMZ_SECURITY_TOKEN) continue;
      const text = typeof raw === "string" ? raw : String(raw);
      const value = canonicalValue(text);
      if (lower === AMZ_CONTENT_SHA256) {
        if (value === "") continue;
        this.contentSha = value;
      } else if (presign && (p.hoistableHeaders?.has(lower) || (lower.startsWith("x-amz-") && !p.unhoistableHeaders?.has(lower)))) {
        request.query[name] = text;
        continue;
      }
      headers[name] = text;
      // Signable: asked for, or neither unsignable (hop-by-hop and proxy-rewritten) nor proxy-* / sec-*.
      if (
        !p.signableHeaders?.has(lower) &&
        (UNSIGNABLE_HEADERS.has(lower) || p.unsignableHeaders?.has(lower) || lower.startsWith("proxy-") || lower.startsWith("sec-"))
      ) {
        continue;
      }
      hostSeen ||= lower === "host";
      entries.push(lower, value);
    }
    request.headers = headers;
    if (!hostSeen) entries.push("host", hostHeader(request));
  }

  payloadHash(): string | Promise<string> {
    return this.contentSha ?? (this.p.unsignedPayload ? UNSIGNED_PAYLOAD : bodyHash(this.request.body, this.p.crypto));
  }

  /** Adds the signing headers or query parameters and builds the canonical request. */
  canonicalize(payload: string): string {
    const { request, p, presign, entries, amzDate, token } = this;
    if (!presign) {
      this.#add(AMZ_DATE, amzDate, amzDate);
      if (token !== undefined && p.signSessionToken) this.#add(AMZ_SECURITY_TOKEN, token, canonicalValue(token));
      if (p.applyChecksum && this.contentSha === undefined) this.#add(AMZ_CONTENT_SHA256, payload, payload);
    }
    sortPairs(entries);
    // Canonical headers; the same name under different spellings is merged with "," in request order.
    let canonicalHeaders = "";
    let signedHeaders = "";
    for (let i = 0; i < entries.length; i += 2) {
      const name = entries[i] as string;
      if (name === entries[i - 2]) canonicalHeaders = `${canonicalHeaders.slice(0, -1)},${entries[i + 1]}\n`;
      else {
        canonicalHeaders += `${name}:${entries[i + 1]}\n`;
        signedHeaders += `;${name}`;
      }
    }
    signedHeaders = signedHeaders.slice(1);
    this.signedHeaders = signedHeaders;
    const query = request.query;
    if (presign) {
      delete query[Q_SIGNATURE];
      delete query[Q_SECURITY_TOKEN];
      query["X-Amz-Algorithm"] = ALGORITHM;
      query["X-Amz-Credential"] = `${p.credentials.accessKeyId}/${this.scope}`;
      query["X-Amz-Date"] = amzDate;
      query["X-Amz-Expires"] = String(p.expiresIn);
      if (token !== undefined && p.signSessionToken) query[Q_SECURITY_TOKEN] = token;
      query["X-Amz-SignedHeaders"] = signedHeaders;
    }
    this.canonicalRequest = `${request.method}\n${canonicalPath(request.path, p.uriEscapePath, p.normalizePath)}\n${canonicalQuery(query)}\n${canonicalHeaders}\n${signedHeaders}\n${payload}`;
    return this.canonicalRequest;
  }

  #add(name: string, value: string, canonical: string): void {
    this.headers[name] = value;
    this.entries.push(name, canonical);
  }

  setHash(hash: string): string {
    this.stringToSign = `${ALGORITHM}\n${this.amzDate}\n${this.scope}\n${hash}`;
    return this.stringToSign;
  }

  signingKey(): unknown {
    const p = this.p;
    return p.keyCache.get(p.crypto, p.credentials.secretAccessKey, this.shortDate, p.region, p.service);
  }

  /** Puts the signature on the request. */
  finish(signature: string): SigningDetails {
    const { request, p, token } = this;
    const unsignedToken = token !== undefined && !p.signSessionToken;
    if (this.presign) {
      request.query[Q_SIGNATURE] = signature;
      if (unsignedToken) request.query[Q_SECURITY_TOKEN] = token;
    } else {
      this.headers[AUTHORIZATION] =
        `${ALGORITHM} Credential=${p.credentials.accessKeyId}/${this.scope}, SignedHeaders=${this.signedHeaders}, Signature=${signature}`;
      if (unsignedToken) this.headers[AMZ_SECURITY_TOKEN] = token;
    }
    return { canonicalRequest: this.canonicalRequest, stringToSign: this.stringToSign, signature };
  }
}

// The path for hashes that arrive as promises (WebCrypto), resuming after the canonical request.
async function finishAsync(d: Draft, hash: string | Promise<string>): Promise<SigningDetails> {
  const stringToSign = d.setHash(await hash);
  return d.finish(await d.p.crypto.hmacHex(await d.signingKey(), stringToSign));
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
  try {
    const d = new Draft(request, p);
    const payload = d.payloadHash();
    if (typeof payload !== "string") return payload.then((h) => finishAsync(d, p.crypto.sha256Hex(d.canonicalize(h))));
    const hash = p.crypto.sha256Hex(d.canonicalize(payload));
    if (typeof hash !== "string") return finishAsync(d, hash);
    const stringToSign = d.setHash(hash);
    const key = d.signingKey();
    if (isPromiseLike(key)) return finishAsync(d, hash);
    const signature = p.crypto.hmacHex(key, stringToSign);
    return typeof signature === "string" ? d.finish(signature) : signature.then((sig) => d.finish(sig));
  } catch (err) {
    // Errors travel as rejections, also from the synchronous path (e.g. InvalidSigningDate).
    return Promise.reject(err);
  }
}
