import { SdkError } from "@sessionkit/errors";

/**
 * Errors the signer raises itself: `InvalidPresignExpireError` (Go's `request.ErrCodeInvalidPresignExpire`),
 * `InvalidSigningDate`, `InvalidCredentials`, `CredentialsError` (a provider failed with a non-sdk error,
 * kept as `cause`) and `CryptoUnavailable`. Messages never carry key material.
 */
export class SigningError extends SdkError {}
