/** Go's `aws.Logger`: one method taking anything printable. */
export interface Logger {
  log(...args: unknown[]): void;
}

/**
 * Go's `aws.LogLevelType` bit flags (`LogOff = 0`, `LogDebug = 0x1000`, `LogDebugWithSigning = 0x1001`, …).
 * The named constants live in `@sessionkit/handlers` (`LogLevel`), since this package has no runtime code.
 */
export type LogLevel = number;
