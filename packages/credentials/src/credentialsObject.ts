import type { Credentials, CredentialsValue, GetCredentialsOptions } from "@sessionkit/types";
import { shownAs } from "./createCredentialsValue.js";
import { type InspectFn, inspectCustom } from "./inspectCustom.js";

/** The state functions a {@link Credentials} object is made of. */
export interface CredentialsState {
  readonly get: (options?: GetCredentialsOptions) => Promise<CredentialsValue>;
  readonly isExpired: () => boolean;
  readonly expire: () => void;
  readonly expiresAt: () => Date | undefined;
}

/**
 * Makes the callable {@link Credentials} object both `createCredentials` and `staticCredentials` return: the
 * call ignores identity properties and behaves as `get()` (so it works as an `@smithy/types` identity
 * provider), and logs see its state, never a cached value.
 */
export function credentialsObject(state: CredentialsState, providerName: string): Credentials {
  const { get, isExpired, expiresAt } = state;
  const shown = (): Record<string, unknown> => {
    const at = expiresAt();
    return { providerName, expired: isExpired(), ...(at && { expiresAt: at.toISOString() }) };
  };
  const credentials: Credentials = Object.assign((_identityProperties?: Record<string, unknown>) => get(), state, { providerName });
  Object.defineProperties(credentials, {
    toJSON: { value: shown },
    toString: { value: () => `[Credentials ${providerName}]` },
    [inspectCustom]: { value: (_depth: number, o: unknown, inspect?: InspectFn) => shownAs("Credentials", shown(), o, inspect) },
  });
  return credentials;
}
