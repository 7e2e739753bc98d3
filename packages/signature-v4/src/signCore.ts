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
  UNSIGNABLE_HEADERS,
  UNSIGNED_PAYLOAD,
} from "./constants.js";
import { formatAmzDate } from "./formatAmzDate.js";
import { isPromiseLike } from "./isPromiseLike.js";
import type { SigningCrypto } from "./SigningCrypto.js";
import type { SigningDetails } from "./signHttpRequest.js";
import type { SigningKeyCache } from "./SigningKeyCache.js";

// SigV4's "trimall" over ASCII whitespace only (as Go v1 and the AWS SDK for JS do): CR/LF become spaces,
// runs of spaces and tabs become one space, the ends lose it. Unicode spaces are left alone.
const NEEDS_TRIM = /[\t\r\n]|^ | $| {2}/;

const canonicalValue = (value: string): string =>
  NEEDS_TRIM.test(value) ? value.replace(/[ \t\r\n]+/g, " ").replace(/^ | $/g, "") : value;

/** The `Host` value clients send: the port only when it is not the scheme's default. */
export function hostHeader(request: HttpRequest): string {
  const { hostname: h, port } = request;
  const host = h.includes(":") && h[0] !== "[" ? `[${h}]` : h;
  // The protocol with or without its colon (`https:` here, `https` in some callers' requests).
  const scheme = request.protocol;
  return port == null || port === (/^https:?$/.test(scheme) ? 443 : /^http:?$/.test(scheme) ? 80 : -1) ? host : `${host}:${port}`;
}

/**
 * One signature's inputs, resolved: `SignHttpRequestParams` under short names, because property names survive
 * minification and these are written by every caller and read on every signature.
 */
export interface SigningJob {
  /** Credentials. */
  readonly a: AwsCredentialIdentity;
  /** Region and service of the credential scope. */
  readonly r: string;
  readonly v: string;
  /** Signing time, ms since the epoch. */
  readonly t: number;
  /** `uriEscapePath`: encode the wire-form path once more (every service but S3). */
  readonly u: boolean;
  /** `normalizePath`. */
  readonly z: boolean;
  /** `applyChecksum`: header mode sends and signs `x-amz-content-sha256`. */
  readonly k: boolean;
  /** `unsignedPayload`. */
  readonly up: boolean;
  /** `signSessionToken`. */
  readonly st: boolean;
  readonly c: SigningCrypto;
  readonly kc: SigningKeyCache;
  /** `signableHeaders`, `unsignableHeaders` (lower case). */
  readonly sh?: ReadonlySet<string> | undefined;
  readonly uh?: ReadonlySet<string> | undefined;
  /** Presign: `expiresIn`; header mode when absent. */
  readonly x?: number | undefined;
  /** Presign: `hoistableHeaders`, `unhoistableHeaders`. */
  readonly hh?: ReadonlySet<string> | undefined;
  readonly nh?: ReadonlySet<string> | undefined;
}

function bodyHash(body: unknown, p: SigningJob): string | Promise<string> {
  const data =
    typeof body === "string" || body instanceof Uint8Array
      ? body
      : ArrayBuffer.isView(body)
        ? new Uint8Array(body.buffer, body.byteOffset, body.byteLength)
        : body instanceof ArrayBuffer
          ? new Uint8Array(body)
          : undefined;
  // No body hashes as empty; a stream cannot be hashed without consuming it.
  return body == null || data?.length === 0 ? EMPTY_SHA256 : data === undefined ? UNSIGNED_PAYLOAD : p.c.sha256Hex(data);
}

// One signature in progress (short names: they are not minified). `n` is the next step of `run`.
interface Draft {
  readonly q: HttpRequest;
  readonly p: SigningJob;
  /** `x-amz-date` value; its first 8 characters are the scope's date. */
  readonly d: string;
  readonly s: string;
  readonly h: Record<string, string>;
  /** Signed headers as flat [name, value, ...] pairs, names lower-cased. */
  readonly e: string[];
  /** A caller-provided `x-amz-content-sha256`. */
  readonly c: string | undefined;
  n: number;
  /** Canonical request, then string to sign. */
  cr: string;
  ss: string;
  sh: string;
}

const add = (d: Draft, name: string, value: string, canonical = value): void => {
  d.h[name] = value;
  d.e.push(name, canonical);
};

/** Adds the signing headers (header mode) and builds the canonical request. */
function canonicalize(d: Draft, payload: string): string {
  const { q: request, p, e: entries } = d;
  const token = p.a.sessionToken;
  const presign = p.x !== undefined;
  if (!presign) {
    add(d, AMZ_DATE, d.d);
    if (token && p.st) add(d, AMZ_SECURITY_TOKEN, token, canonicalValue(token));
    if (p.k && d.c === undefined) add(d, AMZ_CONTENT_SHA256, payload);
  }
  // Insertion sort of the pairs by name; stable, so equal names keep request order. A request has a
  // handful of headers: this beats Array#sort with a comparator and per-pair arrays.
  for (let i = 2; i < entries.length; i += 2) {
    const name = entries[i] as string;
    const value = entries[i + 1] as string;
    let j = i - 2;
    for (; j >= 0 && (entries[j] as string) > name; j -= 2) {
      entries[j + 2] = entries[j] as string;
      entries[j + 3] = entries[j + 1] as string;
    }
    entries[j + 2] = name;
    entries[j + 3] = value;
  }
  // Canonical headers; the same name under different spellings is merged with "," in request order.
  let headers = "";
  let signed = "";
  for (let i = 0; i < entries.length; i += 2) {
    const name = entries[i] as string;
    if (name === entries[i - 2]) headers = `${headers.slice(0, -1)},${entries[i + 1]}\n`;
    else {
      headers += `${name}:${entries[i + 1]}\n`;
      signed += `;${name}`;
    }
  }
  signed = signed.slice(1);
  d.sh = signed;
  if (presign) request.query["X-Amz-SignedHeaders"] = signed;
  return `${request.method}\n${canonicalPath(request.path, p.u, p.z)}\n${canonicalQuery(request.query)}\n${headers}\n${signed}\n${payload}`;
}

// The steps after the payload hash, each of which may get a promise (WebCrypto): the synchronous crypto
// (node:crypto) runs straight through with no tick and no closure.
function run(d: Draft, v: unknown): SigningDetails | Promise<SigningDetails> {
  for (;;) {
    if (isPromiseLike(v)) return Promise.resolve(v).then((x) => run(d, x));
    const p = d.p;
    switch (d.n++) {
      case 0:
        d.cr = canonicalize(d, v as string);
        v = p.c.sha256Hex(d.cr);
        break;
      case 1:
        d.ss = `${ALGORITHM}\n${d.d}\n${d.s}\n${v}`;
        v = p.kc.get(p.c, p.a.secretAccessKey, d.d.slice(0, 8), p.r, p.v);
        break;
      case 2:
        v = p.c.hmacHex(v, d.ss);
        break;
      default: {
        // Header mode: the signature goes on the request (a presigned query gets it from `signHttpRequest`).
        const token = p.a.sessionToken;
        if (p.x === undefined) {
          d.h[AUTHORIZATION] = `${ALGORITHM} Credential=${p.a.accessKeyId}/${d.s}, SignedHeaders=${d.sh}, Signature=${v}`;
          if (token && !p.st) d.h[AMZ_SECURITY_TOKEN] = token;
        }
        return { canonicalRequest: d.cr, stringToSign: d.ss, signature: v as string };
      }
    }
  }
}

/**
 * The signature itself: {@link signHttpRequest} without the presign preparation (the `X-Amz-*` query
 * parameters other than `X-Amz-SignedHeaders`, and hoisting), which the pipeline's header signing never needs.
 * Throws synchronously on a bad signing time.
 */
export function signCore(request: HttpRequest, p: SigningJob): SigningDetails | Promise<SigningDetails> {
  const amzDate = formatAmzDate(p.t);
  const headers: Record<string, string> = {};
  const entries: string[] = [];
  const { sh: keep, uh: drop } = p;
  let contentSha: string | undefined;
  let hostSeen = false;
  // Headers are copied into a new object rather than edited: adding keys to an object built by a spread
  // is slow in V8, and deleting keys makes the next lookups slow. Earlier signing headers are dropped.
  const source = request.headers;
  for (const name in source) {
    const raw: unknown = source[name];
    if (raw == null) continue;
    const lower = name.toLowerCase();
    if (lower === AUTHORIZATION || lower === AMZ_DATE || lower === AMZ_SECURITY_TOKEN) continue;
    const text = typeof raw === "string" ? raw : String(raw);
    const value = canonicalValue(text);
    if (lower === AMZ_CONTENT_SHA256) {
      if (value === "") continue;
      contentSha = value;
    }
    headers[name] = text;
    // Signable: asked for, or neither unsignable (hop-by-hop and proxy-rewritten) nor proxy-* / sec-*.
    if (
      keep?.has(lower) ||
      !(UNSIGNABLE_HEADERS.has(lower) || drop?.has(lower) || lower.startsWith("proxy-") || lower.startsWith("sec-"))
    ) {
      hostSeen ||= lower === "host";
      entries.push(lower, value);
    }
  }
  request.headers = headers;
  if (!hostSeen) entries.push("host", hostHeader(request));
  const d: Draft = {
    q: request,
    p,
    d: amzDate,
    s: `${amzDate.slice(0, 8)}/${p.r}/${p.v}/aws4_request`,
    h: headers,
    e: entries,
    c: contentSha,
    n: 0,
    cr: "",
    ss: "",
    sh: "",
  };
  return run(d, contentSha ?? (p.up ? UNSIGNED_PAYLOAD : bodyHash(request.body, p)));
}
