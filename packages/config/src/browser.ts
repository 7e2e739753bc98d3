// Browser-safe entry (`@sessionkit/config/browser`): everything but file reading. No fs, os, path.
export type { CommonSettings, Ec2MetadataEndpointMode } from "./CommonSettings.js";
export { CredentialRequiresARNError } from "./CredentialRequiresARNError.js";
export { EnvConfigError } from "./EnvConfigError.js";
export { type ExplainInput, type ExplainRow, explainConfig, formatExplain } from "./explainConfig.js";
export { goParseBool } from "./goParseBool.js";
export {
  type EnvConfig,
  type EnvCredentials,
  type LoadEnvConfigOptions,
  loadEnvConfig,
  parseEc2MetadataEndpointMode,
} from "./loadEnvConfig.js";
export { maskSecret, SECRET_MASK, type SecretKind, secretKind, secretSourced } from "./maskSecret.js";
export {
  mergeSharedConfigFiles,
  type ParseSharedConfigInput,
  type ParseSharedConfigOptions,
  type ProfileData,
  parseSharedConfig,
  type SharedConfigData,
} from "./parseSharedConfig.js";
export {
  isIdentifier,
  type ParsedSharedConfigFile,
  type ParseSharedConfigFileOptions,
  parseSharedConfigFile,
  type SharedConfigFileKind,
  type SharedConfigProperty,
  type SharedConfigSection,
  type SubProperties,
} from "./parseSharedConfigFile.js";
export {
  type AssumeRoleStep,
  type CredentialProcessStep,
  type CredentialSourceStep,
  type DefaultChainStep,
  type ProfileChain,
  type ProfileChainBase,
  type ProfileChainOptions,
  profileChain,
  type SsoStep,
  type StaticKeysStep,
  type WebIdentityStep,
} from "./profileChain.js";
export {
  configuredEndpointsIgnored,
  type EndpointProfileSettings,
  type ResolveConfiguredEndpointOptions,
  resolveConfiguredEndpoint,
  serviceConfigKey,
  serviceEndpointEnvName,
} from "./resolveConfiguredEndpoint.js";
export { type ResolveProfileChainOptions, resolveProfileChain, sharedConfigFileFromData } from "./resolveProfileChain.js";
export {
  type ChainRules,
  hasSharedCredentials,
  hasSsoConfiguration,
  type ResolveSharedConfigOptions,
  resolveSharedConfig,
  type ServicesSettings,
  type SharedConfig,
  type SharedCredentials,
  type SsoSession,
} from "./resolveSharedConfig.js";
export { SharedConfigAssumeRoleError } from "./SharedConfigAssumeRoleError.js";
export { SharedConfigError } from "./SharedConfigError.js";
export { type SharedConfigFileRef, sharedConfigFileList } from "./sharedConfigFileList.js";
export {
  type Env,
  homeDirectory,
  type SharedConfigFilenames,
  type SharedConfigFilenamesOptions,
  sharedConfigFilenames,
} from "./sharedConfigFilenames.js";
export { SharedConfigLoadError } from "./SharedConfigLoadError.js";
export { SharedConfigParseError } from "./SharedConfigParseError.js";
export { SharedConfigProfileNotExistsError } from "./SharedConfigProfileNotExistsError.js";
export { firstSet, formatSource, fromCode, type Sourced, sourced, type ValueSource } from "./ValueSource.js";
