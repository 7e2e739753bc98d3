import type { HttpRequest } from "@sessionkit/types";

type HeaderBag = HttpRequest["headers"];
type QueryParameterBag = HttpRequest["query"];

/** What replaces a secret value. */
export const REDACTED = "[REDACTED]";

/**
 * Names whose values are secrets wherever they appear: header, query parameter, form field, JSON or XML
 * element, INI key. Matched case-insensitively. `Signature` covers the one in an `Authorization` header.
 */
const NAMES =
  "SecretAccessKey|SessionToken|SecurityToken|TokenCode|Token|aws_secret_access_key|aws_session_token|aws_security_token|x-amz-security-token|X-Amz-Signature|Signature|x-amz-server-side-encryption-customer-key|x-amz-copy-source-server-side-encryption-customer-key";

/** The xml, json and key=value patterns, in the order `redactText` applies them. */
type SecretPatterns = readonly [xml: RegExp, json: RegExp, keyValue: RegExp];

let compiled: SecretPatterns | undefined;
let secretName: RegExp | undefined;

/** Compiled at the first use: start-up does not pay for them, and a bundle that never redacts drops them. */
function patterns(): SecretPatterns {
  compiled ??= [
    // <SecretAccessKey>…</SecretAccessKey>
    new RegExp(`<(${NAMES})>[^<]*</\\1>`, "gi"),
    // "SessionToken": "…"
    new RegExp(`"(${NAMES})"(\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, "gi"),
    // Authorization: … Signature=…, X-Amz-Signature=…, TokenCode=…, aws_secret_access_key = …, x-amz-security-token: …
    new RegExp(`(^|[^\\w-])(${NAMES})([ \\t]*[=:][ \\t]*)[^\\s&;,"'<>]+`, "gim"),
  ];
  return compiled;
}

/** Matches a whole header or parameter name that holds a secret (only the bag redactors use it). */
function isSecretName(name: string): boolean {
  secretName ??= new RegExp(`^(${NAMES})$`, "i");
  return secretName.test(name);
}

/** Replaces every secret value in free text (a log line, a body, a URL, a header dump). */
export function redactText(text: string): string {
  const [xml, json, keyValue] = patterns();
  return text.replace(xml, `<$1>${REDACTED}</$1>`).replace(json, `"$1"$2"${REDACTED}"`).replace(keyValue, `$1$2$3${REDACTED}`);
}

/** A copy of the headers with secret values (and the `Authorization` signature) replaced. */
export function redactHeaders(headers: HeaderBag): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    out[name] = /^authorization$/i.test(name) ? redactText(value) : isSecretName(name) ? REDACTED : value;
  }
  return out;
}

/** A copy of the query with `X-Amz-Signature`, `X-Amz-Security-Token` and other secret values replaced. */
export function redactQuery(query: QueryParameterBag): QueryParameterBag {
  const out: QueryParameterBag = {};
  for (const [name, value] of Object.entries(query)) out[name] = isSecretName(name) && value !== null ? REDACTED : value;
  return out;
}
