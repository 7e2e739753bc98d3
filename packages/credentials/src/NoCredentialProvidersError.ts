import { SdkError } from "@sessionkit/errors";

/** One provider a chain tried, and why it failed. */
export interface ProviderFailure {
  readonly provider: string;
  readonly error: unknown;
}

/**
 * Every provider of a chain failed. Unlike Go's default ("no valid providers in chain. Deprecated.") and the
 * JS SDK's "Could not load credentials from any providers", the message names each provider and its reason;
 * `failures` keeps the original errors.
 */
export class NoCredentialProvidersError extends SdkError {
  declare readonly failures: readonly ProviderFailure[];

  constructor(failures: readonly ProviderFailure[], verbose: boolean) {
    super("NoCredentialProviders", describeFailures(failures, verbose), {
      cause: failures.length === 1 ? failures[0]?.error : new AggregateError(failures.map((f) => f.error)),
    });
    this.failures = failures;
  }
}

function describeFailures(failures: readonly ProviderFailure[], verbose: boolean): string {
  if (failures.length === 0) return "no valid providers in chain: the chain is empty";
  // Short form: the first line of each message (`Code: text` for our errors); verbose: all of it, indented.
  const tried = failures.map(({ provider, error }) => {
    const message = error instanceof Error ? error.message : String(error);
    return verbose ? `\n\t${provider}: ${message.replaceAll("\n", "\n\t\t")}` : `${provider} (${message.split("\n", 1)[0]})`;
  });
  return `no valid providers in chain; tried${verbose ? `:${tried.join("")}` : ` ${tried.join(", ")}`}`;
}
