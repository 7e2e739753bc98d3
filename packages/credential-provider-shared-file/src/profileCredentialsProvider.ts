import type { ProfileChainBase, SharedConfig } from "@sessionkit/config";
import type { CredentialsProvider } from "@sessionkit/types";
import { type ProcessProviderOptions, processProvider } from "./processProvider.js";
import { sharedConfigCredentialsProvider } from "./sharedConfigCredentialsProvider.js";

/** `aws_account_id` of a profile, if set (a string value, not sub-properties). */
function accountIdOf(cfg: Pick<SharedConfig, "properties">): string | undefined {
  const v = cfg.properties.get("aws_account_id")?.value;
  return typeof v === "string" && v !== "" ? v : undefined;
}

/**
 * The credentials a resolved profile itself holds, by **Go v1's rule: static keys beat `credential_process`**.
 *
 * A profile with both a complete `aws_access_key_id`/`aws_secret_access_key` pair (both halves in one file
 * and section) and `credential_process` uses the keys and never runs the process, whichever file the keys
 * are in. The SDKs disagree here (botocore prefers `credential_process` over config-file keys, smithy-rs
 * prefers it for the selected profile); sessionkit ports Go v1, whose fixture `not_alone` pins this rule, and
 * it is the order `profileChain` of `@sessionkit/config` follows. Not running a program when keys are written
 * down is also the less surprising behaviour for someone who pastes keys into a profile to debug it.
 *
 * The process gets the profile's `aws_account_id` as its `AccountId` fallback. Returns `undefined` when the
 * profile has neither (role chains, SSO, web identity are the session's business).
 */
export function profileCredentialsProvider(
  cfg: Pick<SharedConfig, "credentials" | "credentialProcess" | "properties">,
  processOptions: ProcessProviderOptions = {},
): CredentialsProvider | undefined {
  if (cfg.credentials !== undefined) return sharedConfigCredentialsProvider(cfg.credentials);
  const command = cfg.credentialProcess?.value;
  if (command === undefined || command === "") return undefined;
  return processProvider(command, { accountId: accountIdOf(cfg), ...processOptions });
}

/**
 * The provider for the first step of a `profileChain` (`@sessionkit/config`) when that step is the profile's
 * own keys (`staticKeys`) or its `credential_process`; `undefined` for any other kind of step.
 */
export function chainBaseProvider(base: ProfileChainBase, processOptions: ProcessProviderOptions = {}): CredentialsProvider | undefined {
  if (base.type === "staticKeys") return sharedConfigCredentialsProvider(base);
  if (base.type === "credentialProcess") return processProvider(base.command.value, processOptions);
  return undefined;
}
