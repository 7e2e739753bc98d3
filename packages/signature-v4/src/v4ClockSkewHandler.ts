import type { NamedHandler, Request } from "@sessionkit/types";
import { defaultClockSkew, isClockSkewError, parseServerDate, type ClockSkew } from "./ClockSkew.js";

/** `request.context` key set once the skew handler has asked for its one retry. */
export const CLOCK_SKEW_RETRIED_CONTEXT_KEY = "sigv4.clockSkewRetried";

/** Options of {@link createV4ClockSkewHandler}. */
export interface V4ClockSkewHandlerOptions {
  /** Where offsets are stored (default: the shared {@link defaultClockSkew}); use the sign handler's. */
  readonly clockSkew?: ClockSkew;
}

/**
 * For the `retry` phase: when the attempt failed because the signing time was rejected
 * (`RequestTimeTooSkewed`, `RequestExpired`, `RequestInTheFuture`; `SignatureDoesNotMatch`,
 * `InvalidSignatureException` or `AuthFailure` when the server's clock is more than 5 minutes away) and
 * the response has a `Date` header, it stores `server − local` for the client's endpoint and marks the
 * request retryable, once per request. The next attempt is then signed with the corrected time.
 */
export function createV4ClockSkewHandler(options: V4ClockSkewHandlerOptions = {}): NamedHandler {
  const skew = options.clockSkew ?? defaultClockSkew;
  const fn = (request: Request): void => {
    // The retry phase runs after a failed attempt only: no early return for a missing error.
    const headers = request.httpResponse?.headers;
    // Transports give lower-case names (fetch, node:http, ours); a hand-made response may say `Date`.
    const date = headers?.date ?? headers?.Date;
    const endpoint = request.clientInfo.endpoint;
    const now = (request.config.clock ?? Date.now)();
    // How far the time we signed with was from the server's; without a readable Date, `update` learns nothing and
    // says so (undefined): nothing to retry.
    const off = parseServerDate(date) - now - skew.offset(endpoint);
    if (!isClockSkewError(request.error?.code, off) || skew.update(endpoint, date, now) === undefined) return;
    if (request.context.get(CLOCK_SKEW_RETRIED_CONTEXT_KEY) === true) return;
    request.context.set(CLOCK_SKEW_RETRIED_CONTEXT_KEY, true);
    request.retryable = true;
  };
  return { name: "v4.ClockSkewHandler", fn };
}

/** {@link createV4ClockSkewHandler} with the shared offsets (the ones {@link v4SignRequestHandler} reads). */
export const v4ClockSkewHandler: NamedHandler = /* @__PURE__ */ createV4ClockSkewHandler();
