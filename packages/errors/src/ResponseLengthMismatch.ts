import { SdkError, type SdkErrorOptions } from "./SdkError.js";

/** The response body ended with a byte count other than its `content-length`; retryable. */
export class ResponseLengthMismatch extends SdkError {
  constructor(expected: number, received: number, options?: SdkErrorOptions) {
    super("ResponseLengthMismatch", `response body has ${received} bytes, content-length said ${expected}`, {
      retryable: true,
      ...options,
    });
  }
}
