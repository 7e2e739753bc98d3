import { SdkError } from "@sessionkit/errors";

/**
 * Errors of the credentials core, with Go's codes: `EmptyStaticCreds`, `RequestCanceled`,
 * `CredentialsInputInvalid`, `CredentialsValueInvalid`, `CredentialsRetrieveError`.
 */
export class CredentialsError extends SdkError {}
