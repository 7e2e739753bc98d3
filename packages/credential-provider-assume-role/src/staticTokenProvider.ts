import type { TokenProvider } from "@sessionkit/types";
import { AssumeRoleError } from "./AssumeRoleError.js";

/**
 * A token provider that always answers `code` (scripts, demos, tests). A real TOTP code is valid for a short
 * while only, so prefer {@link envTokenProvider} or a prompt for anything long-running.
 */
export function staticTokenProvider(code: string): TokenProvider {
  return () => Promise.resolve(code);
}

/**
 * A non-interactive token provider that reads the code from an environment variable at each call (so a
 * wrapper script can refresh it), default `AWS_MFA_TOKEN_CODE`. A missing or empty variable fails with
 * `AssumeRoleTokenNotAvailable` naming the variable.
 */
export function envTokenProvider(name = "AWS_MFA_TOKEN_CODE", env?: Readonly<Record<string, string | undefined>>): TokenProvider {
  return () => {
    const code = (env ?? process.env)[name]?.trim();
    return code
      ? Promise.resolve(code)
      : Promise.reject(new AssumeRoleError("AssumeRoleTokenNotAvailable", `no MFA token code: environment variable ${name} is not set`));
  };
}
