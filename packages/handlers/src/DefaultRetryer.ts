import type { Request, Retryer, SdkErrorShape } from "@sessionkit/types";

/** Error codes Go retries (`retryableCodes`), before throttling and expired-credential codes. */
// RequestError, RequestTimeout, RequestTimeoutException, ResponseTimeout, ResponseLengthMismatch.
const RETRYABLE_CODES = /^(Request(Error|Timeout(Exception)?)|Response(Timeout|LengthMismatch))$/;
/** Go's `throttleCodes`, plus S3's `SlowDown`. */
// ProvisionedThroughputExceededException, TooManyRequestsException, TransactionInProgressException,
// ThrottledException, EC2ThrottledException, RequestThrottledException, ThrottlingException, Throttling,
// RequestLimitExceeded, RequestThrottled, PriorRequestNotComplete, SlowDown.
const THROTTLE_CODES =
  /^((ProvisionedThroughputExceeded|TooManyRequests|TransactionInProgress|(EC2|Request)?Throttled|Throttling)Exception|Throttling|RequestLimitExceeded|RequestThrottled|PriorRequestNotComplete|SlowDown)$/;
/** Go's `credsExpiredCodes`. */
const EXPIRED_CREDS_CODES = /^(ExpiredToken(Exception)?|RequestExpired)$/;

/** True when the error says the credentials the request was signed with have expired. */
export function isErrorExpiredCreds(error: SdkErrorShape | undefined): boolean {
  // No code never matches: the tables have no empty entry.
  return EXPIRED_CREDS_CODES.test(error?.code ?? "");
}

/** The response's status, else the error's, else 0. */
const statusOf = (request: Request): number => request.httpResponse?.statusCode ?? request.error?.statusCode ?? 0;

/** Go's `Request.IsErrorThrottle`: a throttling code, or a 429/502/503/504 response. */
export function isErrorThrottle(request: Request): boolean {
  return THROTTLE_CODES.test(request.error?.code ?? "") || [429, 502, 503, 504].includes(statusOf(request));
}

/** Go's `Request.IsErrorRetryable`: retryable codes, expired credentials, and 5xx other than 501. */
export function isErrorRetryable(request: Request): boolean {
  const error = request.error;
  const status = statusOf(request);
  return error !== undefined && (RETRYABLE_CODES.test(error.code) || isErrorExpiredCreds(error) || (status >= 500 && status !== 501));
}

/** Options of {@link DefaultRetryer}; the defaults are Go's. */
export interface DefaultRetryerOptions {
  /** Retries after the first attempt (default 3; negative or NaN means the default). */
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
 * `[d, 2d)`, capped at `jitter(max / 2)`, plus any `Retry-After` seconds of a throttled 429/503 (at most `max`).
 */
export class DefaultRetryer implements Retryer {
  declare readonly maxRetries: number;
  /** [min, max] delay for ordinary errors, then for throttling errors. */
  readonly #d: readonly (readonly [number, number])[];
  readonly #random: (() => number) | undefined;

  constructor(options: DefaultRetryerOptions = {}) {
    const max = options.maxRetries ?? -1;
    // Negative means the default, and so does NaN (a parse of an unset variable): it would never stop retrying.
    this.maxRetries = max >= 0 ? max : DEFAULT_MAX_RETRIES;
    this.#d = [
      [options.minRetryDelayMs ?? 30, options.maxRetryDelayMs ?? 300_000],
      [options.minThrottleDelayMs ?? 500, options.maxThrottleDelayMs ?? 300_000],
    ];
    this.#random = options.random;
  }

  shouldRetry(request: Request): boolean {
    if (this.maxRetries === 0) return false;
    // A retry handler's decision, then an error that says what it is (a transport error, a cancel), beat the tables.
    return request.retryable ?? request.error?.retryable ?? (isErrorRetryable(request) || isErrorThrottle(request));
  }

  retryDelay(request: Request): number {
    const throttle = isErrorThrottle(request);
    const [min, max] = this.#d[+throttle] as readonly [number, number];
    // Math.random is read at each call (not kept): a test may stub it after the shared retryer was made.
    const jitter = (ms: number): number => ms + (this.#random ?? Math.random)() * ms;
    // 2^retryCount overflows nothing in JS below 1024, but the cap applies long before.
    let delay = 2 ** Math.min(request.retryCount, 62) * jitter(min);
    if (delay > max) delay = jitter(max / 2);
    return Math.floor(delay + (throttle ? retryAfterMs(request, max) : 0));
  }
}

/**
 * Seconds from a `Retry-After` header of a 429 or 503 response, in ms (Go's `getRetryAfterDelay`), at most `max` (the
 * throttle cap): the server's number is not trusted with an unbounded wait (Go's own overflows past 292 years).
 */
function retryAfterMs(request: Request, max: number): number {
  const response = request.httpResponse;
  const value = response?.headers["retry-after"]?.trim() ?? "";
  return (response?.statusCode === 429 || response?.statusCode === 503) && /^\d+$/.test(value) ? Math.min(Number(value) * 1000, max) : 0;
}

const byMaxRetries = /* @__PURE__ */ new Map<number, Retryer>();

/** The retryer a request uses: `config.retryer`, else a shared `DefaultRetryer` for `config.maxRetries`. */
export function retryerFor(request: Request): Retryer {
  // Keyed by the configured value (the constructor maps any negative one to the default).
  const max = request.config.maxRetries ?? -1;
  let retryer = request.config.retryer ?? byMaxRetries.get(max);
  if (retryer === undefined) {
    // A documented cache: one immutable retryer per distinct maxRetries value.
    retryer = new DefaultRetryer({ maxRetries: max });
    byMaxRetries.set(max, retryer);
  }
  return retryer;
}
