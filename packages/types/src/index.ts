export type { ClientConfig, ClientConfigProvider, ClientInfo } from "./client.js";
export type { ClientSettings, Clock, Config, RegionalEndpointMode, ResolvedConfig, Sleep } from "./config.js";
export type {
  Credentials,
  CredentialsInput,
  CredentialsProvider,
  CredentialsValue,
  GetCredentialsOptions,
  TokenProvider,
} from "./credentials.js";
export type { SdkErrorShape } from "./errors.js";
export type { Handler, HandlerList, Handlers, NamedHandler, Phase } from "./handlers.js";
export type { HttpRequest, HttpRequestBody, HttpResponse, Transport, TransportOptions } from "./http.js";
export type { Logger, LogLevel } from "./logger.js";
export type { Plugin } from "./plugin.js";
export type { Operation, Request } from "./request.js";
export type { Retryer } from "./retryer.js";
