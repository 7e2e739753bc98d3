import { SdkError, type SdkErrorOptions } from "@sessionkit/errors";

/** The error codes STS documents (Go v1's `sts.ErrCode*`), plus the common ones RGW and AWS return. */
export const StsErrorCode = {
  ExpiredTokenException: "ExpiredTokenException",
  IDPCommunicationError: "IDPCommunicationError",
  IDPRejectedClaim: "IDPRejectedClaim",
  InvalidAuthorizationMessageException: "InvalidAuthorizationMessageException",
  InvalidIdentityToken: "InvalidIdentityToken",
  MalformedPolicyDocument: "MalformedPolicyDocument",
  PackedPolicyTooLarge: "PackedPolicyTooLarge",
  RegionDisabledException: "RegionDisabledException",
  AccessDenied: "AccessDenied",
  InvalidClientTokenId: "InvalidClientTokenId",
  SignatureDoesNotMatch: "SignatureDoesNotMatch",
  InvalidParameterValue: "InvalidParameterValue",
  /** RGW: bad DurationSeconds, RoleSessionName, TokenCode… */
  InvalidArgument: "InvalidArgument",
  /** RGW: unknown role. */
  NoSuchEntity: "NoSuchEntity",
  ServiceUnavailableException: "ServiceUnavailableException",
} as const;

export type StsErrorCode = (typeof StsErrorCode)[keyof typeof StsErrorCode];

export interface STSServiceErrorOptions extends SdkErrorOptions {
  /** The Query protocol's `<Type>`: `Sender` (the caller's fault) or `Receiver` (the service's). */
  readonly errorType?: string;
}

/**
 * An error STS (or an STS-compatible server) answered with: `code` is the service's `<Code>`, `statusCode`
 * the HTTP status, `requestId` the service's request id, `operation` e.g. `sts/AssumeRole`. Compare `code`
 * against {@link StsErrorCode}, or use `isSdkError(err, "ExpiredTokenException")`.
 */
export class STSServiceError extends SdkError {
  readonly errorType?: string;

  constructor(code: string, message: string, options: STSServiceErrorOptions = {}) {
    super(code, message, options);
    if (options.errorType !== undefined) this.errorType = options.errorType;
  }
}
