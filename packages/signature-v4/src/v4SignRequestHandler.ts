import type { CredentialsValue, NamedHandler, Request } from "@sessionkit/types";
import { defaultClockSkew, type ClockSkew } from "./ClockSkew.js";
import { defaultSigningCrypto } from "./defaultSigningCrypto.js";
import type { SigningCrypto } from "./SigningCrypto.js";
import { defaultSigningKeyCache, type SigningKeyCache } from "./SigningKeyCache.js";
import { signCore } from "./signCore.js";
import type { SigningDetails } from "./signHttpRequest.js";
import { wrapCredentialsFailure } from "./toCredentialsGetter.js";

/** `request.context` key: `true` signs the body as `UNSIGNED-PAYLOAD` (S3 streaming uploads, presigned flows). */
export const UNSIGNED_PAYLOAD_CONTEXT_KEY = "sigv4.unsignedPayload";

/** Go's `aws.LogDebugWithSigning`: log the canonical request and the string to sign. */
const LOG_DEBUG_WITH_SIGNING = 0x1001;

/**
 * `request.context` key of a {@link SigningLogger}: at `LogDebugWithSigning` the signer hands it what it signed.
 * `@sessionkit/handlers`' debug handlers (`addDebugHandlers`, which the session installs when its `logLevel`
 * is on) put one there that writes Go's `DEBUG: Request Signature:` block; the format lives there only, like
 * every other debug dump, so an app that never logs does not bundle it.
 */
export const SIGNING_LOGGER_CONTEXT_KEY = "sigv4.signingLogger";

/** Writes the `LogDebugWithSigning` lines of one signature (the session token is redacted by the logger). */
export type SigningLogger = (request: Request, details: SigningDetails, sessionToken: string | undefined) => void;

/** Options of {@link createV4SignRequestHandler}. */
export interface V4SignRequestHandlerOptions {
  /** Where skew offsets are read (default: the shared {@link defaultClockSkew}). */
  readonly clockSkew?: ClockSkew;
  readonly keyCache?: SigningKeyCache;
  readonly crypto?: SigningCrypto;
}

/**
 * Go's `v4.SignRequestHandler` for the `sign` phase: signs `request.httpRequest` in place with the
 * config's credentials, the client's signing name and region, and the config's clock plus the learned
 * skew for the endpoint. S3 (`signingName === "s3"`) gets S3's rules and `x-amz-content-sha256`.
 * Anonymous credentials (provider `AnonymousCredentials`, or an empty access key) leave it unsigned. At
 * `LogDebugWithSigning` it calls the {@link SigningLogger} on the request, if any (see
 * {@link SIGNING_LOGGER_CONTEXT_KEY}).
 */
export function createV4SignRequestHandler(options: V4SignRequestHandlerOptions = {}): NamedHandler {
  const skew = options.clockSkew ?? defaultClockSkew;
  const keyCache = options.keyCache ?? defaultSigningKeyCache;
  const crypto = options.crypto ?? defaultSigningCrypto;
  const fn = async (request: Request): Promise<void> => {
    const source = request.config.credentials;
    if (source.providerName === "AnonymousCredentials") return;
    let credentials: CredentialsValue;
    try {
      // The signal only matters while a refresh is awaited; reading it costs a request an AbortController.
      credentials = await (source.isExpired() ? source.get({ signal: request.signal }) : source.get());
    } catch (err) {
      throw wrapCredentialsFailure(err, `credentials provider ${source.providerName}`);
    }
    if (credentials.accessKeyId === "") return;
    const info = request.clientInfo;
    const s3 = info.signingName === "s3";
    const now = (request.config.clock ?? Date.now)();
    let details = signCore(request.httpRequest, {
      a: credentials,
      r: info.signingRegion || request.config.region,
      v: info.signingName,
      t: now + skew.offset(info.endpoint),
      u: !s3,
      z: !s3,
      k: s3,
      up: request.context.get(UNSIGNED_PAYLOAD_CONTEXT_KEY) === true,
      st: true,
      c: crypto,
      kc: keyCache,
    });
    if (details instanceof Promise) details = await details;
    request.signedAt = now;
    if (((request.config.logLevel ?? 0) & LOG_DEBUG_WITH_SIGNING) === LOG_DEBUG_WITH_SIGNING) {
      (request.context.get(SIGNING_LOGGER_CONTEXT_KEY) as SigningLogger | undefined)?.(request, details, credentials.sessionToken);
    }
  };
  return { name: "v4.SignRequestHandler", fn };
}

/** {@link createV4SignRequestHandler} with the shared skew offsets, key cache and default crypto. */
export const v4SignRequestHandler: NamedHandler = /* @__PURE__ */ createV4SignRequestHandler();

