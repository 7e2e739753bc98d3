export { CoreHandlers, EXPIRED_TOKEN_RETRIED, toSendError, type ValidatingOperation } from "./coreHandlers.js";
export {
  DEFAULT_MAX_RETRIES,
  DefaultRetryer,
  type DefaultRetryerOptions,
  isErrorExpiredCreds,
  isErrorRetryable,
  isErrorThrottle,
  retryerFor,
} from "./DefaultRetryer.js";
export { defaultHandlers } from "./defaultHandlers.js";
export {
  HandlerError,
  InvalidEndpointURL,
  InvalidRegion,
  MissingEndpoint,
  MissingRegion,
  RequestCanceled,
  RequestError,
  ResponseLengthMismatch,
  ResponseTimeout,
  SerializationError,
  UnknownError,
} from "./errors.js";
export { ANONYMOUS, HandlerList } from "./HandlerList.js";
export { LogLevel, logLevelAtLeast, logLevelMatches } from "./LogLevel.js";
export {
  addDebugHandlers,
  formatRequestDump,
  LogAttemptErrorHandler,
  LogRequestHandler,
  LogResponseHandler,
  LogSigningHandler,
  logRedacted,
  SIGNING_LOGGER_CONTEXT_KEY,
} from "./logHandlers.js";
export { copyHandlers, newHandlers, PHASES } from "./newHandlers.js";
export { bytesBody, readBody, readText } from "./readBody.js";
export { REDACTED, redactHeaders, redactQuery, redactText } from "./redact.js";
export { type NewRequestInput, newRequest, SdkRequest } from "./SdkRequest.js";
export { addScheme, type SendOptions, ServiceClient, type ServiceInfo } from "./ServiceClient.js";
export { FAILED_PHASE, sendRequest, toRequestError, withRequestInfo } from "./sendRequest.js";
export { sleep } from "./sleep.js";
export { SDK_VERSION, USER_AGENT } from "./userAgent.js";
export { utf8Length } from "./utf8.js";
