import { SdkError } from "@sessionkit/errors";
import { parseAssumeRoleResponse, parseGetCallerIdentityResponse, parseGetSessionTokenResponse } from "./parseStsResponse.js";
import type { QueryOperation } from "./QueryHandlers.js";
import { ASSUME_ROLE_MEMBERS, GET_SESSION_TOKEN_MEMBERS, type QueryMember, serializeQuery } from "./serializeQuery.js";
import type {
  AssumeRoleInput,
  AssumeRoleOutput,
  GetCallerIdentityInput,
  GetCallerIdentityOutput,
  GetSessionTokenInput,
  GetSessionTokenOutput,
} from "./shapes.js";

/**
 * A Query operation from its members (the model as data). Its `validate` is Go's generated `Validate()`:
 * required members first, then the model's minimums, in member order, reported together as
 * `InvalidParameter: N validation error(s) found.` with one `- …, <Shape>.<Member>.` line each.
 * `TokenCode`'s length is deliberately not checked: the server does (and RGW 16.2 disagrees with AWS).
 */
/* @__NO_SIDE_EFFECTS__ */ function operation<P, O>(
  name: string,
  members: readonly QueryMember[],
  parse: (body: Uint8Array) => O,
): QueryOperation<P, O> {
  const shape = `${name}Input.`;
  return Object.freeze({
    name,
    httpMethod: "POST",
    httpPath: "/",
    serialize: (params: P) => serializeQuery(name, members, params as object),
    parse,
    validate(params: unknown): void {
      const p = (params ?? {}) as Record<string, unknown>;
      const problems: string[] = [];
      for (const [member, required] of members) if (required && p[member] == null) problems.push(`- missing required field, ${shape}${member}.`);
      for (const [member, , minKind, min] of members) {
        const v = p[member];
        // `>`: a string's length, `#`: a number.
        const size = minKind === ">";
        if (minKind && typeof v === (size ? "string" : "number") && (size ? (v as string).length : (v as number)) < min) {
          problems.push(`- minimum field ${size ? "size" : "value"} of ${min}, ${shape}${member}.`);
        }
      }
      if (problems.length > 0) {
        throw new SdkError("InvalidParameter", `${problems.length} validation error(s) found.\n${problems.join("\n")}`);
      }
    },
  });
}

export const AssumeRoleOperation: QueryOperation<AssumeRoleInput, AssumeRoleOutput> = /* @__PURE__ */ operation(
  "AssumeRole",
  ASSUME_ROLE_MEMBERS,
  parseAssumeRoleResponse,
);

export const GetSessionTokenOperation: QueryOperation<GetSessionTokenInput, GetSessionTokenOutput> = /* @__PURE__ */ operation(
  "GetSessionToken",
  GET_SESSION_TOKEN_MEMBERS,
  parseGetSessionTokenResponse,
);

export const GetCallerIdentityOperation: QueryOperation<GetCallerIdentityInput, GetCallerIdentityOutput> = /* @__PURE__ */ operation(
  "GetCallerIdentity",
  [],
  parseGetCallerIdentityResponse,
);
