import { SdkError } from "@sessionkit/errors";

/**
 * Failures of `credential_process`, with Go v1's codes: `ProcessProviderExecutionError` (empty command, spawn
 * failure, non-zero exit, timeout, output too large), `ProcessProviderParseError` (not JSON, bad field types),
 * `ProcessProviderVersionError` (`Version` is not 1), `ProcessProviderRequiredError` (a key is missing).
 * Messages never contain the process's output: it may hold secrets.
 */
export class ProcessProviderError extends SdkError {}

/** A `ProcessProvider<kind>Error` (Go's codes: Execution, Parse, Required, Version), with its cause if any. */
export const processError = (kind: string, message: string, cause?: unknown): ProcessProviderError =>
  new ProcessProviderError(`ProcessProvider${kind}Error`, message, { cause });
