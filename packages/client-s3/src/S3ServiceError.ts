import { SdkError, type SdkErrorOptions } from "@sessionkit/errors";

/** Codes S3 commonly answers with; any other string the server sends is kept as is. */
export type S3ErrorCode =
  | "AccessDenied"
  | "BucketAlreadyExists"
  | "BucketAlreadyOwnedByYou"
  | "BucketNotEmpty"
  | "EntityTooLarge"
  | "ExpiredToken"
  | "InternalError"
  | "InvalidAccessKeyId"
  | "InvalidArgument"
  | "InvalidBucketName"
  | "InvalidObjectState"
  | "InvalidRange"
  | "InvalidRequest"
  | "MalformedXML"
  | "MissingContentLength"
  | "NoSuchBucket"
  | "NoSuchKey"
  | "NoSuchUpload"
  | "NoSuchVersion"
  | "PreconditionFailed"
  | "RequestTimeTooSkewed"
  | "SignatureDoesNotMatch"
  | "SlowDown"
  | "XAmzContentSHA256Mismatch"
  // Empty-body responses (HEAD, 304): Go derives the code from the HTTP status text.
  | "BadRequest"
  | "Forbidden"
  | "NotFound"
  | "NotModified"
  | "MovedPermanently"
  | (string & {});

/** Extra fields of an S3 error response. */
export interface S3ServiceErrorOptions extends SdkErrorOptions {
  /** `x-amz-id-2` / `<HostId>`: S3's extended request id, needed by AWS support. */
  readonly hostId?: string;
}

/**
 * An error S3 (or an S3-compatible server) answered with: `code` is S3's `<Code>` (e.g. `NoSuchKey`), or
 * for bodiless responses (HEAD, 304) the HTTP status text without spaces (`NotFound`, `Forbidden`), as in Go.
 * `statusCode` is the HTTP status; `requestId` the `x-amz-request-id`. Check with `err.code === "NoSuchKey"`
 * or `isSdkError(err, "NoSuchKey")`.
 */
export class S3ServiceError extends SdkError {
  declare readonly code: S3ErrorCode;
  declare readonly hostId?: string;

  constructor(code: S3ErrorCode, message: string, options: S3ServiceErrorOptions = {}) {
    super(code, message, options);
    if (options.hostId !== undefined) this.hostId = options.hostId;
  }
}
