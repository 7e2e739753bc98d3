import { CredentialsError } from "@sessionkit/credentials";
import type { CredentialsProvider } from "@sessionkit/types";
import { ACCESS_KEY_VARS, ENV_PROVIDER_NAME, type Env, envCredentials, firstEnvValue } from "./envCredentials.js";

/**
 * A provider of the environment's static credentials, named `"EnvConfigCredentials"`. It reads `env` at each
 * retrieve (Go's `EnvProvider`); pass a snapshot to pin it. Without both keys it fails with Go's errors:
 * `EnvAccessKeyNotFound: AWS_ACCESS_KEY_ID or AWS_ACCESS_KEY not found in environment`, then
 * `EnvSecretNotFound: AWS_SECRET_ACCESS_KEY or AWS_SECRET_KEY not found in environment`.
 *
 * `env` defaults to `process.env`, looked up when `fromEnv()` is called (never at import, so browser bundles
 * need no `process`); where there is no `process` it is empty.
 */
export function fromEnv(env: Env = globalThis.process?.env ?? {}): CredentialsProvider {
  return {
    name: ENV_PROVIDER_NAME,
    retrieve: () => {
      const value = envCredentials(env);
      if (value !== undefined) return Promise.resolve(value);
      return Promise.reject(
        firstEnvValue(env, ACCESS_KEY_VARS) === undefined
          ? new CredentialsError("EnvAccessKeyNotFound", "AWS_ACCESS_KEY_ID or AWS_ACCESS_KEY not found in environment")
          : new CredentialsError("EnvSecretNotFound", "AWS_SECRET_ACCESS_KEY or AWS_SECRET_KEY not found in environment"),
      );
    },
  };
}
