import { SdkError } from "@sessionkit/errors";

/**
 * Go's `SharedConfigErr` code, used for every other invalid profile: more than one credential type,
 * an SSO profile missing settings, an `sso_session` without its section, a bad value for a validated
 * key, and (with the cross-SDK chain rules) a profile with no credentials or a `source_profile` loop.
 * `profile` names the profile at fault.
 */
export class SharedConfigError extends SdkError {
  declare readonly profile: string;

  constructor(profile: string, message: string) {
    super("SharedConfigErr", message);
    this.profile = profile;
  }
}
