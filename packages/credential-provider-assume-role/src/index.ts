export { AssumeRoleError } from "./AssumeRoleError.js";
export {
  type AssumeRoleChainOptions,
  type AssumeRoleClientFactory,
  assumeRoleChain,
  assumeRoleDurationSeconds,
  stsClientFactory,
} from "./assumeRoleChain.js";
export {
  ASSUME_ROLE_PROVIDER_NAME,
  type AssumeRoleClient,
  type AssumeRoleProviderOptions,
  assumeRoleProvider,
  DEFAULT_DURATION_SECONDS,
} from "./assumeRoleProvider.js";
export { type CredentialSourceOptions, credentialSourceProvider, type EnvironmentKeys } from "./credentialSourceProvider.js";
export { envTokenProvider, staticTokenProvider } from "./staticTokenProvider.js";
export {
  MFA_PROMPT,
  type PromptInput,
  type PromptOutput,
  type StdinTokenProviderOptions,
  stdinTokenProvider,
} from "./stdinTokenProvider.js";
