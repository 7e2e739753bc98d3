import { isSdkError } from "@sessionkit/errors";
import type { CredentialsInput, GetCredentialsOptions } from "@sessionkit/types";
import type { AwsCredentialIdentity } from "@smithy/types";
import { SigningError } from "./SigningError.js";

/** Reads the current credentials; synchronous for static keys. */
export type CredentialsGetter = (
  options?: GetCredentialsOptions,
) => AwsCredentialIdentity | Promise<AwsCredentialIdentity>;

function describe(input: CredentialsInput): string {
  const name = (input as { providerName?: unknown }).providerName;
  return typeof name === "string" ? name : typeof input === "function" ? "credentials provider function" : "static credentials";
}

/** Checks the shape of resolved credentials; the message names the source, never a key. */
export function checkCredentials(value: unknown, source: string): AwsCredentialIdentity {
  const v = value as Partial<AwsCredentialIdentity> | null | undefined;
  if (
    v === null ||
    typeof v !== "object" ||
    typeof v.accessKeyId !== "string" ||
    typeof v.secretAccessKey !== "string" ||
    (v.sessionToken !== undefined && typeof v.sessionToken !== "string")
  ) {
    throw new SigningError(
      "InvalidCredentials",
      `${source} did not give an accessKeyId and a secretAccessKey string (and an optional sessionToken string)`,
    );
  }
  return v as AwsCredentialIdentity;
}

/** A provider failing with a non-sdk error is wrapped; sdk errors (e.g. `NoCredentialProviders`) pass through. */
export const wrapCredentialsFailure = (err: unknown, source: string): Error =>
  isSdkError(err) ? err : new SigningError("CredentialsError", `${source} failed to provide credentials`, { cause: err });

/**
 * Turns what a user may pass as `credentials` into one getter, built once: a `Credentials` object is read
 * with `get()`, a provider function is called, static keys are returned as they are.
 */
export function toCredentialsGetter(input: CredentialsInput): CredentialsGetter {
  const source = describe(input);
  if (typeof input !== "function") {
    let value: AwsCredentialIdentity;
    try {
      value = checkCredentials(input, source);
    } catch (err) {
      // Reported when signing, as a rejection, like every other credentials failure.
      return () => Promise.reject(err);
    }
    return () => value;
  }
  const get = (input as { get?: unknown }).get;
  const read: (options?: GetCredentialsOptions) => unknown =
    typeof get === "function" ? (options) => get.call(input, options) : () => input();
  // Built once: the per-call path allocates only the promise chain.
  const onValue = (v: unknown): AwsCredentialIdentity => checkCredentials(v, source);
  const onError = (err: unknown): never => {
    throw wrapCredentialsFailure(err, source);
  };
  return (options) => {
    let result: unknown;
    try {
      result = read(options);
    } catch (err) {
      return Promise.reject(wrapCredentialsFailure(err, source));
    }
    return Promise.resolve(result).then(onValue, onError);
  };
}
