import type { AssumeRoleInput, AssumeRoleOutput, PolicyDescriptorType, Tag } from "@sessionkit/client-sts";
import { createCredentialsValue } from "@sessionkit/credentials";
import type { Clock, CredentialsProvider, CredentialsValue, GetCredentialsOptions, TokenProvider } from "@sessionkit/types";
import { AssumeRoleError } from "./AssumeRoleError.js";

/** Go v1's provider name for assumed-role credentials. */
export const ASSUME_ROLE_PROVIDER_NAME = "AssumeRoleProvider";

/** Go's `stscreds.DefaultDuration` (15 minutes), in seconds. */
export const DEFAULT_DURATION_SECONDS = 900;

/** What the provider needs from an STS client; `@sessionkit/client-sts`'s `STS` is one. */
export interface AssumeRoleClient {
  assumeRole(input: AssumeRoleInput, options?: { readonly signal?: AbortSignal }): Promise<AssumeRoleOutput>;
}

export interface AssumeRoleProviderOptions {
  /** The STS client, or a function making one (called once, at the first retrieve). */
  readonly client: AssumeRoleClient | (() => AssumeRoleClient);
  readonly roleArn: string;
  /** Default: the decimal Unix time in nanoseconds at each retrieve, as Go's `time.Now().UnixNano()`. */
  readonly roleSessionName?: string;
  /** Default {@link DEFAULT_DURATION_SECONDS} (900). */
  readonly durationSeconds?: number;
  readonly externalId?: string;
  /** The MFA device (`mfa_serial`). With it, a `tokenCode` or a `tokenProvider` is required. */
  readonly serialNumber?: string;
  /** A fixed MFA code; beats `tokenProvider` (Go's code does this, whatever its doc comment says). */
  readonly tokenCode?: string;
  /** Asked for a code at every retrieve (each refresh), never at creation. */
  readonly tokenProvider?: TokenProvider;
  readonly policy?: string;
  readonly policyArns?: PolicyDescriptorType[];
  readonly tags?: Tag[];
  readonly transitiveTagKeys?: string[];
  readonly sourceIdentity?: string;
  /** Milliseconds since the epoch, for the default session name. Default `Date.now`. */
  readonly clock?: Clock;
}

/**
 * Go v1's `stscreds.AssumeRoleProvider` (spec §4.10–§4.19): calls STS AssumeRole at every retrieve and returns
 * the temporary credentials with their expiration (no expiry window of its own; give one to
 * `createCredentials`). Wrap it with `createCredentials` so concurrent callers share one refresh — and one MFA
 * prompt.
 *
 * MFA: `serialNumber` + `tokenCode` sends the code; `serialNumber` + `tokenProvider` asks the provider at each
 * refresh (its rejection is returned as is); `serialNumber` alone fails with `AssumeRoleTokenNotAvailable`.
 * The code's length is not checked here: the server does that.
 */
export function assumeRoleProvider(options: AssumeRoleProviderOptions): CredentialsProvider {
  return roleProvider(
    options.client,
    options.roleArn,
    options.roleSessionName,
    options.durationSeconds,
    options.externalId,
    options.serialNumber,
    options.tokenCode,
    options.tokenProvider,
    options.clock,
    {
      Policy: options.policy,
      PolicyArns: options.policyArns,
      Tags: options.tags,
      TransitiveTagKeys: options.transitiveTagKeys,
      SourceIdentity: options.sourceIdentity,
    },
  );
}

/**
 * {@link assumeRoleProvider} with positional arguments (internal: what the session's role steps call, so their
 * bundle carries no option names); `more` holds the input members the session never sets.
 */
export function roleProvider(
  client: AssumeRoleClient | (() => AssumeRoleClient),
  roleArn: string,
  roleSessionName: string | undefined,
  durationSeconds: number = DEFAULT_DURATION_SECONDS,
  externalId: string | undefined,
  serialNumber: string | undefined,
  tokenCode: string | undefined,
  tokenProvider: TokenProvider | undefined,
  clock: Clock = Date.now,
  more?: Partial<AssumeRoleInput>,
): CredentialsProvider {
  return {
    name: ASSUME_ROLE_PROVIDER_NAME,
    async retrieve(retrieveOptions?: GetCredentialsOptions): Promise<CredentialsValue> {
      let code: string | undefined;
      if (serialNumber) {
        if (tokenCode) code = tokenCode;
        else if (tokenProvider !== undefined) code = await tokenProvider();
        else {
          throw new AssumeRoleError(
            "AssumeRoleTokenNotAvailable",
            `assume role with MFA enabled, but neither TokenCode nor TokenProvider are set (role ${roleArn}, mfa_serial ${serialNumber})`,
          );
        }
      }
      if (typeof client === "function") client = client();
      const input: Record<string, unknown> = {
        ...more,
        RoleArn: roleArn,
        RoleSessionName: roleSessionName || (BigInt(Math.trunc(clock())) * 1_000_000n).toString(),
        DurationSeconds: durationSeconds,
        ExternalId: externalId || undefined,
        SerialNumber: code === undefined ? undefined : serialNumber,
        TokenCode: code,
      };
      // Members not given are left out, not sent as `undefined`.
      for (const key in input) if (input[key] === undefined) delete input[key];
      const out = await client.assumeRole(input as unknown as AssumeRoleInput, { signal: retrieveOptions?.signal });
      const c = out.Credentials;
      if (c === undefined) throw new AssumeRoleError("AssumeRoleNoCredentials", `STS returned no credentials for role ${roleArn}`);
      return createCredentialsValue({
        accessKeyId: c.AccessKeyId,
        secretAccessKey: c.SecretAccessKey,
        sessionToken: c.SessionToken,
        expiration: c.Expiration,
        // The account id of an ARN such as `arn:aws:sts::123456789012:assumed-role/r/s`; empty (RGW) gives none.
        accountId: out.AssumedRoleUser?.Arn.split(":", 5)[4] || undefined,
        providerName: ASSUME_ROLE_PROVIDER_NAME,
      });
    },
  };
}
