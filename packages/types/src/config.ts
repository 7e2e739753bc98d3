import type { Credentials, CredentialsInput } from "./credentials.js";
import type { Transport } from "./http.js";
import type { Logger, LogLevel } from "./logger.js";
import type { Retryer } from "./retryer.js";

/** Milliseconds since the epoch; injectable so tests control time. */
export type Clock = () => number;

/** Waits `ms` milliseconds, or rejects when the signal aborts (Go's `SleepDelay`). */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** `legacy` or `regional`, as in `AWS_STS_REGIONAL_ENDPOINTS` and `AWS_S3_US_EAST_1_REGIONAL_ENDPOINT`. */
export type RegionalEndpointMode = "legacy" | "regional";

/**
 * Go's `aws.Config`: every field optional. Values given in code beat environment variables and files.
 * An empty string counts as unset (Go treats an empty `Region` that way).
 */
export interface Config {
  region?: string;
  /** A full URL or a host; `disableSSL` picks the scheme when the host has none. */
  endpoint?: string;
  credentials?: CredentialsInput;
  /** Retries after the first attempt; `-1` or unset means the service default (3). */
  maxRetries?: number;
  retryer?: Retryer;
  logLevel?: LogLevel;
  logger?: Logger;
  s3ForcePathStyle?: boolean;
  disableSSL?: boolean;
  transport?: Transport;
  stsRegionalEndpoints?: RegionalEndpointMode;
  s3UsEast1RegionalEndpoint?: RegionalEndpointMode;
  /** Per-attempt timeout in milliseconds; unset means none. */
  attemptTimeoutMs?: number;
  /** Skip the parameter-validation handler (Go's `DisableParamValidation`). */
  disableParamValidation?: boolean;
  clock?: Clock;
  sleep?: Sleep;
}

/**
 * What a client runs with: `region`, `credentials` and `transport`. Every other setting may be left out and then
 * means its default, as an unset field of Go's `aws.Config` does: no retries override (the service's 3), logging
 * off, `console` as the logger, virtual-hosted addressing, https, `legacy` STS and S3 us-east-1 endpoints, no
 * attempt timeout, `disableParamValidation` false, `Date.now` as the clock and a `setTimeout` sleep. A session
 * hands out a {@link ResolvedConfig}; a client made without one needs only the three. The endpoint is not a
 * setting here: it is {@link ClientConfig.endpoint}, next to these settings.
 */
export interface ClientSettings {
  readonly region: string;
  readonly credentials: Credentials;
  readonly transport: Transport;
  /** Retries after the first attempt; `-1` or unset means the service default (3). */
  readonly maxRetries?: number;
  readonly retryer?: Retryer;
  readonly logLevel?: LogLevel;
  readonly logger?: Logger;
  readonly s3ForcePathStyle?: boolean;
  readonly disableSSL?: boolean;
  readonly stsRegionalEndpoints?: RegionalEndpointMode;
  readonly s3UsEast1RegionalEndpoint?: RegionalEndpointMode;
  /** Per-attempt timeout in milliseconds; unset means none. */
  readonly attemptTimeoutMs?: number;
  readonly disableParamValidation?: boolean;
  readonly clock?: Clock;
  readonly sleep?: Sleep;
}

/**
 * A session's configuration after resolution, frozen: every setting with a default is filled in; `endpoint`,
 * `retryer` and `attemptTimeoutMs` stay unset unless configured. The session turns `endpoint` into each client's
 * `ClientConfig.endpoint`.
 */
export interface ResolvedConfig extends ClientSettings {
  readonly endpoint?: string;
  readonly maxRetries: number;
  readonly logLevel: LogLevel;
  readonly logger: Logger;
  readonly s3ForcePathStyle: boolean;
  readonly disableSSL: boolean;
  readonly stsRegionalEndpoints: RegionalEndpointMode;
  readonly s3UsEast1RegionalEndpoint: RegionalEndpointMode;
  readonly disableParamValidation: boolean;
  readonly clock: Clock;
  readonly sleep: Sleep;
}
