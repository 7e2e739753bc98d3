import { SdkError } from "@sessionkit/errors";

/**
 * Go's `SharedConfigProfileNotExistsError`: no loaded file defines the profile. A session ignores it
 * (and uses an empty shared config); a source profile that does not exist becomes
 * `SharedConfigAssumeRoleError` instead.
 */
export class SharedConfigProfileNotExistsError extends SdkError {
  declare readonly profile: string;

  constructor(profile: string, files: readonly string[] = []) {
    const where = files.length > 0 ? ` (looked in ${files.join(", ")})` : "";
    super("SharedConfigProfileNotExistsError", `failed to get profile, ${profile}${where}`);
    this.profile = profile;
  }
}
