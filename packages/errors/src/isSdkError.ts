import { SdkError } from "./SdkError.js";

/** True for any sessionkit error, optionally with the given code. */
export function isSdkError(value: unknown, code?: string): value is SdkError {
  return value instanceof SdkError && (code === undefined || value.code === code);
}
