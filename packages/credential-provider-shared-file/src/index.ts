export { type ProcessProviderOptions, processProvider, type SpawnedProcess, type SpawnFn } from "./processProvider.js";
export { ProcessProviderError } from "./ProcessProviderError.js";
export { chainBaseProvider, profileCredentialsProvider } from "./profileCredentialsProvider.js";
export { PROCESS_PROVIDER_NAME, parseProcessOutput } from "./parseProcessOutput.js";
export { type SharedFileKeys, sharedConfigCredentialsProvider } from "./sharedConfigCredentialsProvider.js";
