import type { ClientConfigProvider, Clock, Credentials, CredentialsProvider, TokenProvider } from "@sessionkit/types";
import { stsClient } from "./assumeRoleChain.js";
import { roleProvider } from "./assumeRoleProvider.js";

/**
 * One role step of a session (internal: what `@sessionkit/session` loads with `import()` at the step's first
 * retrieve): AssumeRole with an STS client made from `sts` (the session's config at creation and a copy of its
 * handlers) signing with `signWith`. Positional, so the session's bundle carries no option names.
 */
export function roleStepProvider(
  sts: ClientConfigProvider,
  signWith: Credentials,
  roleArn: string,
  roleSessionName: string | undefined,
  durationSeconds: number,
  externalId: string | undefined,
  serialNumber: string | undefined,
  tokenProvider: TokenProvider | undefined,
  clock: Clock,
): CredentialsProvider {
  return roleProvider(() => stsClient(sts, signWith), roleArn, roleSessionName, durationSeconds, externalId, serialNumber, undefined, tokenProvider, clock);
}
