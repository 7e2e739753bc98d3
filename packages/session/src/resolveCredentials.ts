import {
  type AssumeRoleStep,
  type EnvConfig,
  maskSecret,
  type ProfileChainBase,
  profileChain,
  type SharedConfig,
  SharedConfigError,
  type Sourced,
  type ValueSource,
} from "@sessionkit/config";
import {
  chainProvider,
  createCredentials,
  createCredentialsValue,
  CredentialsError,
  type StaticKeys,
  staticCredentials,
} from "@sessionkit/credentials";
import type { ClientConfigProvider, Credentials, TokenProvider } from "@sessionkit/types";
import { AssumeRoleTokenProviderNotSetError } from "./AssumeRoleTokenProviderNotSetError.js";
import { failingProvider, lazyProvider } from "./lazyProvider.js";
import type { ExplainEntry } from "./SessionExplanation.js";
import { SessionError } from "./SessionError.js";
import type { Environment } from "./SessionOptions.js";

/** What credential resolution needs from session creation (all read once, at creation). */
export interface CredentialsInput {
  /** The `AWS_*` and home variables read at creation. */
  readonly env: Environment;
  /** The environment a `credential_process` command gets: the injected one, else `process.env` at its run. */
  readonly processEnv: Environment | undefined;
  readonly envConfig: EnvConfig;
  /** The profile's shared config; `undefined` when it does not exist or its load error was ignored (Go). */
  readonly shared: SharedConfig | undefined;
  /** The profile name in use (options, env, or `default`). */
  readonly profile: string;
  /** True when `options.profile` named it: profile credentials then beat env credentials (Go #2727). */
  readonly profileFromOptions: boolean;
  readonly assumeRoleTokenProvider?: TokenProvider;
  /** Seconds; beats `duration_seconds`. */
  readonly assumeRoleDuration?: number;
  /**
   * What the STS client of an assume-role step is made from (Go: a session with the config at creation and a
   * copy of its handlers); the step's source credentials are given to the client as an override.
   */
  readonly stsConfig: () => ClientConfigProvider;
  readonly clock: () => number;
}

/** The credentials and how `explain` describes them. */
export interface ResolvedCredentials {
  readonly credentials: Credentials;
  readonly source: ValueSource;
  readonly explain: readonly ExplainEntry[];
}

/** Go's `stscreds.DefaultDuration`. */
const DEFAULT_DURATION_SECONDS = 900;

/**
 * Go v1's `resolveCredentials` (spec §4), run only when code gave no credentials. Creation-time problems
 * (an `mfa_serial` without a token provider, a bad `credential_source`, web identity without a role) throw
 * now; nothing is fetched until the first `get()`.
 */
export function resolveCredentials(input: CredentialsInput): ResolvedCredentials {
  const env = input.envConfig;
  if (input.profileFromOptions) return fromProfile(input);
  if (env.credentials !== undefined) {
    const c = env.credentials;
    const accountId = input.env.AWS_ACCOUNT_ID;
    return {
      credentials: keysCredentials(
        {
          accessKeyId: c.accessKeyId.value,
          secretAccessKey: c.secretAccessKey.value,
          sessionToken: c.sessionToken?.value,
          accountId: accountId === "" ? undefined : accountId,
        },
        "EnvConfigCredentials",
      ),
      source: c.accessKeyId.source,
      explain: [entry("credentials", `EnvConfigCredentials ${shownKey(c.accessKeyId)}`, c.accessKeyId.source)],
    };
  }
  if (env.webIdentityTokenFile !== undefined) {
    if (env.roleArn === undefined) {
      throw new SessionError("WebIdentityErr", "role ARN is not set (AWS_WEB_IDENTITY_TOKEN_FILE needs AWS_ROLE_ARN)");
    }
    return notSupported("WebIdentityCredentials", "web identity (AWS_WEB_IDENTITY_TOKEN_FILE)", env.webIdentityTokenFile.source);
  }
  return fromProfile(input);
}

function fromProfile(input: CredentialsInput): ResolvedCredentials {
  const shared = input.shared;
  if (shared === undefined) return defaultChain(input, input.profile);
  const [base, ...roles] = profileChain(shared);
  const first = baseCredentials(base, input, shared);
  let credentials = first.credentials;
  let source = first.source;
  const steps: ExplainEntry[] = [...first.explain];
  for (const role of roles) {
    credentials = assumeRole(role, credentials, input);
    source = role.roleArn.source;
    steps.push(entry("credentials", `AssumeRoleProvider ${role.roleArn.value}${roleDetails(role, input)}`, source));
  }
  // The last step is what signs; the ones before it are listed as its sources, base first.
  const explain = steps.map((e, i) => (i === steps.length - 1 ? e : { ...e, setting: `credentials.source[${i}]` }));
  return { credentials, source, explain };
}

function baseCredentials(base: ProfileChainBase, input: CredentialsInput, shared: SharedConfig): ResolvedCredentials {
  switch (base.type) {
    case "staticKeys":
      return {
        credentials: keysCredentials(
          {
            accessKeyId: base.accessKeyId.value,
            secretAccessKey: base.secretAccessKey.value,
            sessionToken: base.sessionToken?.value,
            accountId: base.accountId?.value,
          },
          base.providerName,
        ),
        source: base.accessKeyId.source,
        explain: [entry("credentials", `${base.providerName} ${shownKey(base.accessKeyId)}`, base.accessKeyId.source)],
      };
    case "credentialSource":
      return credentialSource(base.credentialSource, base.profile, input);
    case "credentialProcess": {
      const command = base.command.value;
      const env = input.processEnv;
      // Beyond Go: the profile's aws_account_id fills in when the process output has no AccountId.
      const account = profileNode(shared, base.profile)?.properties.get("aws_account_id")?.value;
      const accountId = typeof account === "string" && account !== "" ? account : undefined;
      return {
        credentials: createCredentials(
          lazyProvider("ProcessProvider", async () => {
            const { processProvider } = await import("@sessionkit/credential-provider-shared-file/lazy");
            // Go passes the process environment; an injected one replaces it.
            return processProvider(command, { ...(env === undefined ? {} : { env: { ...env } }), accountId });
          }),
          { clock: input.clock },
        ),
        source: base.command.source,
        explain: [entry("credentials", "ProcessProvider (credential_process)", base.command.source)],
      };
    }
    case "webIdentity":
      return notSupported("WebIdentityCredentials", `web_identity_token_file (profile ${base.profile})`, base.webIdentityTokenFile.source);
    case "sso":
      return notSupported("SSOProvider", `SSO (profile ${base.profile})`, (base.ssoSession ?? base.ssoStartUrl ?? base.ssoAccountId)?.source);
    case "defaultChain":
      return defaultChain(input, base.profile);
  }
}

/** The resolved config of `profile` in a `source_profile` chain. */
function profileNode(shared: SharedConfig, profile: string): SharedConfig | undefined {
  for (let node: SharedConfig | undefined = shared; node !== undefined; node = node.sourceProfile) {
    if (node.profile === profile) return node;
  }
  return undefined;
}

/** Go's `resolveCredsFromSource` (spec §4.5): values are case-sensitive. */
function credentialSource(source: Sourced<string>, profile: string, input: CredentialsInput): ResolvedCredentials {
  switch (source.value) {
    case "Environment": {
      const c = input.envConfig.credentials;
      return {
        // Empty keys fail at get() with EmptyStaticCreds, as Go's static provider does.
        credentials: staticCredentials(
          { accessKeyId: c?.accessKeyId.value ?? "", secretAccessKey: c?.secretAccessKey.value ?? "", sessionToken: c?.sessionToken?.value },
          "EnvConfigCredentials",
        ),
        source: source.source,
        explain: [entry("credentials", `EnvConfigCredentials (credential_source Environment)${c === undefined ? ", none set" : ` ${shownKey(c.accessKeyId)}`}`, source.source)],
      };
    }
    case "Ec2InstanceMetadata":
      return notSupported("EC2RoleProvider", `credential_source Ec2InstanceMetadata (profile ${profile})`, source.source);
    case "EcsContainer":
      if ((input.env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI ?? "") === "") {
        throw new SharedConfigError(
          profile,
          "EcsContainer was specified as the credential_source, but 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI' was not set",
        );
      }
      return notSupported("EndpointCredentialsProvider", `credential_source EcsContainer (profile ${profile})`, source.source);
    default:
      throw new SharedConfigError(
        profile,
        `credential source values must be EcsContainer, Ec2InstanceMetadata, or Environment (profile ${profile} has ${source.value})`,
      );
  }
}

/**
 * Go's fallback when a profile names no credentials (spec §4.3 g): a chain whose first two links only report
 * why the environment and the profile gave nothing, then the remote provider (EC2/ECS), which sessionkit does
 * not include. The chain's error names all three.
 */
function defaultChain(input: CredentialsInput, profile: string): ResolvedCredentials {
  const provider = chainProvider([
    failingProvider("EnvProvider", () => new CredentialsError("EnvAccessKeyNotFound", "failed to find credentials in the environment.")),
    failingProvider("SharedCredentialsProvider", () => new CredentialsError("SharedCredsLoad", `failed to load profile, ${profile}.`)),
    failingProvider("RemoteCredProvider", () => unsupportedError("EC2 instance metadata / container credentials")),
  ]);
  return {
    credentials: createCredentials(provider, { clock: input.clock }),
    source: { source: "default", note: "no credentials in code, environment or profile" },
    explain: [entry("credentials", "ChainProvider (no credentials configured)", { source: "default" })],
  };
}

function assumeRole(role: AssumeRoleStep, source: Credentials, input: CredentialsInput): Credentials {
  const mfaSerial = role.mfaSerial?.value;
  if (mfaSerial !== undefined && input.assumeRoleTokenProvider === undefined) {
    throw new AssumeRoleTokenProviderNotSetError(role.profile);
  }
  const durationSeconds = assumeRoleDuration(role, input);
  const tokenProvider = input.assumeRoleTokenProvider;
  const provider = lazyProvider("AssumeRoleProvider", async () => {
    // STS is loaded with the first retrieve: sessions that assume no role never load it.
    const { assumeRoleProvider, stsClientFactory } = await import("@sessionkit/credential-provider-assume-role/lazy");
    const makeClient = stsClientFactory(input.stsConfig());
    return assumeRoleProvider({
      client: () => makeClient(source, role),
      roleArn: role.roleArn.value,
      roleSessionName: role.roleSessionName?.value,
      durationSeconds,
      externalId: role.externalId?.value,
      serialNumber: mfaSerial,
      tokenProvider: mfaSerial === undefined ? undefined : tokenProvider,
      clock: input.clock,
    });
  });
  // Go's session sets no expiry window for assume role (spec §4.13).
  return createCredentials(provider, { clock: input.clock });
}

/** Spec §4.12: the option if set; else `duration_seconds` only when over 15 whole minutes; else 900. */
function assumeRoleDuration(role: AssumeRoleStep, input: CredentialsInput): number {
  const option = input.assumeRoleDuration;
  if (option !== undefined && option !== 0) return option;
  const fromFile = role.durationSeconds?.value;
  if (fromFile !== undefined && Math.trunc(fromFile / 60) > 15) return fromFile;
  return DEFAULT_DURATION_SECONDS;
}

function roleDetails(role: AssumeRoleStep, input: CredentialsInput): string {
  const parts = [`${assumeRoleDuration(role, input)}s`];
  if (role.mfaSerial !== undefined) parts.push(`mfa_serial ${role.mfaSerial.value}`);
  if (role.externalId !== undefined) parts.push("external_id set");
  return ` (${parts.join(", ")})`;
}

function unsupportedError(what: string): SessionError {
  return new SessionError(
    "CredentialProviderNotSupported",
    `${what} credentials are not supported by sessionkit; use static keys, credential_source = Environment, source_profile or credential_process`,
  );
}

/** Something Go would resolve that sessionkit does not include: fails at the first get(), naming what and where. */
function notSupported(name: string, what: string, source: ValueSource | undefined): ResolvedCredentials {
  const src = source ?? { source: "default" };
  return {
    credentials: createCredentials(failingProvider(name, () => unsupportedError(what))),
    source: src,
    explain: [entry("credentials", `${name} (not supported: ${what})`, src)],
  };
}

/**
 * Static keys (Go's static provider). Beyond Go, the account id of `AWS_ACCOUNT_ID` / `aws_account_id` rides
 * along on the value, as the cross-SDK suites expect.
 */
function keysCredentials(keys: StaticKeys & { readonly accountId?: string }, providerName: string): Credentials {
  if (keys.accountId === undefined || keys.accessKeyId === "" || keys.secretAccessKey === "") {
    return staticCredentials(keys, providerName);
  }
  const value = createCredentialsValue({ ...keys, providerName });
  return createCredentials({ name: providerName, retrieve: () => Promise.resolve(value) });
}

function entry(setting: string, value: string, source: ValueSource): ExplainEntry {
  return { setting, value, source };
}

/** An access key id as `explain` shows it: its last four characters. */
function shownKey(key: Sourced<string>): string {
  return maskSecret(key.value, "partial");
}
