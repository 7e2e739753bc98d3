export {
  ClockSkew,
  defaultClockSkew,
  isClockSkewError,
  parseServerDate,
  SKEW_THRESHOLD_MS,
} from "./ClockSkew.js";
export { canonicalPath, normalizePath } from "./canonicalPath.js";
export { canonicalQuery } from "./canonicalQuery.js";
export { ALGORITHM, EMPTY_SHA256, MAX_PRESIGN_SECONDS, UNSIGNABLE_HEADERS, UNSIGNED_PAYLOAD } from "./constants.js";
export { defaultSigningCrypto } from "./defaultSigningCrypto.js";
export { formatAmzDate } from "./formatAmzDate.js";
export { formatUrl } from "./formatUrl.js";
export { SignatureV4, type SignatureV4Options, type SignedRequest } from "./SignatureV4.js";
export type { SigningCrypto } from "./SigningCrypto.js";
export { SigningError } from "./SigningError.js";
export { defaultSigningKeyCache, SigningKeyCache } from "./SigningKeyCache.js";
export { hostHeader, type SignHttpRequestParams, type SigningDetails, signHttpRequest } from "./signHttpRequest.js";
export { uriEscape, uriEscapePath, uriRecodePath } from "./uriEscape.js";
export { CLOCK_SKEW_RETRIED_CONTEXT_KEY, createV4ClockSkewHandler, type V4ClockSkewHandlerOptions, v4ClockSkewHandler } from "./v4ClockSkewHandler.js";
export {
  createV4SignRequestHandler,
  SIGNING_LOGGER_CONTEXT_KEY,
  type SigningLogger,
  UNSIGNED_PAYLOAD_CONTEXT_KEY,
  type V4SignRequestHandlerOptions,
  v4SignRequestHandler,
} from "./v4SignRequestHandler.js";
export { webSigningCrypto } from "./webSigningCrypto.js";
