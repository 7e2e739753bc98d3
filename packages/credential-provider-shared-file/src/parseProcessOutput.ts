import { createCredentialsValue } from "@sessionkit/credentials";
import { parseTimestamp } from "@sessionkit/credentials/timestamp";
import type { CredentialsValue } from "@sessionkit/types";
import { type ProcessProviderError, processError } from "./ProcessProviderError.js";

/** Go v1's `ProviderName` of the `credential_process` provider. */
export const PROCESS_PROVIDER_NAME = "ProcessProvider";

// RFC 3339 as Go's encoding/json reads a time.Time (stricter than STS's: no blanks around it, a `T`, `hh:mm` offsets);
// whether it is a real date-time is parseTimestamp's rule.
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;

const parseError = (what: string): ProcessProviderError => processError("Parse", `parse failed of credential_process output: ${what}`);

function optionalString(json: Record<string, unknown>, key: string): string | undefined {
  const v = json[key];
  if (v == null) return undefined;
  if (typeof v !== "string") throw parseError(`${key} is not a string`);
  return v || undefined;
}

function requiredString(json: Record<string, unknown>, key: string): string {
  const v = optionalString(json, key);
  if (v === undefined) throw processError("Required", `missing ${key} in process output`);
  return v;
}

/**
 * Validates the JSON a `credential_process` printed (`Version` 1, `AccessKeyId`, `SecretAccessKey`, optional
 * `SessionToken`, `Expiration`, `AccountId`, `CredentialScope`) and turns it into a credentials value.
 * `fallbackAccountId` (the profile's `aws_account_id`) is used when the output has no `AccountId`.
 * Errors name what is wrong, never the output itself.
 */
export function parseProcessOutput(stdout: string, fallbackAccountId?: string): CredentialsValue {
  let json: unknown;
  try {
    json = JSON.parse(stdout);
  } catch {
    // No cause attached: V8's SyntaxError quotes the input, which may hold a secret.
    throw parseError("invalid JSON");
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) throw parseError("not a JSON object");
  const out = json as Record<string, unknown>;
  if (out.Version !== 1) throw processError("Version", "wrong version in process output (not 1)");
  const accessKeyId = requiredString(out, "AccessKeyId");
  const secretAccessKey = requiredString(out, "SecretAccessKey");
  const expirationText = optionalString(out, "Expiration");
  const expiration = expirationText === undefined || !RFC3339.test(expirationText) ? undefined : parseTimestamp(expirationText);
  if (expirationText !== undefined && expiration === undefined) throw parseError("Expiration is not an RFC 3339 date-time");
  return createCredentialsValue({
    accessKeyId,
    secretAccessKey,
    sessionToken: optionalString(out, "SessionToken"),
    expiration,
    accountId: optionalString(out, "AccountId") ?? (fallbackAccountId || undefined),
    credentialScope: optionalString(out, "CredentialScope"),
    providerName: PROCESS_PROVIDER_NAME,
  });
}
