import { SdkError, type SdkErrorOptions } from "./SdkError.js";

/** The call was aborted through its `AbortSignal` (Go's `request.CanceledErrorCode`); never retried. */
export class RequestCanceled extends SdkError {
  constructor(message = "request context canceled", options?: SdkErrorOptions) {
    super("RequestCanceled", message, { retryable: false, ...options });
  }
}
