import { createCredentialsValue } from "@sessionkit/credentials";
import type { CredentialsValue } from "@sessionkit/types";

/** An environment to read: `process.env` or a snapshot of it. */
export type Env = Readonly<Record<string, string | undefined>>;

/** The provider name Go's session gives env credentials. */
export const ENV_PROVIDER_NAME = "EnvConfigCredentials";

/** Go's `setFromEnvVal`: the first variable in list order whose value is non-empty; empty counts as unset. */
export function firstEnvValue(env: Env, names: readonly string[]): string | undefined {
  for (const n of names) {
    const v = env[n];
    if (v) return v;
  }
  return undefined;
}

export const ACCESS_KEY_VARS = ["AWS_ACCESS_KEY_ID", "AWS_ACCESS_KEY"] as const;
export const SECRET_KEY_VARS = ["AWS_SECRET_ACCESS_KEY", "AWS_SECRET_KEY"] as const;
export const SESSION_TOKEN_VARS = ["AWS_SESSION_TOKEN"] as const;

/**
 * The static credentials an environment holds, with Go's rules, or `undefined`: `AWS_ACCESS_KEY_ID` (else
 * `AWS_ACCESS_KEY`) and `AWS_SECRET_ACCESS_KEY` (else `AWS_SECRET_KEY`) must both be non-empty, or the
 * environment has no credentials (a lone key, secret or token is ignored); `AWS_SESSION_TOKEN` is optional.
 * Pure: a session calls it once on its env snapshot, as Go reads env at session creation.
 */
export function envCredentials(env: Env): CredentialsValue | undefined {
  const accessKeyId = firstEnvValue(env, ACCESS_KEY_VARS);
  const secretAccessKey = firstEnvValue(env, SECRET_KEY_VARS);
  if (accessKeyId === undefined || secretAccessKey === undefined) return undefined;
  return createCredentialsValue({
    accessKeyId,
    secretAccessKey,
    sessionToken: firstEnvValue(env, SESSION_TOKEN_VARS),
    providerName: ENV_PROVIDER_NAME,
  });
}
