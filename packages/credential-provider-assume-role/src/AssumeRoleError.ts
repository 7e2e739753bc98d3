import { SdkError } from "@sessionkit/errors";

/**
 * Failures of the assume-role provider and its helpers, with Go v1's codes where Go has one:
 * `AssumeRoleTokenNotAvailable` (MFA serial without a code or token provider, or no code entered),
 * `AssumeRoleTokenProviderNotSetError`, `AssumeRoleNoCredentials` (STS answered without credentials),
 * `AssumeRoleTokenInput` (the prompt's input ended or timed out), `SharedConfigErr` (bad `credential_source`),
 * `CredentialSourceNotSupported`. Messages never include token codes or keys.
 */
export class AssumeRoleError extends SdkError {}
