import type { AssumeRoleInput, GetCallerIdentityInput, GetSessionTokenInput } from "./shapes.js";

/** The STS API version every request names. */
export const STS_API_VERSION = "2011-06-15";

const RFC3986_EXTRA = /[!'()*]/g;
const hex = (c: string): string => `%${c.charCodeAt(0).toString(16).toUpperCase()}`;

/**
 * Form-encodes one key or value with RFC 3986 rules (space is `%20`, `!'()*` escaped), which is what SigV4
 * and every AWS SDK's Query serializer produce.
 */
export function encodeQueryValue(value: string): string {
  return encodeURIComponent(value).replace(RFC3986_EXTRA, hex);
}

function field(name: string, value: string | number | undefined): string {
  return value === undefined ? "" : `&${name}=${encodeQueryValue(String(value))}`;
}

// Query protocol lists: `Name.member.N[.Sub]=v`; an explicitly empty list is sent as `Name=` (as Go v1 does).
function list<T>(name: string, items: readonly T[] | undefined, each: (item: T, prefix: string) => string): string {
  if (items === undefined) return "";
  if (items.length === 0) return `&${name}=`;
  let out = "";
  for (let i = 0; i < items.length; i++) out += each(items[i] as T, `${name}.member.${i + 1}`);
  return out;
}

/** `Action=AssumeRole&Version=2011-06-15&…` with members in the API's shape order. */
export function serializeAssumeRole(input: AssumeRoleInput): string {
  return (
    `Action=AssumeRole&Version=${STS_API_VERSION}` +
    field("RoleArn", input.RoleArn) +
    field("RoleSessionName", input.RoleSessionName) +
    list("PolicyArns", input.PolicyArns, (p, k) => field(`${k}.arn`, p.arn)) +
    field("Policy", input.Policy) +
    field("DurationSeconds", input.DurationSeconds) +
    list("Tags", input.Tags, (t, k) => field(`${k}.Key`, t.Key) + field(`${k}.Value`, t.Value)) +
    list("TransitiveTagKeys", input.TransitiveTagKeys, (key, k) => field(k, key)) +
    field("ExternalId", input.ExternalId) +
    field("SerialNumber", input.SerialNumber) +
    field("TokenCode", input.TokenCode) +
    field("SourceIdentity", input.SourceIdentity) +
    list(
      "ProvidedContexts",
      input.ProvidedContexts,
      (c, k) => field(`${k}.ProviderArn`, c.ProviderArn) + field(`${k}.ContextAssertion`, c.ContextAssertion),
    )
  );
}

/** `Action=GetSessionToken&Version=2011-06-15&…`. */
export function serializeGetSessionToken(input: GetSessionTokenInput): string {
  return (
    `Action=GetSessionToken&Version=${STS_API_VERSION}` +
    field("DurationSeconds", input.DurationSeconds) +
    field("SerialNumber", input.SerialNumber) +
    field("TokenCode", input.TokenCode)
  );
}

/** `Action=GetCallerIdentity&Version=2011-06-15` (the operation has no members). */
export function serializeGetCallerIdentity(_input?: GetCallerIdentityInput): string {
  return `Action=GetCallerIdentity&Version=${STS_API_VERSION}`;
}
