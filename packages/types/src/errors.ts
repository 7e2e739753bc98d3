/**
 * The shape of every error sessionkit raises: an `Error` with Go's `awserr` code.
 * Service errors add the HTTP status and the request id.
 */
export interface SdkErrorShape extends Error {
  readonly code: string;
  /** HTTP status code, for errors that came from a response. */
  readonly statusCode?: number;
  /** The service's request id (`x-amz-request-id` / `RequestId`). */
  readonly requestId?: string;
  /** The operation that failed, e.g. `S3/GetObject`. */
  readonly operation?: string;
  /** Whether the retryer may try again. */
  readonly retryable?: boolean;
}
