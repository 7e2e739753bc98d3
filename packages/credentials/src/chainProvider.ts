import type { CredentialsProvider, CredentialsValue, GetCredentialsOptions } from "@sessionkit/types";
import { NoCredentialProvidersError, type ProviderFailure } from "./NoCredentialProvidersError.js";

/** Options of {@link chainProvider}. */
export interface ChainProviderOptions {
  /**
   * Put each provider's full error message on its own line (Go's `CredentialsChainVerboseErrors`). Without it
   * the message still names every provider, with the first line of its error.
   */
  readonly verboseErrors?: boolean;
}

/** A chain of providers (Go's `ChainProvider`); `current` is the provider that last succeeded. */
export interface ChainProvider extends CredentialsProvider {
  readonly providers: readonly CredentialsProvider[];
  /** The provider whose value the last successful retrieve returned, if any. */
  readonly current: CredentialsProvider | undefined;
}

/**
 * Tries the providers in order on every retrieve; the first that succeeds wins and is remembered as
 * `current`. When all fail, the rejection is one `NoCredentialProvidersError` naming each provider and why.
 * The chain's name is `"ChainProvider"`; the value keeps the name of the provider that produced it.
 */
export function chainProvider(
  providers: readonly CredentialsProvider[],
  options: ChainProviderOptions = {},
): ChainProvider {
  const list = [...providers];
  const verbose = options.verboseErrors ?? false;
  let current: CredentialsProvider | undefined;

  const retrieve = async (opts?: GetCredentialsOptions): Promise<CredentialsValue> => {
    const failures: ProviderFailure[] = [];
    for (const p of list) {
      try {
        const v = await p.retrieve(opts);
        current = p;
        return v;
      } catch (error) {
        failures.push({ provider: p.name, error });
      }
    }
    current = undefined;
    throw new NoCredentialProvidersError(failures, verbose);
  };

  return {
    name: "ChainProvider",
    providers: list,
    get current() {
      return current;
    },
    retrieve,
  };
}
