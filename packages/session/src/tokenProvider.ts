import type { TokenProvider } from "@sessionkit/types";

/** What `assumeRoleTokenProvider` accepts: a token provider, or a factory of one (`stdinTokenProvider`). */
export type TokenProviderOption = TokenProvider | (() => TokenProvider);

/**
 * A token provider from the option. A factory (a function returning a function, as `stdinTokenProvider` of
 * `@sessionkit/credential-provider-assume-role` is) is called once, at the first prompt, so the issue's
 * `assumeRoleTokenProvider: stdinTokenProvider` works as written and every refresh shares one prompt.
 */
export function toTokenProvider(option: TokenProviderOption): TokenProvider {
  let provider: TokenProvider | undefined;
  return async () => {
    if (provider !== undefined) return provider();
    const out = (option as () => unknown)();
    if (typeof out === "function") {
      provider = out as TokenProvider;
      return provider();
    }
    provider = option as TokenProvider;
    return out as Promise<string>;
  };
}
