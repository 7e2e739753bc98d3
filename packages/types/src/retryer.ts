import type { Request } from "./request.js";

/** Go's `request.Retryer`: decides whether and when a failed attempt is tried again. */
export interface Retryer {
  /** Retries allowed after the first attempt. */
  readonly maxRetries: number;
  shouldRetry(request: Request): boolean;
  /** Milliseconds to wait before the next attempt. */
  retryDelay(request: Request): number;
}
