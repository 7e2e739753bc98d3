import type { SendOptions } from "@sessionkit/handlers";
import type {
  AssumeRoleInput,
  AssumeRoleOutput,
  GetCallerIdentityInput,
  GetCallerIdentityOutput,
  GetSessionTokenInput,
  GetSessionTokenOutput,
} from "./shapes.js";
import { STSClient } from "./STSClient.js";
import { assumeRole, getCallerIdentity, getSessionToken } from "./stsFunctions.js";

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
 * {@link STSClient} with the standalone operation functions is the same client without the operations an app
 * does not call.
 */
export class STS extends STSClient {
  /** Temporary credentials for a role (`RoleArn`, `RoleSessionName`, optional MFA, duration, policies, tags…). */
  assumeRole(input: AssumeRoleInput, options?: SendOptions): Promise<AssumeRoleOutput> {
    return assumeRole(this, input, options);
  }

  /** Temporary credentials for the caller itself, optionally with MFA. */
  getSessionToken(input?: GetSessionTokenInput, options?: SendOptions): Promise<GetSessionTokenOutput> {
    return getSessionToken(this, input, options);
  }

  /** Who the credentials belong to (`Account`, `Arn`, `UserId`). */
  getCallerIdentity(input?: GetCallerIdentityInput, options?: SendOptions): Promise<GetCallerIdentityOutput> {
    return getCallerIdentity(this, input, options);
  }
}
