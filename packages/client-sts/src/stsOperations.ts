import { SdkError } from "@sessionkit/errors";
import { parseAssumeRoleResponse, parseGetCallerIdentityResponse, parseGetSessionTokenResponse } from "./parseStsResponse.js";
import type { QueryOperation } from "./QueryHandlers.js";
import { serializeAssumeRole, serializeGetCallerIdentity, serializeGetSessionToken } from "./serializeQuery.js";
import type {
  AssumeRoleInput,
  AssumeRoleOutput,
  GetCallerIdentityInput,
  GetCallerIdentityOutput,
  GetSessionTokenInput,
  GetSessionTokenOutput,
} from "./shapes.js";

type Rule = readonly [member: string, kind: "required" | "minLength" | "min", limit?: number];

/**
 * Go's generated `Validate()`: required members and the model's minimums, reported together as
 * `InvalidParameter: N validation error(s) found.` with one `- …, <Shape>.<Member>.` line each.
 * `TokenCode`'s length is deliberately not checked: the server does (and RGW 16.2 disagrees with AWS).
 */
function validator(shape: string, rules: readonly Rule[]): (params: unknown) => void {
  return (params) => {
    const p = (params ?? {}) as Record<string, unknown>;
    const problems: string[] = [];
    for (const [member, kind, limit = 0] of rules) {
      const v = p[member];
      if (kind === "required") {
        if (v === undefined || v === null) problems.push(`- missing required field, ${shape}.${member}.`);
      } else if (kind === "minLength") {
        if (typeof v === "string" && v.length < limit) problems.push(`- minimum field size of ${limit}, ${shape}.${member}.`);
      } else if (typeof v === "number" && v < limit) {
        problems.push(`- minimum field value of ${limit}, ${shape}.${member}.`);
      }
    }
    if (problems.length > 0) {
      throw new SdkError("InvalidParameter", `${problems.length} validation error(s) found.\n${problems.join("\n")}`);
    }
  };
}

function operation<P, O>(
  name: string,
  serialize: (params: P) => string,
  parse: (body: Uint8Array) => O,
  rules: readonly Rule[],
): QueryOperation<P, O> {
  return Object.freeze({ name, httpMethod: "POST", httpPath: "/", serialize, parse, validate: validator(`${name}Input`, rules) });
}

export const AssumeRoleOperation: QueryOperation<AssumeRoleInput, AssumeRoleOutput> = operation(
  "AssumeRole",
  serializeAssumeRole,
  parseAssumeRoleResponse,
  [
    ["RoleArn", "required"],
    ["RoleSessionName", "required"],
    ["RoleArn", "minLength", 20],
    ["RoleSessionName", "minLength", 2],
    ["DurationSeconds", "min", 900],
    ["ExternalId", "minLength", 2],
    ["SerialNumber", "minLength", 9],
    ["SourceIdentity", "minLength", 2],
  ],
);

export const GetSessionTokenOperation: QueryOperation<GetSessionTokenInput, GetSessionTokenOutput> = operation(
  "GetSessionToken",
  serializeGetSessionToken,
  parseGetSessionTokenResponse,
  [
    ["DurationSeconds", "min", 900],
    ["SerialNumber", "minLength", 9],
  ],
);

export const GetCallerIdentityOperation: QueryOperation<GetCallerIdentityInput, GetCallerIdentityOutput> = operation(
  "GetCallerIdentity",
  serializeGetCallerIdentity,
  parseGetCallerIdentityResponse,
  [],
);
