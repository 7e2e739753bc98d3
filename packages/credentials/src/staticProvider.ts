import type { CredentialsProvider, CredentialsValue } from "@sessionkit/types";
import { createCredentialsValue } from "./createCredentialsValue.js";
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
 * `"StaticProvider"`.
 */
export function staticProvider(keys: StaticKeys, providerName = "StaticProvider"): CredentialsProvider {
  const name = providerName === "" ? "StaticProvider" : providerName;
  const empty = !keys.accessKeyId || !keys.secretAccessKey;
  // Built once: every retrieve hands out the same frozen-in-time value.
  const value: CredentialsValue | undefined = empty
    ? undefined
    : createCredentialsValue({
        accessKeyId: keys.accessKeyId,
        secretAccessKey: keys.secretAccessKey,
        sessionToken: keys.sessionToken === "" ? undefined : keys.sessionToken,
        providerName: name,
      });
  return {
    name,
    retrieve: () =>
      value === undefined
        ? Promise.reject(new CredentialsError("EmptyStaticCreds", "static credentials are empty"))
        : Promise.resolve(value),
  };
}
