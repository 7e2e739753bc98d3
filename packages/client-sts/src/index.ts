export { parseStsError, type StsErrorContext } from "./parseStsError.js";
export { parseAssumeRoleResponse, parseGetCallerIdentityResponse, parseGetSessionTokenResponse } from "./parseStsResponse.js";
export { parseTimestamp } from "@sessionkit/credentials/timestamp";
export { type QueryOperation, QueryHandlers } from "./QueryHandlers.js";
export { STS } from "./STS.js";
export { STSClient } from "./STSClient.js";
export { assumeRole, getCallerIdentity, getSessionToken } from "./stsFunctions.js";
export { STSServiceError, type STSServiceErrorOptions, StsErrorCode } from "./STSServiceError.js";
export {
  encodeQueryValue,
  STS_API_VERSION,
  serializeAssumeRole,
  serializeGetCallerIdentity,
  serializeGetSessionToken,
} from "./serializeQuery.js";
export type {
  AssumedRoleUser,
  AssumeRoleInput,
  AssumeRoleOutput,
  GetCallerIdentityInput,
  GetCallerIdentityOutput,
  GetSessionTokenInput,
  GetSessionTokenOutput,
  PolicyDescriptorType,
  ProvidedContext,
  ResponseMetadata,
  StsCredentials,
  Tag,
} from "./shapes.js";
export { STS_LEGACY_GLOBAL_REGIONS, type StsEndpoint, type StsEndpointOptions, stsEndpoint } from "./stsEndpoint.js";
export { AssumeRoleOperation, GetCallerIdentityOperation, GetSessionTokenOperation } from "./stsOperations.js";
