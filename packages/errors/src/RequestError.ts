import { SdkError, type SdkErrorOptions } from "./SdkError.js";

/** Sending failed before a full response arrived: refused or reset, DNS, TLS (Go's `RequestError`); retryable. */
export class RequestError extends SdkError {
  constructor(message = "send request failed", options?: SdkErrorOptions) {
    super("RequestError", message, { retryable: true, ...options });
  }
}
