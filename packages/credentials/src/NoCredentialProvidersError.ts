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
  readonly failures: readonly ProviderFailure[];

  constructor(failures: readonly ProviderFailure[], verbose: boolean) {
    super("NoCredentialProviders", describeFailures(failures, verbose), {
      cause: failures.length === 1 ? failures[0]?.error : new AggregateError(failures.map((f) => f.error)),
    });
    this.failures = failures;
  }
}

function describeFailures(failures: readonly ProviderFailure[], verbose: boolean): string {
  if (failures.length === 0) return "no valid providers in chain: the chain is empty";
  const head = "no valid providers in chain; tried";
  if (verbose) {
    return `${head}:${failures.map((f) => `\n\t${f.provider}: ${reason(f.error, true)}`).join("")}`;
  }
  return `${head} ${failures.map((f) => `${f.provider} (${reason(f.error, false)})`).join(", ")}`;
}

/** Short form: the first line of the message (`Code: text` for our errors); verbose: all of it, indented. */
function reason(err: unknown, verbose: boolean): string {
  const message = err instanceof Error ? err.message : String(err);
  if (verbose) return message.replaceAll("\n", "\n\t\t");
  const i = message.indexOf("\n");
  return i === -1 ? message : message.slice(0, i);
}
