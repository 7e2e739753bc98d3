import { AssumeRoleOperation, STSClient } from "@sessionkit/client-sts";
import type { AssumeRoleStep } from "@sessionkit/config";
import { createCredentials } from "@sessionkit/credentials";
import type { ClientConfigProvider, Clock, Credentials, TokenProvider } from "@sessionkit/types";
import { AssumeRoleError } from "./AssumeRoleError.js";
import { type AssumeRoleClient, assumeRoleProvider, DEFAULT_DURATION_SECONDS } from "./assumeRoleProvider.js";

/**
 * Go v1's duration rule for roles from shared config (spec §4.12): the session option when non-zero;
 * otherwise `duration_seconds` only when it is more than 15 whole minutes (so 901–959 s is ignored);
 * otherwise 900.
 */
export function assumeRoleDurationSeconds(optionSeconds?: number, profileSeconds?: number): number {
  if (optionSeconds !== undefined && optionSeconds > 0) return optionSeconds;
  if (profileSeconds !== undefined && Math.floor(profileSeconds / 60) > 15) return profileSeconds;
  return DEFAULT_DURATION_SECONDS;
}

/** Makes the STS client of one step, signing with the previous step's credentials. */
export type AssumeRoleClientFactory = (sourceCredentials: Credentials, step: AssumeRoleStep) => AssumeRoleClient;

/**
 * The factory Go's session uses: an STS client from the same configuration (`provider.clientConfig("sts",
 * { credentials })`, so the session's handlers, transport, region and endpoint rules apply) whose credentials
 * are the source's.
 */
export function stsClientFactory(provider: ClientConfigProvider): AssumeRoleClientFactory {
  return (credentials) => stsClient(provider, credentials);
}

/** One step's STS client: the modular client, so only AssumeRole's code is bundled, not the STS class's other operations. */
export function stsClient(provider: ClientConfigProvider, credentials: Credentials): AssumeRoleClient {
  const client = new STSClient(provider, { credentials });
  return { assumeRole: (input, options) => client.sendOperation(AssumeRoleOperation, input, options) };
}

export interface AssumeRoleChainOptions {
  readonly client: AssumeRoleClientFactory;
  /** Required when any step has `mfa_serial`; asked at each refresh of that step. */
  readonly tokenProvider?: TokenProvider;
  /** Go's `Options.AssumeRoleDuration`, in seconds; beats every step's `duration_seconds`. */
  readonly durationSeconds?: number;
  /** For the default session names and the credentials caches. */
  readonly clock?: Clock;
  /** Expiry window of each step's cache. Default 0, as Go's session. */
  readonly expiryWindowMs?: number;
}

/**
 * Builds the credentials of a `source_profile` / `credential_source` chain: `source` (the chain's base,
 * already a `Credentials`) signs the first AssumeRole, whose credentials sign the next, and so on; the last
 * step's credentials are returned. Each step has its own cache (one in-flight refresh, one MFA prompt).
 * `steps` are the `assumeRole` steps of `profileChain(cfg)` from `@sessionkit/config`, in order.
 *
 * Throws `AssumeRoleTokenProviderNotSetError` at once when a step has `mfa_serial` and no `tokenProvider` is
 * given (Go fails `NewSession` the same way).
 */
export function assumeRoleChain(source: Credentials, steps: readonly AssumeRoleStep[], options: AssumeRoleChainOptions): Credentials {
  const needsToken = steps.find((s) => s.mfaSerial !== undefined && s.mfaSerial.value !== "");
  if (needsToken !== undefined && options.tokenProvider === undefined) {
    throw new AssumeRoleError(
      "AssumeRoleTokenProviderNotSetError",
      `assume role with MFA enabled, but AssumeRoleTokenProvider session option not set (profile ${needsToken.profile})`,
    );
  }
  let credentials = source;
  for (const step of steps) {
    const signWith = credentials;
    const provider = assumeRoleProvider({
      client: () => options.client(signWith, step),
      roleArn: step.roleArn.value,
      roleSessionName: step.roleSessionName?.value,
      durationSeconds: assumeRoleDurationSeconds(options.durationSeconds, step.durationSeconds?.value),
      externalId: step.externalId?.value,
      serialNumber: step.mfaSerial?.value,
      tokenProvider: options.tokenProvider,
      clock: options.clock,
    });
    credentials = createCredentials(provider, { clock: options.clock, expiryWindowMs: options.expiryWindowMs });
  }
  return credentials;
}
