import { SdkError } from "@sessionkit/errors";

/**
 * Go's `SharedConfigAssumeRoleError`: a `source_profile` that does not exist or holds no credentials.
 * `detail` says which (and names a half-written key pair), after Go's message.
 */
export class SharedConfigAssumeRoleError extends SdkError {
  declare readonly roleArn: string;
  declare readonly sourceProfile: string;

  constructor(roleArn: string, sourceProfile: string, detail?: string) {
    const base = `failed to load assume role for ${roleArn}, source profile ${sourceProfile} has no shared credentials`;
    super("SharedConfigAssumeRoleError", detail === undefined ? base : `${base}: ${detail}`);
    this.roleArn = roleArn;
    this.sourceProfile = sourceProfile;
  }
}
