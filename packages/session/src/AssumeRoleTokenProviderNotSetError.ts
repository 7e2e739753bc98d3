import { SessionError } from "./SessionError.js";

/**
 * Go's `AssumeRoleTokenProviderNotSetError`: the resolved profile assumes a role with `mfa_serial`, but the
 * session was given no `assumeRoleTokenProvider` to ask for the code.
 */
export class AssumeRoleTokenProviderNotSetError extends SessionError {
  /** The profile whose role needs the MFA code. */
  readonly profile: string;

  constructor(profile: string) {
    super(
      "AssumeRoleTokenProviderNotSetError",
      `assume role with MFA enabled, but AssumeRoleTokenProvider session option not set (profile ${profile})`,
    );
    this.profile = profile;
  }
}
