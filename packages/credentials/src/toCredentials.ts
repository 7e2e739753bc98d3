import type { Credentials, CredentialsInput, CredentialsValue } from "@sessionkit/types";
import { createCredentials } from "./createCredentials.js";
import { CredentialsError } from "./CredentialsError.js";
import { isCredentials } from "./isCredentials.js";
import { staticCredentials } from "./staticCredentials.js";

/** Options of {@link toCredentials}, passed to the cache built around a provider function. */
export interface ToCredentialsOptions {
  readonly expiryWindowMs?: number;
  readonly clock?: () => number;
}

/**
 * Normalises what a user may pass as `credentials`:
 * - a `Credentials` object is returned as is (so its cache is shared, not rebuilt);
 * - an `@smithy/types` provider function (e.g. from `@aws-sdk/credential-providers`) gets a cache, named after
 *   the function or `"IdentityProvider"`;
 * - static keys become {@link staticCredentials}.
 *
 * Anything else throws `CredentialsInputInvalid` (a configuration mistake, found when the config is built).
 */
export function toCredentials(input: CredentialsInput, options: ToCredentialsOptions = {}): Credentials {
  if (isCredentials(input)) return input;
  if (typeof input === "function") {
    // The cache validates the identity and copies it into a redacted value named after this provider.
    return createCredentials({ name: input.name || "IdentityProvider", retrieve: () => input() as Promise<CredentialsValue> }, options);
  }
  const keys = input as Partial<CredentialsValue> | null;
  if (typeof keys?.accessKeyId === "string" && typeof keys.secretAccessKey === "string") {
    return staticCredentials({ accessKeyId: keys.accessKeyId, secretAccessKey: keys.secretAccessKey, sessionToken: keys.sessionToken });
  }
  throw new CredentialsError(
    "CredentialsInputInvalid",
    "credentials must be static keys {accessKeyId, secretAccessKey}, a provider function or a Credentials object",
  );
}
