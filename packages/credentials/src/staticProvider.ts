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
  const { accessKeyId, secretAccessKey, sessionToken } = keys;
  const value =
    accessKeyId && secretAccessKey
      ? new RedactedCredentialsValue({ accessKeyId, secretAccessKey, sessionToken: sessionToken || undefined, providerName: name })
      : undefined;
  return {
    name,
    retrieve: async () => {
      if (!value) throw new CredentialsError("EmptyStaticCreds", "static credentials are empty");
      return value;
    },
  };
}
