export { isSdkError } from "./isSdkError.js";
export { SdkError, type SdkErrorOptions } from "./SdkError.js";
