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

interface SecretPatterns {
  readonly name: RegExp;
  readonly xml: RegExp;
  readonly json: RegExp;
  readonly keyValue: RegExp;
}

let compiled: SecretPatterns | undefined;

/** Compiled at the first use: start-up does not pay for them, and a bundle that never redacts drops them. */
function patterns(): SecretPatterns {
  compiled ??= {
    name: new RegExp(`^(${NAMES})$`, "i"),
    // <SecretAccessKey>…</SecretAccessKey>
    xml: new RegExp(`<(${NAMES})>[^<]*</\\1>`, "gi"),
    // "SessionToken": "…"
    json: new RegExp(`"(${NAMES})"(\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, "gi"),
    // Authorization: … Signature=…, X-Amz-Signature=…, TokenCode=…, aws_secret_access_key = …, x-amz-security-token: …
    keyValue: new RegExp(`(^|[^\\w-])(${NAMES})([ \\t]*[=:][ \\t]*)[^\\s&;,"'<>]+`, "gim"),
  };
  return compiled;
}

/** Replaces every secret value in free text (a log line, a body, a URL, a header dump). */
export function redactText(text: string): string {
  const p = patterns();
  return text.replace(p.xml, `<$1>${REDACTED}</$1>`).replace(p.json, `"$1"$2"${REDACTED}"`).replace(p.keyValue, `$1$2$3${REDACTED}`);
}

/** A copy of the headers with secret values (and the `Authorization` signature) replaced. */
export function redactHeaders(headers: HeaderBag): Record<string, string> {
  const out: Record<string, string> = {};
  const secret = patterns().name;
  for (const [name, value] of Object.entries(headers)) {
    out[name] = /^authorization$/i.test(name) ? redactText(value) : secret.test(name) ? REDACTED : value;
  }
  return out;
}

/** A copy of the query with `X-Amz-Signature`, `X-Amz-Security-Token` and other secret values replaced. */
export function redactQuery(query: QueryParameterBag): QueryParameterBag {
  const out: QueryParameterBag = {};
  const secret = patterns().name;
  for (const [name, value] of Object.entries(query)) out[name] = secret.test(name) && value !== null ? REDACTED : value;
  return out;
}
