import { staticTokenProvider, stdinTokenProvider } from "@sessionkit/credential-provider-assume-role";
import type { TokenProvider } from "@sessionkit/types";
import type { CliInput, CliOutput } from "./CliIO.js";
import { CliError } from "./CliError.js";

/** The environment variable a non-interactive run takes the MFA code from. */
export const MFA_CODE_ENV = "SESSIONKIT_MFA_CODE";

/** Where an MFA code may come from, in order. */
export interface MfaCodeSources {
  /** A code given on the command line (`--token-code`, the demo's `--mfa-code`). */
  readonly code?: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdin: CliInput;
  readonly stderr: CliOutput;
}

/**
 * The token provider for roles with `mfa_serial`: the code given on the command line, else
 * `SESSIONKIT_MFA_CODE`, else a prompt (`Assume Role MFA token code: ` on stderr) when stdin is a terminal.
 * Without any of them the provider rejects with a one-line error saying how to give the code, so a script
 * never hangs waiting for input.
 */
export function mfaTokenProvider(sources: MfaCodeSources): TokenProvider {
  if (sources.code !== undefined && sources.code !== "") return staticTokenProvider(sources.code);
  const fromEnv = sources.env[MFA_CODE_ENV]?.trim();
  if (fromEnv !== undefined && fromEnv !== "") return staticTokenProvider(fromEnv);
  if (sources.stdin.isTTY === true) return stdinTokenProvider({ input: sources.stdin, output: sources.stderr });
  return () =>
    Promise.reject(
      new CliError("MfaCodeMissing", "the role needs an MFA code and stdin is not a terminal", {
        hint: `set ${MFA_CODE_ENV}, or run in a terminal to be asked for it (sts assume-role also takes --token-code)`,
      }),
    );
}
