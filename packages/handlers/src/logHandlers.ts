import type { Handlers, HttpRequest, NamedHandler, Request } from "@sessionkit/types";
import { namedHandler } from "./HandlerList.js";
import { operationName } from "./operationName.js";
import { bytesBody, readBody } from "./readBody.js";
import { redactText } from "./redact.js";
import { FAILED_PHASE } from "./sendRequest.js";

const decoder = /* @__PURE__ */ new TextDecoder();

// `LogLevel.Debug`, `.DebugWithHTTPBody` and `.DebugWithRequestErrors` as literals (Go's `AtLeast` for the
// first, `Matches` for the flags; a level is always a number in a resolved config).
const DEBUG = 0x1000;
const WITH_BODY = 0x1002;
const WITH_ERRORS = 0x1008;

function headerLines(headers: HttpRequest["headers"]): string {
  let out = "";
  for (const name in headers) out += `${name}: ${headers[name]}\n`;
  return out;
}

// Go's banner lines, 53 characters wide ("" is the closing rule).
const rule = (title: string): string => (title && `---[ ${title} ]`).padEnd(53, "-");

/** Go's dump frame: `DEBUG: Request svc/Op Details:\n---[ REQUEST POST-SIGN ]---…\n<dump>\n-----…`. */
function frame(r: Request, kind: string, title: string, dump: string): string {
  return `DEBUG: ${kind} ${operationName(r)} Details:\n${rule(title)}\n${dump}\n${rule("")}`;
}

/** Formats the request as Go's `logRequest` does, after signing; the caller redacts. */
export function formatRequestDump(r: Request, withBody: boolean): string {
  const req = r.httpRequest;
  let target = "";
  for (const [key, value] of Object.entries(req.query)) {
    // A repeated parameter is an array of values; a bare one (`?uploads`) is null.
    for (const v of [value].flat()) target += `&${v === null ? key : `${key}=${v}`}`;
  }
  let dump = `${req.method} ${req.path}${target && `?${target.slice(1)}`} HTTP/1.1\n${headerLines(req.headers)}`;
  if (withBody) {
    const body = req.body;
    dump += `\n${body === undefined ? "" : typeof body === "string" ? body : body instanceof Uint8Array ? decoder.decode(body) : "<streaming body>"}`;
  }
  return frame(r, "Request", "REQUEST POST-SIGN", dump);
}

/** Logs one message through the request's logger, redacted. */
export function logRedacted(r: Request, message: string): void {
  (r.config.logger ?? console).log(redactText(message));
}

/** Go's `awssdk.client.LogRequest`: dumps the signed request at `LogDebug` (body with `LogDebugWithHTTPBody`). */
export const LogRequestHandler: NamedHandler = /* @__PURE__ */ namedHandler("awssdk.client.LogRequest", (r) => {
  const level = r.config.logLevel ?? 0;
  if (level >= DEBUG) logRedacted(r, formatRequestDump(r, (level & WITH_BODY) === WITH_BODY));
});

/**
 * Go's `awssdk.client.LogResponse`. With `LogDebugWithHTTPBody` it reads the whole body to log it and puts
 * back a replayable copy, so the unmarshal handlers still see every byte.
 */
export const LogResponseHandler: NamedHandler = /* @__PURE__ */ namedHandler("awssdk.client.LogResponse", (r) => {
  const level = r.config.logLevel ?? 0;
  const res = r.httpResponse;
  if (!(level >= DEBUG) || res === undefined) return;
  const log = (body: string | undefined): void =>
    logRedacted(r, frame(r, "Response", "RESPONSE", `HTTP/1.1 ${res.statusCode}${res.reason ? ` ${res.reason}` : ""}\n${headerLines(res.headers)}${body === undefined ? "" : `\n${body}`}`));
  if ((level & WITH_BODY) !== WITH_BODY) return log(undefined);
  return readBody(res.body).then((bytes) => {
    res.body = bytesBody(bytes);
    log(decoder.decode(bytes));
  });
});

/**
 * The `request.context` key under which {@link LogSigningHandler} puts the signing logger
 * (`@sessionkit/signature-v4` exports the same key as `SIGNING_LOGGER_CONTEXT_KEY`).
 */
export const SIGNING_LOGGER_CONTEXT_KEY = "sigv4.signingLogger";

/** What a signer hands the signing logger: its intermediate values. */
interface SignedText {
  readonly canonicalRequest: string;
  readonly stringToSign: string;
}

/** Go's `LogDebugWithSigning` lines (what Go's `v4.SignRequestHandler` writes), with the secrets redacted. */
function logSigning(r: Request, details: SignedText, token: string | undefined): void {
  // Go prints the canonical request as is; ours hides the session token and every other secret a signed
  // header or parameter holds (an SSE-C key, a token in the query), as the other dumps do.
  const canonical = token ? details.canonicalRequest.split(token).join("<redacted>") : details.canonicalRequest;
  logRedacted(
    r,
    `DEBUG: Request Signature:\n${rule("CANONICAL STRING ")}\n${canonical}\n${rule("STRING TO SIGN")}\n${details.stringToSign}\n${rule("")}`,
  );
}

/**
 * sign (front): gives the request's signer the signing logger, which it calls at `LogDebugWithSigning`. The
 * signer has no format of its own, so an app that never logs does not bundle it.
 */
export const LogSigningHandler: NamedHandler = /* @__PURE__ */ namedHandler("awssdk.v4.LogSigning", (r) => {
  r.context.set(SIGNING_LOGGER_CONTEXT_KEY, logSigning);
});

const STAGES: Readonly<Record<string, string>> = { send: "Send Request", unmarshal: "Unmarshal Response" };

/** `LogDebugWithRequestErrors`: logs each failed attempt (Go's `Send Request`, `Validate Response`, … lines). */
export const LogAttemptErrorHandler: NamedHandler = /* @__PURE__ */ namedHandler("awssdk.client.LogAttemptError", (r) => {
  if (r.error === undefined || ((r.config.logLevel ?? 0) & WITH_ERRORS) !== WITH_ERRORS) return;
  const stage = STAGES[r.context.get(FAILED_PHASE) as string] ?? "Validate Response";
  logRedacted(r, `DEBUG: ${stage} ${operationName(r)} failed, attempt ${r.retryCount}, error ${r.error.message}`);
});

/**
 * Go's `client.AddDebugHandlers`: `LogRequestHandler` first and `LogResponseHandler` last in `send`, and the
 * failed-attempt logger first in `completeAttempt`; each checks `config.logLevel` when it runs. `LogSigningHandler`
 * first in `sign` gives the signer its `LogDebugWithSigning` logger. Not part of
 * `defaultHandlers()`, so an app that never logs does not bundle the dumps and the redaction: the session
 * adds them to a client's lists when its `logLevel` is on; a hand-made `ClientConfigProvider` calls this.
 * Adding them twice changes nothing.
 */
export function addDebugHandlers(handlers: Handlers): void {
  handlers.sign.setFrontNamed(LogSigningHandler);
  handlers.send.setFrontNamed(LogRequestHandler);
  handlers.send.setBackNamed(LogResponseHandler);
  handlers.completeAttempt.setFrontNamed(LogAttemptErrorHandler);
}
