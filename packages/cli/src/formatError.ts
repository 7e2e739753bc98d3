import { CliError } from "./CliError.js";
import { UsageError } from "./UsageError.js";

// What to do, by error code: the second half of the one-line error.
const HINTS: Readonly<Record<string, string>> = {
  SharedConfigProfileNotExistsError: "list the profiles with `sessionkit config profiles`, or pass another --profile",
  SharedConfigAssumeRoleError: "give the role profile a source_profile that has keys; `sessionkit config profiles` shows the problems",
  SharedConfigLoadError: "fix the file at the line named; `sessionkit config profiles` lists every problem",
  SharedConfigParseError: "fix the file at the line named; `sessionkit config profiles` lists every problem",
  SharedConfigErr: "keep one credential type per profile; `sessionkit config profiles` shows the problems",
  CredentialRequiresARNError: "add role_arn to the profile, or remove source_profile / credential_source",
  EnvConfigError: "fix or unset the environment variable named",
  NoCredentialProviders:
    "set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or add keys to ~/.aws/credentials; `sessionkit config explain` shows what was found",
  MissingRegion: "pass --region, set AWS_REGION, or add region to the profile",
  MissingEndpoint: "pass --endpoint-url or --region",
  AssumeRoleTokenProviderNotSetError: "run in a terminal to be asked for the MFA code, or set SESSIONKIT_MFA_CODE",
  AssumeRoleTokenNotAvailable: "enter the code from your MFA device, or set SESSIONKIT_MFA_CODE",
  AssumeRoleTokenInput: "run in a terminal to be asked for the MFA code, or set SESSIONKIT_MFA_CODE",
  AccessDenied: "check which credentials are used with `sessionkit config explain`",
  SignatureDoesNotMatch: "the secret key does not match the access key: check them with `sessionkit config explain`",
  InvalidAccessKeyId: "the server does not know this access key: check it with `sessionkit config explain`",
  InvalidClientTokenId: "the server does not know this access key: check it with `sessionkit config explain`",
  ExpiredToken: "the session token has expired: get new credentials (e.g. `sessionkit sts assume-role`)",
  NoSuchEntity: "check the role ARN",
  NoSuchBucket: "check the bucket name with `sessionkit s3 ls`",
  NoSuchKey: "check the key with `sessionkit s3 ls s3://BUCKET/PREFIX`",
  NotFound: "check the bucket and key with `sessionkit s3 ls`",
  BucketNotEmpty: "delete the objects first (`sessionkit s3 rm --recursive s3://BUCKET`)",
  RequestError: "check --endpoint-url and that the server is reachable",
  RequestCanceled: "the request was canceled",
  ResponseTimeout: "the server did not answer in time: try again, or check --endpoint-url",
  ENOENT: "check the path",
  EACCES: "check the file's permissions",
  EISDIR: "give a file, not a directory",
};

const FALLBACK_HINT = "run again with --debug to see the requests";

function codeOf(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, "; ").trim();
}

// Node's fs errors read "ENOENT: no such file or directory, open 'x'": keep them, they name the path.
function messageOf(err: unknown): string {
  if (err instanceof Error) return err.message === "" ? err.name : err.message;
  return String(err);
}

// Service errors from servers that send no message (Ceph RGW) read "NoSuchBucket: NoSuchBucket": say which call failed.
function context(err: unknown): string {
  const e = err as { statusCode?: unknown; operation?: unknown } | null;
  const parts: string[] = [];
  if (typeof e?.statusCode === "number") parts.push(`HTTP ${e.statusCode}`);
  if (typeof e?.operation === "string") parts.push(e.operation);
  return parts.length === 0 ? "" : ` (${parts.join(", ")})`;
}

/** What went wrong, on one line, without the hint. */
export function errorMessage(err: unknown): string {
  return oneLine(messageOf(err)) + context(err);
}

/** The exit code for an error: 2 for a usage error, 1 for anything else. */
export function exitCodeFor(err: unknown): 1 | 2 {
  return err instanceof UsageError ? 2 : 1;
}

/**
 * The one line printed for an error: what went wrong, then what to do (`<message> — <hint>`). Messages of
 * sessionkit errors never contain secret values, so the line is safe to print and log.
 */
export function formatError(err: unknown): string {
  const message = errorMessage(err);
  if (err instanceof UsageError) return `${message.slice(`${err.code}: `.length)} — see the usage below`;
  const hint = err instanceof CliError && err.hint !== undefined ? err.hint : (HINTS[codeOf(err) ?? ""] ?? FALLBACK_HINT);
  return `${message} — ${hint}`;
}

/** The stack and the cause chain, for `--debug`. */
export function formatErrorDetails(err: unknown): string {
  const lines: string[] = [];
  let current: unknown = err;
  for (let depth = 0; current !== undefined && current !== null && depth < 8; depth++) {
    lines.push(depth === 0 ? "" : "caused by:");
    lines.push(current instanceof Error ? (current.stack ?? messageOf(current)) : String(current));
    current = current instanceof Error ? current.cause : undefined;
  }
  return lines.join("\n").trimStart();
}
