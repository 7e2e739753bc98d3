import {
  type EnvConfig,
  maskSecret,
  profileChain,
  type SharedConfig,
  SharedConfigError,
  type Sourced,
  type ValueSource,
} from "@sessionkit/config";
import {
  CredentialsError,
  createCredentials,
  createCredentialsValue,
  NoCredentialProvidersError,
  staticCredentials,
} from "@sessionkit/credentials";
import type { ClientConfigProvider, Credentials, CredentialsProvider } from "@sessionkit/types";
import { AssumeRoleTokenProviderNotSetError } from "./AssumeRoleTokenProviderNotSetError.js";
import { credentialsResult } from "./assembleSession.js";
import { DEFAULT_SOURCE as DEFAULT } from "./resolveConfig.js";
import { failingProvider, lazyProvider } from "./lazyProvider.js";
import type { ExplainLine } from "./SessionExplanation.js";
import { SessionError } from "./SessionError.js";
import type { Environment, SessionOptions } from "./SessionOptions.js";
import { toTokenProvider } from "./tokenProvider.js";

/** The credentials, their source, and how `explain` describes them (the last line is what signs). */
export type ResolvedCredentials = readonly [credentials: Credentials, source: ValueSource, explain: readonly ExplainLine[]];

/** Keys as `@sessionkit/config` reads them (env or profile), each with its source. */
interface SourcedKeys {
  readonly accessKeyId: Sourced<string>;
  readonly secretAccessKey: Sourced<string>;
  readonly sessionToken?: Sourced<string>;
}

/**
 * Go v1's `resolveCredentials` (spec §4), run only when code gave no credentials. Creation-time problems
 * (an `mfa_serial` without a token provider, a bad `credential_source`, web identity without a role) throw
 * now; nothing is fetched until the first `get()`. Everything it needs was read once, at creation (positional
 * arguments: one call site, and an options object would cost its property names in every bundle).
 *
 * @param env The `AWS_*` and home variables read at creation.
 * @param options The session's options: `env` is what a `credential_process` command gets (else `process.env`
 *   at its run); `assumeRoleTokenProvider`, `assumeRoleDuration` and `config.clock` configure the role steps.
 * @param shared The profile's shared config; `undefined` when it does not exist or its load error was ignored.
 * @param profileName The profile name in use (options, env, or `default`).
 * @param fromOptions True when `options.profile` named it: profile credentials then beat env ones (Go #2727).
 * @param stsConfig What the STS client of a role step is made from (Go: a session with the config at creation
 *   and a copy of its handlers); the step's source credentials are given to the client as an override.
 */
export function resolveCredentials(
  env: Environment,
  options: SessionOptions,
  envConfig: EnvConfig,
  shared: SharedConfig | undefined,
  profileName: string,
  fromOptions: boolean,
  stsConfig: () => ClientConfigProvider,
): ResolvedCredentials {
  const clock = options.config?.clock ?? Date.now;

  /** A provider loaded at its first retrieve, cached by `createCredentials` (Go's session sets no expiry window). */
  const lazy = (name: string, load: () => Promise<CredentialsProvider>): Credentials =>
    createCredentials(lazyProvider(name, load), { clock });

  const c = envConfig.credentials;
  const file = envConfig.webIdentityTokenFile;
  if (!fromOptions) {
    if (c !== undefined) return keys(c, env.AWS_ACCOUNT_ID, ENV_CREDENTIALS);
    if (file !== undefined) {
      if (envConfig.roleArn === undefined) {
        throw new SessionError("WebIdentityErr", "role ARN is not set (AWS_WEB_IDENTITY_TOKEN_FILE needs AWS_ROLE_ARN)");
      }
      return notSupported("WebIdentityCredentials", "web identity (AWS_WEB_IDENTITY_TOKEN_FILE)", file.source);
    }
  }
  if (shared === undefined) return defaultChain(profileName);

  const [base, ...roles] = profileChain(shared);
  const profile = base.profile;
  const where = `(profile ${profile}`;
  let [credentials, source, lines] = ((): ResolvedCredentials => {
    switch (base.type) {
      case "staticKeys":
        return keys(base, base.accountId?.value, base.providerName);
      case "credentialSource": {
        // Go's `resolveCredsFromSource` (spec §4.5): values are case-sensitive.
        const { value, source } = base.credentialSource;
        if (value === "Environment") {
          // Empty keys fail at get() with EmptyStaticCreds, as Go's static provider does.
          return keys(c, undefined, ENV_CREDENTIALS, source, `${ENV_CREDENTIALS} (credential_source Environment)`);
        }
        const ecs = value === "EcsContainer";
        if (ecs && !env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI) {
          throw new SharedConfigError(
            profile,
            "EcsContainer was specified as the credential_source, but 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI' was not set",
          );
        }
        if (ecs || value === "Ec2InstanceMetadata") {
          return notSupported(ecs ? "EndpointCredentialsProvider" : "EC2RoleProvider", `credential_source ${value} ${where})`, source);
        }
        throw new SharedConfigError(profile, `credential source values must be EcsContainer, Ec2InstanceMetadata, or Environment ${where} has ${value})`);
      }
      case "credentialProcess": {
        const command = base.command.value;
        const processEnv = options.env;
        // Beyond Go: the profile's aws_account_id fills in when the process output has no AccountId.
        let node: SharedConfig | undefined = shared;
        while (node && node.profile !== profile) node = node.sourceProfile;
        const account = node?.properties.get("aws_account_id")?.value;
        const accountId = (typeof account === "string" && account) || undefined;
        return credentialsResult(
          // Go passes the process environment; an injected one replaces it.
          lazy("ProcessProvider", async () =>
            (await import("@sessionkit/credential-provider-shared-file/process")).credentialProcess(command, processEnv && { ...processEnv }, accountId),
          ),
          base.command.source,
          "ProcessProvider (credential_process)",
        );
      }
      case "webIdentity":
        return notSupported("WebIdentityCredentials", `web_identity_token_file ${where})`, base.webIdentityTokenFile.source);
      case "sso":
        return notSupported("SSOProvider", `SSO ${where})`, (base.ssoSession ?? base.ssoStartUrl ?? base.ssoAccountId)?.source);
      case "defaultChain":
        return defaultChain(profile);
    }
  })();

  const option = options.assumeRoleTokenProvider;
  const tokenProvider = option && toTokenProvider(option);
  for (const role of roles) {
    const signWith = credentials;
    const mfaSerial = role.mfaSerial?.value;
    const externalId = role.externalId?.value;
    if (mfaSerial !== undefined && !tokenProvider) throw new AssumeRoleTokenProviderNotSetError(role.profile);
    // Spec §4.12: the option if set; else `duration_seconds` only when over 15 whole minutes; else 900 (Go's default).
    const fromFile = role.durationSeconds?.value ?? 0;
    const durationSeconds = options.assumeRoleDuration || (Math.trunc(fromFile / 60) > 15 ? fromFile : 900);
    // STS is loaded with the first retrieve: sessions that assume no role never load it. The token provider is
    // asked only for a step with mfa_serial.
    credentials = lazy("AssumeRoleProvider", async () => {
      const { roleProvider, stsClient } = await import("@sessionkit/credential-provider-assume-role/role");
      const sts = stsConfig();
      // Positional (see roleProvider): client, roleArn, roleSessionName, durationSeconds, externalId,
      // serialNumber, tokenCode, tokenProvider, clock.
      return roleProvider(
        () => stsClient(sts, signWith),
        role.roleArn.value,
        role.roleSessionName?.value,
        durationSeconds,
        externalId,
        mfaSerial,
        undefined,
        tokenProvider,
        clock,
      );
    });
    source = role.roleArn.source;
    lines = [
      ...lines,
      [
        "credentials",
        `AssumeRoleProvider ${role.roleArn.value} (${durationSeconds}s${mfaSerial === undefined ? "" : `, mfa_serial ${mfaSerial}`}${externalId === undefined ? "" : ", external_id set"})`,
        source,
      ],
    ];
  }
  // The base and every step but the last become the sources of what signs (the base's result is one line).
  return [credentials, source, lines.map((l, i): ExplainLine => (i < roles.length ? [`credentials.source[${i}]`, l[1], l[2]] : l))];
}


const ENV_CREDENTIALS = "EnvConfigCredentials";

/**
 * Go's fallback when a profile names no credentials (spec §4.3 g): a chain whose first two links only report
 * why the environment and the profile gave nothing, then the remote provider (EC2/ECS), which sessionkit does
 * not include. Every link fails, so the chain's error (naming all three) is all there is to it (and a provider
 * that never gives a value needs no clock).
 */
function defaultChain(profile: string): ResolvedCredentials {
  return credentialsResult(
    createCredentials(
      failingProvider(
        "ChainProvider",
        () =>
          new NoCredentialProvidersError(
            [
              { provider: "EnvProvider", error: new CredentialsError("EnvAccessKeyNotFound", "failed to find credentials in the environment.") },
              { provider: "SharedCredentialsProvider", error: new CredentialsError("SharedCredsLoad", `failed to load profile, ${profile}.`) },
              { provider: "RemoteCredProvider", error: unsupportedError("EC2 instance metadata / container credentials") },
            ],
            false,
          ),
      ),
    ),
    { source: "default", note: "no credentials in code, environment or profile" },
    "ChainProvider (no credentials configured)",
    DEFAULT,
  );
}

function unsupportedError(what: string): SessionError {
  return new SessionError(
    "CredentialProviderNotSupported",
    `${what} credentials are not supported by sessionkit; use static keys, credential_source = Environment, source_profile or credential_process`,
  );
}

/** Something Go would resolve that sessionkit does not include: fails at the first get(), naming what and where. */
function notSupported(name: string, what: string, source = DEFAULT): ResolvedCredentials {
  return credentialsResult(createCredentials(failingProvider(name, () => unsupportedError(what))), source, `${name} (not supported: ${what})`);
}

/**
 * Static keys (Go's static provider); missing keys (`credential_source = Environment` with none set) are empty.
 * Beyond Go, the account id of `AWS_ACCOUNT_ID` / `aws_account_id` rides along on the value, as the cross-SDK
 * suites expect. Explain shows `label` and the key id's last four characters, sourced to `source` (by default
 * the key id's).
 */
function keys(
  k: SourcedKeys | undefined,
  accountId: string | undefined,
  name: string,
  source = (k as SourcedKeys).accessKeyId.source,
  label = name,
): ResolvedCredentials {
  const given = { accessKeyId: k?.accessKeyId.value ?? "", secretAccessKey: k?.secretAccessKey.value ?? "", sessionToken: k?.sessionToken?.value };
  let credentials: Credentials;
  if (accountId && given.accessKeyId && given.secretAccessKey) {
    const value = createCredentialsValue({ ...given, accountId, providerName: name });
    credentials = createCredentials({ name, retrieve: () => Promise.resolve(value) });
  } else credentials = staticCredentials(given, name);
  return credentialsResult(credentials, source, `${label}${k ? ` ${maskSecret(k.accessKeyId.value, "partial")}` : ", none set"}`);
}
