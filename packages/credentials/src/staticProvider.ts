import type { CredentialsProvider } from "@sessionkit/types";
import { RedactedCredentialsValue } from "./createCredentialsValue.js";
import { CredentialsError } from "./CredentialsError.js";

/** Long-lived keys given in code (Go's `credentials.Value` without expiry). */
export interface StaticKeys {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

/**
 * Go's `StaticProvider`: a provider that always returns the same keys and never expires. Empty keys fail at
 * retrieve time, as in Go, with `EmptyStaticCreds: static credentials are empty`. An empty name becomes
 * `"StaticProvider"` (the default).
 */
export function staticProvider(keys: StaticKeys, providerName?: string): CredentialsProvider {
  const name = providerName || "StaticProvider";
  // Built once: every retrieve hands out the same frozen-in-time value.
  const value = staticValue(keys, name);
  return {
    name,
    retrieve: async () => value ?? Promise.reject(emptyStaticCreds()),
  };
}

/** The value fixed keys stand for, or `undefined` when a key is empty (Go checks at retrieve time). */
export function staticValue(keys: StaticKeys, providerName: string): RedactedCredentialsValue | undefined {
  const { accessKeyId, secretAccessKey, sessionToken } = keys;
  return accessKeyId && secretAccessKey
    ? new RedactedCredentialsValue({ accessKeyId, secretAccessKey, sessionToken: sessionToken || undefined, providerName })
    : undefined;
}

/** Go's `ErrStaticCredentialsEmpty`. */
export const emptyStaticCreds = (): CredentialsError => new CredentialsError("EmptyStaticCreds", "static credentials are empty");
