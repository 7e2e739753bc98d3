import type { HttpRequest, HttpResponse, NamedHandler, Request } from "@sessionkit/types";
import { LogLevel, logLevelAtLeast, logLevelMatches } from "./LogLevel.js";
import { bytesBody, readBody } from "./readBody.js";
import { redactText } from "./redact.js";

const RULE = "-----------------------------------------------------";
const decoder = new TextDecoder();

function operationLabel(r: Request): string {
  return `${r.clientInfo.serviceName}/${r.operation.name}`;
}

function bodyText(body: HttpRequest["body"]): string {
  if (body === undefined) return "";
  if (typeof body === "string") return body;
  if (body instanceof Uint8Array) return decoder.decode(body);
  return "<streaming body>";
}

function headerLines(headers: HttpRequest["headers"]): string {
  let out = "";
  for (const [name, value] of Object.entries(headers)) out += `${name}: ${value}\n`;
  return out;
}

function requestTarget(req: HttpRequest): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(req.query)) {
    const values = value === null ? [null] : Array.isArray(value) ? value : [value];
    for (const v of values) parts.push(v === null ? key : `${key}=${v}`);
  }
  return parts.length === 0 ? req.path : `${req.path}?${parts.join("&")}`;
}

/** Formats the request as Go's `logRequest` does, after signing; the caller redacts. */
export function formatRequestDump(r: Request, withBody: boolean): string {
  const req = r.httpRequest;
  let dump = `${req.method} ${requestTarget(req)} HTTP/1.1\n${headerLines(req.headers)}`;
  if (withBody) dump += `\n${bodyText(req.body)}`;
  return `DEBUG: Request ${operationLabel(r)} Details:\n---[ REQUEST POST-SIGN ]-----------------------------\n${dump}\n${RULE}`;
}

function formatResponseDump(r: Request, res: HttpResponse, body: string | undefined): string {
  let dump = `HTTP/1.1 ${res.statusCode}${res.reason ? ` ${res.reason}` : ""}\n${headerLines(res.headers)}`;
  if (body !== undefined) dump += `\n${body}`;
  return `DEBUG: Response ${operationLabel(r)} Details:\n---[ RESPONSE ]--------------------------------------\n${dump}\n${RULE}`;
}

/** Logs one message through the request's logger, redacted. */
export function logRedacted(r: Request, message: string): void {
  r.config.logger.log(redactText(message));
}

/** Go's `awssdk.client.LogRequest`: dumps the signed request at `LogDebug` (body with `LogDebugWithHTTPBody`). */
export const LogRequestHandler: NamedHandler = Object.freeze({
  name: "awssdk.client.LogRequest",
  fn(r: Request): void {
    const level = r.config.logLevel;
    if (!logLevelAtLeast(level, LogLevel.Debug)) return;
    logRedacted(r, formatRequestDump(r, logLevelMatches(level, LogLevel.DebugWithHTTPBody)));
  },
});

/**
 * Go's `awssdk.client.LogResponse`. With `LogDebugWithHTTPBody` it reads the whole body to log it and puts
 * back a replayable copy, so the unmarshal handlers still see every byte.
 */
export const LogResponseHandler: NamedHandler = Object.freeze({
  name: "awssdk.client.LogResponse",
  fn(r: Request): void | Promise<void> {
    const level = r.config.logLevel;
    const res = r.httpResponse;
    if (!logLevelAtLeast(level, LogLevel.Debug) || res === undefined) return;
    if (!logLevelMatches(level, LogLevel.DebugWithHTTPBody)) {
      logRedacted(r, formatResponseDump(r, res, undefined));
      return;
    }
    return readBody(res.body).then((bytes) => {
      res.body = bytesBody(bytes);
      logRedacted(r, formatResponseDump(r, res, decoder.decode(bytes)));
    });
  },
});
