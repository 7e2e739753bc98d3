import type { CredentialsProvider, CredentialsValue, GetCredentialsOptions } from "@sessionkit/types";

/**
 * A provider whose implementation is loaded at its first retrieve (a dynamic `import()`), so code that only a
 * few sessions need (STS, child processes) costs nothing at start-up. A failed load is not cached: the next
 * retrieve tries again.
 */
export function lazyProvider(name: string, load: () => Promise<CredentialsProvider>): CredentialsProvider {
  let loading: Promise<CredentialsProvider> | undefined;
  return {
    name,
    async retrieve(options?: GetCredentialsOptions): Promise<CredentialsValue> {
      loading ??= load().catch((err: unknown) => {
        loading = undefined;
        throw err;
      });
      return (await loading).retrieve(options);
    },
  };
}

/** A provider that always fails with `error` (Go's `credProviderError`, used in the fallback chain). */
export function failingProvider(name: string, error: () => Error): CredentialsProvider {
  return { name, retrieve: () => Promise.reject(error()) };
}
