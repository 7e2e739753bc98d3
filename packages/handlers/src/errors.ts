import { RequestCanceled, SdkError, type SdkErrorOptions } from "@sessionkit/errors";

// The transport errors live in @sessionkit/errors so that the pipeline and the transports share one class each.
export { RequestCanceled, RequestError, ResponseLengthMismatch, ResponseTimeout } from "@sessionkit/errors";

/** A `RequestCanceled` with Go's message, caused by `cause` (an abort reason, a failed sleep). */
export const canceled = (cause?: unknown): RequestCanceled => new RequestCanceled(undefined, { cause });

/** Neither a signing region nor `config.region` is set. */
export class MissingRegion extends SdkError {
  constructor(options?: SdkErrorOptions) {
    super("MissingRegion", "could not find region configuration", options);
  }
}

/** The client has no endpoint. */
export class MissingEndpoint extends SdkError {
  constructor(options?: SdkErrorOptions) {
    super("MissingEndpoint", "'Endpoint' configuration is required for this service", options);
  }
}

/**
 * The region cannot be part of a host name (Go v1's endpoint resolver: letters, digits and dashes). Without the
 * check, `us-east-1.evil.com#` would send signed requests, and any session token, to another host.
 */
export class InvalidRegion extends SdkError {
  constructor(region: string) {
    super("InvalidRegion", `invalid region ${JSON.stringify(region)}`);
  }
}

/** The endpoint does not parse as a URL. */
export class InvalidEndpointURL extends SdkError {
  constructor(endpoint: string, options?: SdkErrorOptions) {
    super("InvalidEndpointURL", `invalid endpoint uri ${JSON.stringify(endpoint)}`, options);
  }
}

/** Go's placeholder for a status ≥ 300 that no `unmarshalError` handler turned into a service error. */
export class UnknownError extends SdkError {
  constructor(statusCode: number, options?: SdkErrorOptions) {
    super("UnknownError", `unknown error, status code: ${statusCode}`, { statusCode, ...options });
  }
}

/** A build or unmarshal handler failed with something that was not an `SdkError` (Go's `SerializationError`). */
export class SerializationError extends SdkError {
  constructor(message: string, options?: SdkErrorOptions) {
    super("SerializationError", message, options);
  }
}

/** A handler threw something that is not an `SdkError`: a bug in that handler, reported with its phase. */
export class HandlerError extends SdkError {
  constructor(message: string, options?: SdkErrorOptions) {
    super("HandlerError", message, options);
  }
}
