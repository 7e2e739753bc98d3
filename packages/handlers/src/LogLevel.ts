import type { LogLevel as LogLevelValue } from "@sessionkit/types";

/** A log level: Go's `aws.LogLevelType` bit flags. */
export type LogLevel = LogLevelValue;

/** Go's log level constants (`aws.LogOff`, `aws.LogDebug`, …). */
export const LogLevel = /* @__PURE__ */ Object.freeze({
  Off: 0,
  Debug: 0x1000,
  /** Also logs the signer's canonical request and string to sign. */
  DebugWithSigning: 0x1001,
  /** Also logs request and response bodies (redacted). */
  DebugWithHTTPBody: 0x1002,
  /** Also logs each retry. */
  DebugWithRequestRetries: 0x1004,
  /** Also logs each failed attempt. */
  DebugWithRequestErrors: 0x1008,
  DebugWithEventStreamBody: 0x1010,
  DebugWithDeprecated: 0x1020,
} as const);

/** Go's `LogLevelType.Matches`: every bit of `flag` is set in `level` (an unset level is `Off`). */
export function logLevelMatches(level: LogLevel | undefined, flag: LogLevel): boolean {
  return ((level ?? 0) & flag) === flag;
}

/** Go's `LogLevelType.AtLeast`: `level >= flag`. */
export function logLevelAtLeast(level: LogLevel | undefined, flag: LogLevel): boolean {
  return (level ?? 0) >= flag;
}
