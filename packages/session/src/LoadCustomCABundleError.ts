import { SessionError } from "./SessionError.js";

/** Go's `LoadCustomCABundleError`: the CA bundle cannot be read, holds no certificate, or cannot be applied. */
export class LoadCustomCABundleError extends SessionError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super("LoadCustomCABundleError", message, options);
  }
}
