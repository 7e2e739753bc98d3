import { RequestError, SdkError } from "@sessionkit/errors";

// One class per transport error, shared with @sessionkit/handlers through @sessionkit/errors.
export { RequestCanceled, RequestError, ResponseLengthMismatch, ResponseTimeout } from "@sessionkit/errors";

/** Keeps typed errors; wraps anything else as a retryable `RequestError` naming what failed. */
export function toTransportError(err: unknown, what: string): SdkError {
  if (err instanceof SdkError) return err;
  return new RequestError(`${what}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
}

/**
 * A request body whose byte count is not the `content-length` the caller set (Go's "http: ContentLength=N with
 * Body length M"): sending it would leave the server waiting or read the excess as the next request. Not
 * retryable: the same body would fail again. `atLeast` when the count stopped at the first byte too many.
 */
export function bodyLengthMismatch(bytes: number, declared: number, atLeast = false): RequestError {
  return new RequestError(`request body has ${atLeast ? "at least " : ""}${bytes} bytes, content-length said ${declared}`, {
    retryable: false,
  });
}

/** A one-shot body read a second time. */
export function bodyConsumed(): RequestError {
  return new RequestError("response body already consumed", { retryable: false });
}

/** Responses that never carry a body, whatever their headers say (RFC 9112 §6.3). */
export function hasNoBody(method: string, status: number): boolean {
  return method === "HEAD" || status === 204 || status === 304 || (status >= 100 && status < 200);
}

/** A quoted, bounded excerpt of a caller's or server's text, for messages. */
export function quote(text: string): string {
  return JSON.stringify(text.slice(0, 64));
}
