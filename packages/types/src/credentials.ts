import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "@smithy/types";

/** What a credentials provider resolves to (Go's `credentials.Value`, plus expiry). */
export interface CredentialsValue extends AwsCredentialIdentity {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
  /** When the value stops being valid; absent for long-lived keys. */
  readonly expiration?: Date;
  /** Which provider produced the value, e.g. `EnvConfigCredentials` or `SharedConfigCredentials: /home/u/.aws/credentials`. */
  readonly providerName: string;
}

/** Options a caller passes when asking for credentials. */
export interface GetCredentialsOptions {
  /** Ends this caller's wait; a shared refresh keeps going for other callers. */
  readonly signal?: AbortSignal;
}

/**
 * A source of credentials (Go's `credentials.Provider`). Retrieval is async; expiry is carried on the value.
 */
export interface CredentialsProvider {
  /** Shown in errors and in `explain` output. */
  readonly name: string;
  retrieve(options?: GetCredentialsOptions): Promise<CredentialsValue>;
}

/**
 * Cached, concurrency-safe credentials (Go's `*credentials.Credentials`). It is callable, so it can be passed
 * anywhere an `@smithy/types` `AwsCredentialIdentityProvider` is accepted (e.g. `@aws-sdk/client-s3`).
 */
export interface Credentials extends AwsCredentialIdentityProvider {
  get(options?: GetCredentialsOptions): Promise<CredentialsValue>;
  isExpired(): boolean;
  /** Forces the next `get()` to refresh. */
  expire(): void;
  /** The expiry of the cached value, after the expiry window; `undefined` when nothing is cached or it never expires. */
  expiresAt(): Date | undefined;
  /** Name of the provider that backs these credentials. */
  readonly providerName: string;
}

/** What a user may pass as `credentials`: static keys, a provider function, or a `Credentials` object. */
export type CredentialsInput = AwsCredentialIdentity | AwsCredentialIdentityProvider | Credentials;

/** Asks the user for an MFA token code (Go's `AssumeRoleTokenProvider`). */
export type TokenProvider = () => Promise<string>;
