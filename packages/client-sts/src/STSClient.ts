import { type SendOptions, ServiceClient, type ServiceInfo } from "@sessionkit/handlers";
import { v4ClockSkewHandler, v4SignRequestHandler } from "@sessionkit/signature-v4";
import type { ClientConfigProvider, Config } from "@sessionkit/types";
import { type QueryOperation, QueryHandlers } from "./QueryHandlers.js";
import { STS_API_VERSION } from "./serializeQuery.js";
import { stsEndpoint } from "./stsEndpoint.js";

const STS_SERVICE: ServiceInfo = {
  serviceName: "sts",
  apiVersion: STS_API_VERSION,
  // The endpoint rules' URL, used when none is configured.
  defaultEndpoint: (region, config) => stsEndpoint(region, config).url,
  handlers: [
    ["build", QueryHandlers.BuildHandler],
    ["sign", v4SignRequestHandler],
    ["unmarshal", QueryHandlers.UnmarshalHandler],
    ["unmarshalError", QueryHandlers.UnmarshalErrorHandler],
    ["retry", v4ClockSkewHandler],
  ],
};

/**
 * The STS client without operations (the modular style): endpoint rules, signer and the Query handlers. Send
 * operations with the standalone functions (`assumeRole(client, input)`, `getSessionToken(client, input)`,
 * `getCallerIdentity(client)`), so a bundler keeps only the ones an app calls; {@link STS} has them as methods.
 */
export class STSClient extends ServiceClient {
  constructor(provider: ClientConfigProvider, overrides?: Config) {
    const cc = provider.clientConfig("sts", overrides);
    // A configured endpoint wins (signed for the region, as Go). Otherwise the endpoint rules decide (the service's
    // default endpoint), and the global endpoint is signed for us-east-1 whatever the region.
    const endpoint = cc.endpoint || undefined;
    const signingRegion = cc.signingRegion ?? (endpoint ? undefined : stsEndpoint(cc.config.region, cc.config).signingRegion || undefined);
    super({ ...cc, endpoint, signingRegion }, STS_SERVICE);
  }

  /** Sends one operation (what the operation functions call). */
  sendOperation<I, O>(operation: QueryOperation<I, O>, input: I, options?: SendOptions): Promise<O> {
    return this.send(operation, input, options);
  }
}
