import type { Request, Retryer, SdkErrorShape } from "@sessionkit/types";

/** Error codes Go retries (`retryableCodes`), before throttling and expired-credential codes. */
const RETRYABLE_CODES: ReadonlySet<string> = new Set([
  "RequestError",
  "RequestTimeout",
  "ResponseTimeout",
  "RequestTimeoutException",
  "ResponseLengthMismatch",
]);

/** Go's `throttleCodes`, plus S3's `SlowDown`. */
const THROTTLE_CODES: ReadonlySet<string> = new Set([
  "ProvisionedThroughputExceededException",
  "ThrottledException",
  "Throttling",
  "ThrottlingException",
  "RequestLimitExceeded",
  "RequestThrottled",
  "RequestThrottledException",
  "TooManyRequestsException",
  "PriorRequestNotComplete",
  "TransactionInProgressException",
  "EC2ThrottledException",
  "SlowDown",
]);

/** Go's `credsExpiredCodes`. */
const EXPIRED_CREDS_CODES: ReadonlySet<string> = new Set(["ExpiredToken", "ExpiredTokenException", "RequestExpired"]);

/** True when the error says the credentials the request was signed with have expired. */
export function isErrorExpiredCreds(error: SdkErrorShape | undefined): boolean {
  return error !== undefined && EXPIRED_CREDS_CODES.has(error.code);
}

/** Go's `Request.IsErrorThrottle`: a throttling code, or a 429/502/503/504 response. */
export function isErrorThrottle(request: Request): boolean {
  const error = request.error;
  if (error !== undefined && THROTTLE_CODES.has(error.code)) return true;
  const status = request.httpResponse?.statusCode ?? error?.statusCode;
  return status === 429 || status === 502 || status === 503 || status === 504;
}

/** Go's `Request.IsErrorRetryable`: retryable codes, expired credentials, and 5xx other than 501. */
export function isErrorRetryable(request: Request): boolean {
  const error = request.error;
  if (error === undefined) return false;
  if (RETRYABLE_CODES.has(error.code) || EXPIRED_CREDS_CODES.has(error.code)) return true;
  const status = request.httpResponse?.statusCode ?? error.statusCode;
  return status !== undefined && status >= 500 && status !== 501;
}

/** Options of {@link DefaultRetryer}; the defaults are Go's. */
export interface DefaultRetryerOptions {
  /** Retries after the first attempt (default 3). */
  readonly maxRetries?: number;
  /** Base delay for ordinary errors (default 30 ms). */
  readonly minRetryDelayMs?: number;
  /** Base delay for throttling errors (default 500 ms). */
  readonly minThrottleDelayMs?: number;
  /** Cap for ordinary errors (default 300 s). */
  readonly maxRetryDelayMs?: number;
  /** Cap for throttling errors (default 300 s). */
  readonly maxThrottleDelayMs?: number;
  /** A number in [0, 1); injectable so tests get exact delays (default `Math.random`). */
  readonly random?: () => number;
}

export const DEFAULT_MAX_RETRIES = 3;

/**
 * Go's `client.DefaultRetryer`: retries connection errors, timeouts, 5xx (not 501), throttling and
 * expired-credential errors; the delay is `2^retryCount × jitter(base)` where `jitter(d)` is uniform in
 * `[d, 2d)`, capped at `jitter(max / 2)`, plus any `Retry-After` seconds of a throttled 429/503.
 */
export class DefaultRetryer implements Retryer {
  readonly maxRetries: number;
  readonly #minRetryDelay: number;
  readonly #minThrottleDelay: number;
  readonly #maxRetryDelay: number;
  readonly #maxThrottleDelay: number;
  readonly #random: () => number;

  constructor(options: DefaultRetryerOptions = {}) {
    const max = options.maxRetries;
    this.maxRetries = max === undefined || max < 0 ? DEFAULT_MAX_RETRIES : max;
    this.#minRetryDelay = options.minRetryDelayMs ?? 30;
    this.#minThrottleDelay = options.minThrottleDelayMs ?? 500;
    this.#maxRetryDelay = options.maxRetryDelayMs ?? 300_000;
    this.#maxThrottleDelay = options.maxThrottleDelayMs ?? 300_000;
    this.#random = options.random ?? Math.random;
  }

  shouldRetry(request: Request): boolean {
    if (this.maxRetries === 0) return false;
    if (request.retryable !== undefined) return request.retryable;
    // An error that says what it is (a transport error, a cancel) beats the code tables.
    const flagged = request.error?.retryable;
    if (flagged !== undefined) return flagged;
    return isErrorRetryable(request) || isErrorThrottle(request);
  }

  retryDelay(request: Request): number {
    const throttle = isErrorThrottle(request);
    const min = throttle ? this.#minThrottleDelay : this.#minRetryDelay;
    const max = throttle ? this.#maxThrottleDelay : this.#maxRetryDelay;
    const initial = throttle ? retryAfterMs(request) : 0;
    // 2^retryCount overflows nothing in JS below 1024, but the cap applies long before.
    let delay = 2 ** Math.min(request.retryCount, 62) * this.#jitter(min);
    if (delay > max) delay = this.#jitter(max / 2);
    return Math.floor(delay + initial);
  }

  #jitter(ms: number): number {
    return ms + this.#random() * ms;
  }
}

/** Seconds from a `Retry-After` header of a 429 or 503 response, in ms (Go's `getRetryAfterDelay`). */
function retryAfterMs(request: Request): number {
  const response = request.httpResponse;
  if (response === undefined || (response.statusCode !== 429 && response.statusCode !== 503)) return 0;
  const value = response.headers["retry-after"];
  if (value === undefined || !/^\d+$/.test(value.trim())) return 0;
  return Number(value.trim()) * 1000;
}

const byMaxRetries = new Map<number, DefaultRetryer>();

/** The retryer a request uses: `config.retryer`, else a shared `DefaultRetryer` for `config.maxRetries`. */
export function retryerFor(request: Request): Retryer {
  const configured = request.config.retryer;
  if (configured !== undefined) return configured;
  const max = request.config.maxRetries < 0 ? DEFAULT_MAX_RETRIES : request.config.maxRetries;
  let retryer = byMaxRetries.get(max);
  if (retryer === undefined) {
    // A documented cache: one immutable retryer per distinct maxRetries value.
    retryer = new DefaultRetryer({ maxRetries: max });
    byMaxRetries.set(max, retryer);
  }
  return retryer;
}
