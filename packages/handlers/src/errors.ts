import { SdkError, type SdkErrorOptions } from "@sessionkit/errors";

/** The call was aborted through its `AbortSignal` (Go's `request.CanceledErrorCode`). */
export class RequestCanceled extends SdkError {
  constructor(message = "request context canceled", options: SdkErrorOptions = {}) {
    super("RequestCanceled", message, { retryable: false, ...options });
  }
}

/** Sending failed before a response arrived: connection refused or reset, DNS, TLS (Go's `RequestError`). */
export class RequestError extends SdkError {
  constructor(message = "send request failed", options: SdkErrorOptions = {}) {
    super("RequestError", message, { retryable: true, ...options });
  }
}

/** No response within the per-attempt timeout (Go's `ResponseTimeout`); retryable. */
export class ResponseTimeout extends SdkError {
  constructor(message: string, options: SdkErrorOptions = {}) {
    super("ResponseTimeout", message, { retryable: true, ...options });
  }
}

/** Neither a signing region nor `config.region` is set. */
export class MissingRegion extends SdkError {
  constructor(options: SdkErrorOptions = {}) {
    super("MissingRegion", "could not find region configuration", options);
  }
}

/** The client has no endpoint. */
export class MissingEndpoint extends SdkError {
  constructor(options: SdkErrorOptions = {}) {
    super("MissingEndpoint", "'Endpoint' configuration is required for this service", options);
  }
}

/** The endpoint does not parse as a URL. */
export class InvalidEndpointURL extends SdkError {
  constructor(endpoint: string, options: SdkErrorOptions = {}) {
    super("InvalidEndpointURL", `invalid endpoint uri ${JSON.stringify(endpoint)}`, options);
  }
}

/** Go's placeholder for a status ≥ 300 that no `unmarshalError` handler turned into a service error. */
export class UnknownError extends SdkError {
  constructor(statusCode: number, options: SdkErrorOptions = {}) {
    super("UnknownError", `unknown error, status code: ${statusCode}`, { statusCode, ...options });
  }
}

/** A build or unmarshal handler failed with something that was not an `SdkError` (Go's `SerializationError`). */
export class SerializationError extends SdkError {
  constructor(message: string, options: SdkErrorOptions = {}) {
    super("SerializationError", message, options);
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

/** A handler threw something that is not an `SdkError`: a bug in that handler, reported with its phase. */
export class HandlerError extends SdkError {
  constructor(message: string, options: SdkErrorOptions = {}) {
    super("HandlerError", message, options);
  }
}
