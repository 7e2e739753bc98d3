import { SdkError, type SdkErrorOptions } from "@sessionkit/errors";

// Same codes as @sessionkit/handlers: the retryer classifies by `code`, so match errors with
// `isSdkError(err, "RequestError")` rather than by class.

/** The call was aborted through its `AbortSignal`. */
export class RequestCanceled extends SdkError {
  constructor(message = "request context canceled", options: SdkErrorOptions = {}) {
    super("RequestCanceled", message, { retryable: false, ...options });
  }
}

/** The connection failed (refused, reset, DNS, TLS) or broke mid-response; retryable. */
export class RequestError extends SdkError {
  constructor(message: string, options: SdkErrorOptions = {}) {
    super("RequestError", message, { retryable: true, ...options });
  }
}

/** No response headers within the per-attempt timeout; retryable. */
export class ResponseTimeout extends SdkError {
  constructor(message: string, options: SdkErrorOptions = {}) {
    super("ResponseTimeout", message, { retryable: true, ...options });
  }
}

/** The response body ended with a byte count other than its `content-length`; retryable. */
export class ResponseLengthMismatch extends SdkError {
  constructor(expected: number, received: number, options: SdkErrorOptions = {}) {
    super("ResponseLengthMismatch", `response body has ${received} bytes, content-length said ${expected}`, {
      retryable: true,
      ...options,
    });
  }
}

/** Keeps typed errors; wraps anything else as a retryable `RequestError` naming what failed. */
export function toTransportError(err: unknown, what: string): SdkError {
  if (err instanceof SdkError) return err;
  const detail = err instanceof Error ? err.message : String(err);
  return new RequestError(`${what}: ${detail}`, { cause: err });
}
