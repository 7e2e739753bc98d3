import { sendRequest, ServiceClient, type ServiceInfo } from "@sessionkit/handlers";
import { UNSIGNED_PAYLOAD_CONTEXT_KEY, v4ClockSkewHandler, v4SignRequestHandler } from "@sessionkit/signature-v4";
import type { ClientConfigProvider, Config } from "@sessionkit/types";
import { s3Endpoint } from "./endpoint.js";
import type { S3Operation } from "./operations.js";
import { BUILD, RETRY_ERROR_IN_200, UNMARSHAL, UNMARSHAL_ERROR } from "./S3Handlers.js";
import type { S3CallOptions } from "./shapes.js";

// The signing name defaults to the service name.
const S3_INFO: ServiceInfo = {
  serviceName: "s3",
  apiVersion: "2006-03-01",
  defaultEndpoint: s3Endpoint,
  handlers: [
    ["build", BUILD],
    ["sign", v4SignRequestHandler],
    ["unmarshal", UNMARSHAL],
    ["unmarshalError", UNMARSHAL_ERROR],
    ["retry", v4ClockSkewHandler],
    ["retry", RETRY_ERROR_IN_200],
  ],
};

/**
 * The S3 client without operations: endpoint, addressing, signer and the REST-XML handlers. Operations are
 * standalone functions (`listBuckets(client, input)`, `getObject(client, input)`, …), so a bundler keeps only
 * the ones an app calls (so are `buildRequest` and the presign functions). It adds to its copy of the provider's lists:
 *
 * | phase | added |
 * | --- | --- |
 * | build | `s3.BuildHandler` (addressing, query, headers, body) |
 * | sign | `v4.SignRequestHandler` |
 * | unmarshal | `s3.UnmarshalHandler` |
 * | unmarshalError | `s3.UnmarshalErrorHandler` (typed `S3ServiceError`) |
 * | retry | `v4.ClockSkewHandler`, `s3.RetryErrorIn200Handler` |
 */
export class S3Client extends ServiceClient {
  constructor(provider: ClientConfigProvider, overrides?: Config) {
    super(provider.clientConfig("s3", overrides), S3_INFO);
  }

  /** Runs one operation (what every operation function calls); resolves to its output with `$metadata`. */
  sendOperation<I, O>(operation: S3Operation<I, O>, input: I, options?: S3CallOptions): Promise<O> {
    const request = this.newRequest<I, O>(operation, input, options);
    if (options?.unsignedPayload === true) request.context.set(UNSIGNED_PAYLOAD_CONTEXT_KEY, true);
    return sendRequest(request);
  }
}
