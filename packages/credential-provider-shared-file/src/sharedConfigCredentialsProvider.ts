import { createCredentialsValue, CredentialsError } from "@sessionkit/credentials";
import type { CredentialsProvider } from "@sessionkit/types";

/** A value that may carry where it came from (`Sourced<string>` of `@sessionkit/config`), or a plain string. */
type MaybeSourced = string | { readonly value: string };

/**
 * Static keys of a profile, as `@sessionkit/config` resolves them (`SharedConfig.credentials`, or a
 * `staticKeys` step of `profileChain`): the pair rule has been applied per file and section there.
 */
export interface SharedFileKeys {
  readonly accessKeyId: MaybeSourced;
  readonly secretAccessKey: MaybeSourced;
  readonly sessionToken?: MaybeSourced;
  /** `aws_account_id` next to the keys. */
  readonly accountId?: MaybeSourced;
  /** `SharedConfigCredentials: <path>`, naming the file the keys came from. */
  readonly providerName: string;
}

const text = (v: MaybeSourced | undefined): string | undefined => (typeof v === "object" ? v.value : v) || undefined;

/**
 * Go v1's shared-config static credentials: a provider named `SharedConfigCredentials: <filename>` that
 * always returns the profile's keys (plus `aws_account_id` as `accountId`) and never expires. Keys missing
 * a half fail at retrieve with `EmptyStaticCreds: static credentials are empty`, as Go's static provider.
 */
export function sharedConfigCredentialsProvider(keys: SharedFileKeys): CredentialsProvider {
  const accessKeyId = text(keys.accessKeyId);
  const secretAccessKey = text(keys.secretAccessKey);
  const value =
    accessKeyId === undefined || secretAccessKey === undefined
      ? undefined
      : createCredentialsValue({
          accessKeyId,
          secretAccessKey,
          sessionToken: text(keys.sessionToken),
          accountId: text(keys.accountId),
          providerName: keys.providerName,
        });
  return {
    name: keys.providerName,
    retrieve: () =>
      value === undefined
        ? Promise.reject(new CredentialsError("EmptyStaticCreds", `static credentials are empty (${keys.providerName})`))
        : Promise.resolve(value),
  };
}
