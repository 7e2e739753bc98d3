import { type ChainRules, hasSsoConfiguration, noCredentials, type SharedConfig, type SharedCredentials } from "./resolveSharedConfig.js";
import { SharedConfigError } from "./SharedConfigError.js";
import { KEYS, keyField, keyOffsets } from "./sharedConfigKeys.js";
import { isSet, type Sourced } from "./ValueSource.js";

/** Static keys from a profile. */
export interface StaticKeysStep extends SharedCredentials {
  readonly type: "staticKeys";
  readonly profile: string;
}

/** `credential_source` (`Environment`, `Ec2InstanceMetadata`, `EcsContainer`; checked by the provider). */
export interface CredentialSourceStep {
  readonly type: "credentialSource";
  readonly profile: string;
  readonly credentialSource: Sourced<string>;
}

/** `credential_process`. */
export interface CredentialProcessStep {
  readonly type: "credentialProcess";
  readonly profile: string;
  readonly command: Sourced<string>;
}

/** `web_identity_token_file` with its own `role_arn` (AssumeRoleWithWebIdentity). */
export interface WebIdentityStep {
  readonly type: "webIdentity";
  readonly profile: string;
  readonly roleArn: Sourced<string>;
  readonly webIdentityTokenFile: Sourced<string>;
  readonly roleSessionName?: Sourced<string>;
}

/** SSO: legacy keys, or an `sso_session` whose region and start URL come from its section. */
export interface SsoStep {
  readonly type: "sso";
  readonly profile: string;
  readonly ssoSession?: Sourced<string>;
  readonly ssoAccountId?: Sourced<string>;
  readonly ssoRegion?: Sourced<string>;
  readonly ssoRoleName?: Sourced<string>;
  readonly ssoStartUrl?: Sourced<string>;
}

/** Go only: the profile names no credentials, so the default chain (env, then remote) supplies them. */
export interface DefaultChainStep {
  readonly type: "defaultChain";
  readonly profile: string;
}

/** Where the chain's first credentials come from. */
export type ProfileChainBase =
  | StaticKeysStep
  | CredentialSourceStep
  | CredentialProcessStep
  | WebIdentityStep
  | SsoStep
  | DefaultChainStep;

/** An STS AssumeRole using the previous step's credentials. */
export interface AssumeRoleStep {
  readonly type: "assumeRole";
  readonly profile: string;
  readonly roleArn: Sourced<string>;
  readonly externalId?: Sourced<string>;
  readonly roleSessionName?: Sourced<string>;
  readonly mfaSerial?: Sourced<string>;
  /** `duration_seconds` as read (Go applies its own 15-minute rule when it builds the provider). */
  readonly durationSeconds?: Sourced<number>;
}

/** Base credentials first, then each role to assume in order; the last step is the selected profile's. */
export type ProfileChain = readonly [ProfileChainBase, ...AssumeRoleStep[]];

export interface ProfileChainOptions {
  readonly chainRules?: ChainRules;
}

/** Space-separated field names of `SharedConfig`, checked by the compiler (a typo is `never`). */
type FieldList<S extends string> = S extends `${infer H} ${infer R}`
  ? H extends keyof SharedConfig
    ? `${H} ${FieldList<R>}`
    : never
  : S extends keyof SharedConfig
    ? S
    : never;

/** A step of `type` for `cfg`'s profile with those of the (space-separated) `keys` of `cfg` that are set. */
function step<T, S extends string = never>(type: string, cfg: SharedConfig, keys?: S & FieldList<S>): T {
  const out: Record<string, unknown> = { type, profile: cfg.profile };
  for (const k of (keys ?? "").split(" ")) {
    const v = (cfg as unknown as Record<string, Sourced<unknown> | undefined>)[k];
    if (v !== undefined && v.value !== "") out[k] = v;
  }
  return out as T;
}

const assumeRole = (cfg: SharedConfig): AssumeRoleStep =>
  step("assumeRole", cfg, "roleArn externalId roleSessionName mfaSerial durationSeconds");

type SsoSettings = Partial<Record<string, Sourced<string>>> | undefined;

/**
 * Go's `validateSSOConfiguration`, run when SSO credentials are resolved (not at load). With an `sso_session`,
 * the region and start URL come from its section (the profile's own must match them); else all four settings
 * come from the profile.
 */
function ssoStep(cfg: SharedConfig): SsoStep {
  const session = cfg.ssoSession as SsoSettings;
  const named = isSet(cfg.ssoSessionName);
  // Go's order for the missing settings. The first two come from the session when there is one, and only they
  // are then required.
  const keys = keyOffsets("sso_region sso_start_url sso_account_id sso_role_name");
  const from = (i: number, settings = named && i < 2 ? session : (cfg as unknown as SsoSettings)) => settings?.[keyField(keys[i] as number)];
  const missing =
    named && session === undefined ? ["sso-session"] : keys.filter((_, i) => i < (named ? 2 : 4) && !isSet(from(i))).map((o) => KEYS[o]);
  if (missing.length > 0) {
    throw new SharedConfigError(
      cfg.profile,
      `profile "${cfg.profile}" is configured to use SSO but is missing required configuration: ${missing.join(", ")}`,
    );
  }
  for (const i of named ? [0, 1] : []) {
    const own = from(i, cfg as unknown as SsoSettings);
    if (isSet(own) && own.value !== from(i)?.value) {
      const key = KEYS[keys[i] as number];
      throw new SharedConfigError(cfg.profile, `${key} in profile "${cfg.profile}" must match ${key} in sso-session`);
    }
  }
  const out: Record<string, unknown> = { type: "sso", profile: cfg.profile };
  if (named) out.ssoSession = cfg.ssoSessionName;
  // The step's fields in alphabetical order: account, region, role, start URL (indexes into `keys`).
  for (const i of [2, 0, 3, 1]) if (isSet(from(i))) out[keyField(keys[i] as number)] = from(i);
  return out as unknown as SsoStep;
}

/**
 * The credential chain a resolved profile describes, as data: base credentials first, then each role
 * to assume. Follows Go's `resolveCredsFromProfile` order (source profile, static keys,
 * `credential_source`, web identity, SSO, `credential_process`, default chain); `chainRules:
 * "cross-sdk"` applies the suite's stricter rules instead (see `ChainRules`). Throws `SharedConfigErr`
 * for SSO profiles missing settings, and in cross-SDK mode for a profile without credentials.
 */
export function profileChain(cfg: SharedConfig, options: ProfileChainOptions = {}): ProfileChain {
  const strict = options.chainRules === "cross-sdk";
  const roles: AssumeRoleStep[] = [];
  let node = cfg;
  while (node.sourceProfile !== undefined) {
    if (isSet(node.roleArn)) roles.push(assumeRole(node));
    node = node.sourceProfile;
  }

  let base: ProfileChainBase;
  let ownRoleUsed = false;
  if (node.credentials !== undefined) {
    // The resolved keys hold only the fields that are set.
    base = { ...step<StaticKeysStep>("staticKeys", node), ...node.credentials };
    // Cross-SDK: a source profile with static keys ends the chain; its own role is not assumed.
    ownRoleUsed = strict && node !== cfg;
  } else if (isSet(node.credentialSource)) {
    base = step("credentialSource", node, "credentialSource");
  } else if (isSet(node.webIdentityTokenFile) && isSet(node.roleArn)) {
    base = step("webIdentity", node, "roleArn webIdentityTokenFile roleSessionName");
    ownRoleUsed = true; // the web identity call assumes this profile's role itself
  } else if (hasSsoConfiguration(node)) {
    base = ssoStep(node);
  } else if (isSet(node.credentialProcess)) {
    base = { ...step<CredentialProcessStep>("credentialProcess", node), command: node.credentialProcess };
  } else if (strict) {
    throw new SharedConfigError(
      node.profile,
      isSet(node.roleArn)
        ? `profile ${node.profile} has role_arn but no source_profile, credential_source or web_identity_token_file`
        : noCredentials(node.profile),
    );
  } else {
    base = step("defaultChain", node);
  }
  if (!ownRoleUsed && isSet(node.roleArn)) roles.push(assumeRole(node));
  return [base, ...roles.reverse()];
}
