import { staticProvider } from "@sessionkit/credentials";
import type { CredentialsProvider } from "@sessionkit/types";
import { AssumeRoleError } from "./AssumeRoleError.js";

/** The environment's keys, as the env provider read them (e.g. `envCredentials(env)` of `@sessionkit/credential-provider-env`). */
export interface EnvironmentKeys {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

export interface CredentialSourceOptions {
  /** The profile naming the source, for error messages. */
  readonly profile?: string;
  /** For `Environment`: the keys found in the environment, or `undefined` when there are none. */
  readonly environment?: EnvironmentKeys;
}

/**
 * The source credentials of a profile's `credential_source` (Go v1 spec §4.5; values are case-sensitive):
 * - `Environment`: the environment's static keys, named `EnvConfigCredentials`. Missing keys fail at retrieve
 *   with `EmptyStaticCreds: static credentials are empty`, as in Go.
 * - `Ec2InstanceMetadata`, `EcsContainer`: throw `CredentialSourceNotSupported` (sessionkit has no IMDS or
 *   container provider yet), naming the profile.
 * - anything else: throw Go's `SharedConfigErr: credential source values must be EcsContainer,
 *   Ec2InstanceMetadata, or Environment`.
 * Throws at once, so a session fails when it is created, not at the first request.
 */
export function credentialSourceProvider(source: string, options: CredentialSourceOptions = {}): CredentialsProvider {
  const where = options.profile === undefined ? "" : ` (profile ${options.profile})`;
  switch (source) {
    case "Environment":
      return staticProvider(options.environment ?? { accessKeyId: "", secretAccessKey: "" }, "EnvConfigCredentials");
    case "Ec2InstanceMetadata":
    case "EcsContainer":
      throw new AssumeRoleError(
        "CredentialSourceNotSupported",
        `credential_source ${source}${where} is not supported by sessionkit: it has no ${
          source === "EcsContainer" ? "ECS container" : "EC2 instance metadata"
        } credentials provider; use credential_source = Environment, source_profile or credential_process`,
      );
    default:
      throw new AssumeRoleError(
        "SharedConfigErr",
        `credential source values must be EcsContainer, Ec2InstanceMetadata, or Environment${where}`,
      );
  }
}
