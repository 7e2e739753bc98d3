import type { ClientSettings, Config } from "./config.js";
import type { Handlers } from "./handlers.js";

/** Static facts about a service client (Go's `metadata.ClientInfo`). */
export interface ClientInfo {
  /** e.g. `s3`, `sts`. */
  readonly serviceName: string;
  readonly apiVersion: string;
  /** The endpoint URL requests go to, e.g. `https://s3.us-east-2.amazonaws.com`. */
  readonly endpoint: string;
  readonly signingName: string;
  readonly signingRegion: string;
}

/**
 * What a client receives from whatever created it (Go's `client.Config`): its settings, a private
 * copy of the handler lists, and the endpoint the configuration names for the service, if any.
 */
export interface ClientConfig {
  readonly config: ClientSettings;
  readonly handlers: Handlers;
  /**
   * A configured endpoint for this service (code option, `AWS_ENDPOINT_URL[_SERVICE]`, `endpoint_url`),
   * or `undefined` to let the client derive its default from the region.
   */
  readonly endpoint?: string;
  /** Region to sign with; defaults to `config.region`. */
  readonly signingRegion?: string;
}

/**
 * Go's `client.ConfigProvider`: anything that can hand a client its configuration. A session implements it;
 * so can a test or an app that wants no session at all.
 */
export interface ClientConfigProvider {
  clientConfig(serviceName: string, overrides?: Config): ClientConfig;
}
