import { SdkError } from "@sessionkit/errors";

/** Go's `CredentialRequiresARNError`: `source_profile`, `credential_source` or `web_identity_token_file` without `role_arn`. */
export class CredentialRequiresARNError extends SdkError {
  declare readonly credentialType: string;
  declare readonly profile: string;

  constructor(credentialType: string, profile: string) {
    super("CredentialRequiresARNError", `credential type ${credentialType} requires role_arn, profile ${profile}`);
    this.credentialType = credentialType;
    this.profile = profile;
  }
}
