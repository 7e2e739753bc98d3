import { RequestError, SdkError } from "@sessionkit/errors";

// One class per transport error, shared with @sessionkit/handlers through @sessionkit/errors.
export { RequestCanceled, RequestError, ResponseLengthMismatch, ResponseTimeout } from "@sessionkit/errors";

/** Keeps typed errors; wraps anything else as a retryable `RequestError` naming what failed. */
export function toTransportError(err: unknown, what: string): SdkError {
  if (err instanceof SdkError) return err;
  return new RequestError(`${what}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
}
