import { SdkError, type SdkErrorOptions } from "./SdkError.js";

/** No response within the per-attempt timeout (Go's `ResponseTimeout`); retryable. */
export class ResponseTimeout extends SdkError {
  constructor(message: string, options?: SdkErrorOptions) {
    super("ResponseTimeout", message, { retryable: true, ...options });
  }
}
