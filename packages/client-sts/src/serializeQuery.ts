import { uriEscape } from "@sessionkit/signature-v4";
import type { AssumeRoleInput, GetCallerIdentityInput, GetSessionTokenInput } from "./shapes.js";

/** The STS API version every request names. */
export const STS_API_VERSION = "2011-06-15";

/**
 * RFC 3986 form encoding of a Query value: everything outside `A-Za-z0-9-._~` becomes `%XX` (upper case). The
 * signer's own escape (already in every bundle that signs), so a lone surrogate goes out as U+FFFD, as signed.
 */
export const encodeQueryValue: (value: string) => string = uriEscape;

/**
 * One member of an operation's input, as a tuple (internal; no property names in the bundle): `minKind` `>` is a
 * minimum string length, `#` a minimum number; `item` (for a list) holds the keys of each structure item, or is
 * `[]` for a list of strings.
 */
export type QueryMember = readonly [
  name: string,
  required: boolean,
  minKind: ">" | "#" | undefined,
  min: number,
  item: readonly string[] | undefined,
];

/**
 * An operation's members from one compact line (the model as data, parsed once per operation): each word is
 * `Name`, then `!` if required, `>N` (string minimum length) or `#N` (number minimum), then `*` for a list of
 * strings or `.Key.Key` for a list of structures.
 */
/* @__NO_SIDE_EFFECTS__ */ export function queryMembers(spec: string): readonly QueryMember[] {
  return spec.split(" ").map((word) => {
    const [, name = "", required, minKind, min, list] = /^(\w+)(!)?([>#])?(\d*)(.*)$/.exec(word) ?? [];
    return [name, !!required, minKind as QueryMember[2], Number(min), list ? list.split(".").slice(1) : undefined];
  });
}

// A null member is no member (Go skips a nil pointer), as in the S3 client: never the text "null".
const field = (name: string, value: unknown): string => (value == null ? "" : `&${name}=${encodeQueryValue(String(value))}`);

/**
 * The Query protocol's form body: `Action=<Op>&Version=2011-06-15` and the members in order; lists as
 * `Name.member.N[.Sub]=v`, an explicitly empty list as `Name=` (as Go v1 does).
 */
export function serializeQuery(action: string, members: readonly QueryMember[], input: object | undefined): string {
  let out = `Action=${action}&Version=${STS_API_VERSION}`;
  for (const [name, , , , item] of members) {
    const v = (input as Record<string, unknown> | undefined)?.[name];
    if (item === undefined) out += field(name, v);
    else if (Array.isArray(v)) {
      if (v.length === 0) out += `&${name}=`;
      v.forEach((entry: unknown, i) => {
        const key = `${name}.member.${i + 1}`;
        out += item.length === 0 ? field(key, entry) : item.map((k) => field(`${key}.${k}`, (entry as Record<string, unknown>)[k])).join("");
      });
    }
  }
  return out;
}

export const ASSUME_ROLE_MEMBERS = /* @__PURE__ */ queryMembers(
  "RoleArn!>20 RoleSessionName!>2 PolicyArns.arn Policy DurationSeconds#900 Tags.Key.Value TransitiveTagKeys* " +
    "ExternalId>2 SerialNumber>9 TokenCode SourceIdentity>2 ProvidedContexts.ProviderArn.ContextAssertion",
);
export const GET_SESSION_TOKEN_MEMBERS = /* @__PURE__ */ queryMembers("DurationSeconds#900 SerialNumber>9 TokenCode");

/** `Action=AssumeRole&Version=2011-06-15&…` with members in the API's shape order. */
export function serializeAssumeRole(input: AssumeRoleInput): string {
  return serializeQuery("AssumeRole", ASSUME_ROLE_MEMBERS, input);
}

/** `Action=GetSessionToken&Version=2011-06-15&…`. */
export function serializeGetSessionToken(input: GetSessionTokenInput): string {
  return serializeQuery("GetSessionToken", GET_SESSION_TOKEN_MEMBERS, input);
}

/** `Action=GetCallerIdentity&Version=2011-06-15` (the operation has no members). */
export function serializeGetCallerIdentity(_input?: GetCallerIdentityInput): string {
  return serializeQuery("GetCallerIdentity", [], undefined);
}
