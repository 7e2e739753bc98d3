import { type SendOptions, ServiceClient, type ServiceInfo } from "@sessionkit/handlers";
import { v4ClockSkewHandler, v4SignRequestHandler } from "@sessionkit/signature-v4";
import type { ClientConfig, ClientConfigProvider, Config } from "@sessionkit/types";
import { QueryHandlers } from "./QueryHandlers.js";
import { STS_API_VERSION } from "./serializeQuery.js";
import type {
  AssumeRoleInput,
  AssumeRoleOutput,
  GetCallerIdentityInput,
  GetCallerIdentityOutput,
  GetSessionTokenInput,
  GetSessionTokenOutput,
} from "./shapes.js";
import { stsEndpoint } from "./stsEndpoint.js";
import { AssumeRoleOperation, GetCallerIdentityOperation, GetSessionTokenOperation } from "./stsOperations.js";

const STS_SERVICE: ServiceInfo = /* @__PURE__ */ Object.freeze<ServiceInfo>({
  serviceName: "sts",
  apiVersion: STS_API_VERSION,
  signingName: "sts",
  defaultEndpoint: (region, config) => stsEndpoint(region, config).url,
});

// A configured endpoint wins (signed for the region, as Go). Otherwise the endpoint rules decide, and the
// global endpoint is signed for us-east-1 whatever the region.
function withStsEndpoint(cc: ClientConfig): ClientConfig {
  if (cc.endpoint !== undefined && cc.endpoint !== "") return cc;
  const ep = stsEndpoint(cc.config.region, cc.config);
  return { ...cc, endpoint: ep.url, signingRegion: cc.signingRegion ?? (ep.signingRegion || undefined) };
}

/**
 * A small STS client (Go's `sts.STS`) on the request pipeline: Query protocol, XML responses, SigV4 with
 * signing name `sts`. Create it from a session or any {@link ClientConfigProvider}:
 *
 * ```ts
 * const sts = new STS(session, { region: "eu-west-1" });
 * const { Credentials } = await sts.assumeRole({ RoleArn, RoleSessionName: "me" });
 * ```
 *
 * Handlers added (after the provider's): build `awssdk.query.Build`; sign `v4.SignRequestHandler`;
 * unmarshal `awssdk.query.Unmarshal`; unmarshalError `awssdk.query.UnmarshalError`; retry `v4.ClockSkewHandler`.
 */
export class STS extends ServiceClient {
  constructor(provider: ClientConfigProvider, overrides?: Config) {
    super(withStsEndpoint(provider.clientConfig("sts", overrides)), STS_SERVICE);
    const h = this.handlers;
    h.build.pushBackNamed(QueryHandlers.BuildHandler);
    h.sign.pushBackNamed(v4SignRequestHandler);
    h.unmarshal.pushBackNamed(QueryHandlers.UnmarshalHandler);
    h.unmarshalError.pushBackNamed(QueryHandlers.UnmarshalErrorHandler);
    h.retry.pushBackNamed(v4ClockSkewHandler);
  }

  /** Temporary credentials for a role (`RoleArn`, `RoleSessionName`, optional MFA, duration, policies, tags…). */
  assumeRole(input: AssumeRoleInput, options?: SendOptions): Promise<AssumeRoleOutput> {
    return this.send(AssumeRoleOperation, input, options);
  }

  /** Temporary credentials for the caller itself, optionally with MFA. */
  getSessionToken(input: GetSessionTokenInput = {}, options?: SendOptions): Promise<GetSessionTokenOutput> {
    return this.send(GetSessionTokenOperation, input, options);
  }

  /** Who the credentials belong to (`Account`, `Arn`, `UserId`). */
  getCallerIdentity(input: GetCallerIdentityInput = {}, options?: SendOptions): Promise<GetCallerIdentityOutput> {
    return this.send(GetCallerIdentityOperation, input, options);
  }
}
