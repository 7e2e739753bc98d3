import type { SendOptions } from "@sessionkit/handlers";
import type { QueryOperation } from "./QueryHandlers.js";
import type {
  AssumeRoleInput,
  AssumeRoleOutput,
  GetCallerIdentityInput,
  GetCallerIdentityOutput,
  GetSessionTokenInput,
  GetSessionTokenOutput,
} from "./shapes.js";
import type { STSClient } from "./STSClient.js";
import { AssumeRoleOperation, GetCallerIdentityOperation, GetSessionTokenOperation } from "./stsOperations.js";

type OperationFunction<I, O> = (client: STSClient, input?: I, options?: SendOptions) => Promise<O>;

// A missing input is an empty one (GetSessionToken and GetCallerIdentity need none).
/* @__NO_SIDE_EFFECTS__ */ function operationFunction<I, O>(operation: QueryOperation<I, O>): OperationFunction<I, O> {
  return (client, input, options) => client.sendOperation(operation, input ?? ({} as I), options);
}

/** Temporary credentials for a role (`RoleArn`, `RoleSessionName`, optional MFA, duration, policies, tags…). */
export const assumeRole = /* @__PURE__ */ operationFunction(AssumeRoleOperation) as (
  client: STSClient,
  input: AssumeRoleInput,
  options?: SendOptions,
) => Promise<AssumeRoleOutput>;

/** Temporary credentials for the caller itself, optionally with MFA. */
export const getSessionToken: OperationFunction<GetSessionTokenInput, GetSessionTokenOutput> =
  /* @__PURE__ */ operationFunction(GetSessionTokenOperation);

/** Who the credentials belong to (`Account`, `Arn`, `UserId`). */
export const getCallerIdentity: OperationFunction<GetCallerIdentityInput, GetCallerIdentityOutput> =
  /* @__PURE__ */ operationFunction(GetCallerIdentityOperation);
