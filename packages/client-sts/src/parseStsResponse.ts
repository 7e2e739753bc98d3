import { SdkError } from "@sessionkit/errors";
import { childElement, childText, parseXml, type XmlElement } from "@sessionkit/xml";
import { trimmedText } from "./parseStsError.js";
import { parseTimestamp } from "@sessionkit/credentials/timestamp";
import type { AssumeRoleOutput, GetCallerIdentityOutput, GetSessionTokenOutput, ResponseMetadata, StsCredentials } from "./shapes.js";

const invalid = (message: string, cause?: unknown): SdkError =>
  new SdkError("SerializationError", `failed to decode query XML response: ${message}`, cause === undefined ? {} : { cause });

/** A child's trimmed text, or `SerializationError` naming `<path>.<name>` when it is missing. */
function required(parent: XmlElement, name: string, path: string): string {
  const text = trimmedText(parent, name);
  if (text === undefined) throw invalid(`missing ${path}.${name}`);
  return text;
}

/**
 * Parses `<{Op}Response><{Op}Result>…</{Op}Result><ResponseMetadata>…`: the result element, and an output
 * holding the metadata and (unless `credentials` is false) the result's `Credentials` when it has them. AWS wraps it in the STS namespace;
 * RGW sends no namespace, no prolog and no metadata.
 */
function resultOf<O extends { ResponseMetadata: ResponseMetadata; Credentials?: StsCredentials }>(
  body: string | Uint8Array,
  op: string,
  credentials = true,
): [XmlElement, O] {
  let root: XmlElement;
  try {
    root = parseXml(body);
  } catch (err) {
    throw invalid(`${op} response is not XML`, err);
  }
  if (root.name !== `${op}Response`) throw invalid(`expected <${op}Response>, got <${root.name}>`);
  const result = childElement(root, `${op}Result`);
  if (result === undefined) throw invalid(`missing <${op}Result>`);
  const requestId = trimmedText(childElement(root, "ResponseMetadata") ?? root, "RequestId");
  const out = { ResponseMetadata: requestId ? { RequestId: requestId } : {} } as O;
  const el = credentials ? childElement(result, "Credentials") : undefined;
  if (el !== undefined) {
    const member = (name: string): string => required(el, name, "Credentials");
    const expiration = parseTimestamp(member("Expiration"));
    if (expiration === undefined) throw invalid("Credentials.Expiration is not an ISO 8601 date-time");
    out.Credentials = {
      AccessKeyId: member("AccessKeyId"),
      SecretAccessKey: member("SecretAccessKey"),
      SessionToken: member("SessionToken"),
      Expiration: expiration,
    };
  }
  return [result, out];
}

/** Parses an AssumeRole response body (AWS or RGW shape). */
export function parseAssumeRoleResponse(body: string | Uint8Array): AssumeRoleOutput {
  const [result, out] = resultOf<AssumeRoleOutput>(body, "AssumeRole");
  const user = childElement(result, "AssumedRoleUser");
  if (user !== undefined) {
    // RGW 16.2 spells the member `AssumeRoleId`.
    const id = trimmedText(user, "AssumedRoleId") ?? trimmedText(user, "AssumeRoleId");
    if (id === undefined) throw invalid("missing AssumedRoleUser.AssumedRoleId");
    out.AssumedRoleUser = { Arn: required(user, "Arn", "AssumedRoleUser"), AssumedRoleId: id };
  }
  const size = trimmedText(result, "PackedPolicySize");
  if (size) {
    const n = Number(size);
    if (!Number.isInteger(n)) throw invalid("PackedPolicySize is not an integer");
    out.PackedPolicySize = n;
  }
  const sourceIdentity = childText(result, "SourceIdentity");
  if (sourceIdentity !== undefined) out.SourceIdentity = sourceIdentity;
  return out;
}

/** Parses a GetSessionToken response body. */
export function parseGetSessionTokenResponse(body: string | Uint8Array): GetSessionTokenOutput {
  return resultOf<GetSessionTokenOutput>(body, "GetSessionToken")[1];
}

/** Parses a GetCallerIdentity response body. */
export function parseGetCallerIdentityResponse(body: string | Uint8Array): GetCallerIdentityOutput {
  const [result, out] = resultOf<GetCallerIdentityOutput & { Credentials?: StsCredentials }>(body, "GetCallerIdentity", false);
  for (const key of ["UserId", "Account", "Arn"] as const) {
    const v = trimmedText(result, key);
    if (v !== undefined) out[key] = v;
  }
  return out;
}
