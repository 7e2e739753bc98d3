import { SdkError } from "@sessionkit/errors";
import { childElement, childText, parseXml, type XmlElement } from "@sessionkit/xml";
import { parseTimestamp } from "./parseTimestamp.js";
import type {
  AssumedRoleUser,
  AssumeRoleOutput,
  GetCallerIdentityOutput,
  GetSessionTokenOutput,
  ResponseMetadata,
  StsCredentials,
} from "./shapes.js";

const invalid = (message: string, cause?: unknown): SdkError =>
  new SdkError("SerializationError", `failed to decode query XML response: ${message}`, cause === undefined ? {} : { cause });

function required(parent: XmlElement, name: string, path: string): string {
  const text = childText(parent, name);
  if (text === undefined) throw invalid(`missing ${path}.${name}`);
  return text.trim();
}

/**
 * Parses `<{Op}Response><{Op}Result>…</{Op}Result><ResponseMetadata>…` and returns the result element and
 * the metadata. AWS wraps it in the STS namespace; RGW sends no namespace, no prolog and no metadata.
 */
function resultOf(body: string | Uint8Array, op: string): { result: XmlElement; meta: ResponseMetadata } {
  let root: XmlElement;
  try {
    root = parseXml(body);
  } catch (err) {
    throw invalid(`${op} response is not XML`, err);
  }
  if (root.name !== `${op}Response`) throw invalid(`expected <${op}Response>, got <${root.name}>`);
  const result = childElement(root, `${op}Result`);
  if (result === undefined) throw invalid(`missing <${op}Result>`);
  const requestId = childText(childElement(root, "ResponseMetadata") ?? root, "RequestId")?.trim();
  return { result, meta: requestId ? { RequestId: requestId } : {} };
}

function credentialsOf(result: XmlElement): StsCredentials | undefined {
  const el = childElement(result, "Credentials");
  if (el === undefined) return undefined;
  const expirationText = required(el, "Expiration", "Credentials");
  const expiration = parseTimestamp(expirationText);
  if (expiration === undefined) throw invalid("Credentials.Expiration is not an ISO 8601 date-time");
  return {
    AccessKeyId: required(el, "AccessKeyId", "Credentials"),
    SecretAccessKey: required(el, "SecretAccessKey", "Credentials"),
    SessionToken: required(el, "SessionToken", "Credentials"),
    Expiration: expiration,
  };
}

/** Parses an AssumeRole response body (AWS or RGW shape). */
export function parseAssumeRoleResponse(body: string | Uint8Array): AssumeRoleOutput {
  const { result, meta } = resultOf(body, "AssumeRole");
  const out: AssumeRoleOutput = { ResponseMetadata: meta };
  const credentials = credentialsOf(result);
  if (credentials !== undefined) out.Credentials = credentials;
  const user = childElement(result, "AssumedRoleUser");
  if (user !== undefined) {
    // RGW 16.2 spells the member `AssumeRoleId`.
    const id = childText(user, "AssumedRoleId") ?? childText(user, "AssumeRoleId");
    if (id === undefined) throw invalid("missing AssumedRoleUser.AssumedRoleId");
    const assumed: AssumedRoleUser = { Arn: required(user, "Arn", "AssumedRoleUser"), AssumedRoleId: id.trim() };
    out.AssumedRoleUser = assumed;
  }
  const size = childText(result, "PackedPolicySize");
  if (size !== undefined && size.trim() !== "") {
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
  const { result, meta } = resultOf(body, "GetSessionToken");
  const out: GetSessionTokenOutput = { ResponseMetadata: meta };
  const credentials = credentialsOf(result);
  if (credentials !== undefined) out.Credentials = credentials;
  return out;
}

/** Parses a GetCallerIdentity response body. */
export function parseGetCallerIdentityResponse(body: string | Uint8Array): GetCallerIdentityOutput {
  const { result, meta } = resultOf(body, "GetCallerIdentity");
  const out: GetCallerIdentityOutput = { ResponseMetadata: meta };
  for (const key of ["UserId", "Account", "Arn"] as const) {
    const v = childText(result, key);
    if (v !== undefined) out[key] = v.trim();
  }
  return out;
}
