export { isSdkError } from "./isSdkError.js";
export { type AbortListener, onAbort } from "./onAbort.js";
export { RequestCanceled } from "./RequestCanceled.js";
export { RequestError } from "./RequestError.js";
export { ResponseLengthMismatch } from "./ResponseLengthMismatch.js";
export { ResponseTimeout } from "./ResponseTimeout.js";
export { SdkError, type SdkErrorOptions } from "./SdkError.js";
