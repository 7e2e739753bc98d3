import * as http from "node:http";
import * as https from "node:https";
import { onAbort, type SdkError } from "@sessionkit/errors";
import type { HttpRequest, HttpRequestBody, HttpResponse, Transport, TransportOptions } from "@sessionkit/types";
import { requestTarget } from "./buildQueryString.js";
import { type CaBundle, caOption } from "./caOption.js";
import { drained } from "./drained.js";
import { bodyLengthMismatch, hasNoBody, RequestCanceled, RequestError, ResponseTimeout, toTransportError } from "./errors.js";
import { NodeResponseBody } from "./NodeResponseBody.js";
import { CHUNKED_BODY, declaredLength } from "./requestHead.js";
import { timerMs } from "./timerMs.js";

export type { CaBundle } from "./caOption.js";

/** Options of {@link NodeHttpTransport}. */
export interface NodeHttpTransportOptions {
  /** Sockets per origin (default 50): the pool is bounded, extra requests queue. */
  readonly maxSockets?: number;
  /** Sockets over all origins (default 256). */
  readonly maxTotalSockets?: number;
  /** Idle sockets kept per origin (default 256). */
  readonly maxFreeSockets?: number;
  /** Reuse connections (default true). */
  readonly keepAlive?: boolean;
  /** TCP keep-alive probe delay for idle sockets (default 1000 ms). */
  readonly keepAliveMsecs?: number;
  /**
   * Trusted CAs for HTTPS, replacing Node's defaults for this transport only (the session passes the PEM of
   * `customCABundle` / `AWS_CA_BUNDLE` / `ca_bundle`). No global agent is touched.
   */
  readonly ca?: CaBundle;
  /**
   * Per-attempt timeout (ms, request start to response headers) when the caller gives none; it also bounds
   * each wait for the next body bytes while the body is read.
   */
  readonly timeoutMs?: number;
  /** Use these agents instead of the transport's own (then the pool options above do not apply). */
  readonly httpAgent?: http.Agent;
  readonly httpsAgent?: https.Agent;
}

function ignore(): void {}

function isStream(body: HttpRequestBody): body is AsyncIterable<Uint8Array> {
  return body !== undefined && typeof body !== "string" && !(body instanceof Uint8Array);
}

/** The `content-length` the caller set on `req` (validated), or `CHUNKED_BODY` when the body goes chunked. */
function wireLength(req: http.ClientRequest): number {
  const value = req.getHeader("content-length");
  return value === undefined || req.hasHeader("transfer-encoding") ? CHUNKED_BODY : declaredLength(String(value));
}

/** Sends a string, byte or empty body; node:http (strict) throws when it disagrees with the caller's length. */
function endBody(req: http.ClientRequest, body: string | Uint8Array | undefined): void {
  // Node ≥18.13 has it; @types/node here does not declare it yet.
  (req as http.ClientRequest & { strictContentLength: boolean }).strictContentLength = true;
  try {
    req.end(body);
  } catch (err) {
    // The length mismatch's numbers are worked out on this error path only; anything else stays what it was.
    let error: SdkError;
    try {
      if ((err as { code?: unknown }).code !== "ERR_HTTP_CONTENT_LENGTH_MISMATCH") throw err;
      error = bodyLengthMismatch(typeof body === "string" ? Buffer.byteLength(body) : (body?.byteLength ?? 0), wireLength(req));
    } catch (other) {
      error = toTransportError(other, "send request failed"); // a content-length that is not a byte count is already typed
    }
    req.destroy(error);
  }
}

async function pumpBody(req: http.ClientRequest, body: AsyncIterable<Uint8Array>): Promise<void> {
  try {
    const length = wireLength(req);
    const chunked = length < 0;
    let sent = 0;
    // Leaving the loop early (return) calls the stream's return(): its producer is released.
    for await (const chunk of body) {
      if (req.destroyed) return;
      sent += chunk.byteLength;
      // Never write past the declared length: the server would take the excess as the next request. Destroying
      // the request closes its socket (the call rejects with this error), so it never returns to the pool.
      if (!chunked && sent > length) {
        req.destroy(bodyLengthMismatch(sent, length, true));
        return;
      }
      if (!req.write(chunk)) await drained(req);
    }
    if (req.destroyed) return;
    // Short: the server would wait for the rest, and the call for its answer.
    if (!chunked && sent !== length) req.destroy(bodyLengthMismatch(sent, length));
    else req.end();
  } catch (err) {
    req.destroy(toTransportError(err, "request body stream failed"));
  }
}

/**
 * The Node transport: `node:http`/`node:https` with its own keep-alive agents and a bounded socket pool.
 * Connection errors become retryable `RequestError`s (the original is the `cause`), an abort becomes
 * `RequestCanceled` (also while the body is read), and a missing response within the timeout
 * `ResponseTimeout`. Response bodies stream and are checked against `content-length`.
 */
export class NodeHttpTransport implements Transport {
  readonly #httpAgent: http.Agent;
  readonly #httpsAgent: https.Agent;
  readonly #ownAgents: boolean;
  readonly #timeoutMs: number | undefined;

  constructor(options: NodeHttpTransportOptions = {}) {
    const pool = {
      keepAlive: options.keepAlive ?? true,
      keepAliveMsecs: options.keepAliveMsecs ?? 1000,
      maxSockets: options.maxSockets ?? 50,
      maxTotalSockets: options.maxTotalSockets ?? 256,
      maxFreeSockets: options.maxFreeSockets ?? 256,
      scheduling: "lifo" as const,
    };
    this.#httpAgent = options.httpAgent ?? new http.Agent(pool);
    this.#httpsAgent =
      options.httpsAgent ??
      new https.Agent(options.ca === undefined ? pool : { ...pool, ca: caOption(options.ca) });
    this.#ownAgents = options.httpAgent === undefined && options.httpsAgent === undefined;
    this.#timeoutMs = options.timeoutMs;
  }

  handle(request: HttpRequest, options?: TransportOptions): Promise<HttpResponse> {
    const signal = options?.signal;
    if (signal?.aborted) return Promise.reject(new RequestCanceled(undefined, { cause: signal.reason }));
    const timeoutMs = timerMs(options?.timeoutMs ?? this.#timeoutMs);
    const isHttp = request.protocol === "http:";
    const hostname = request.hostname.startsWith("[") ? request.hostname.slice(1, -1) : request.hostname;

    return new Promise<HttpResponse>((resolve, reject) => {
      let req: http.ClientRequest;
      try {
        req = (isHttp ? http.request : https.request)({
          agent: isHttp ? this.#httpAgent : this.#httpsAgent,
          method: request.method,
          hostname,
          port: request.port,
          path: requestTarget(request),
          headers: request.headers,
        });
      } catch (err) {
        // Invalid header values or paths throw synchronously in node:http.
        reject(new RequestError(`invalid request: ${err instanceof Error ? err.message : String(err)}`, { cause: err, retryable: false }));
        return;
      }
      let res: http.IncomingMessage | undefined;
      let timer: ReturnType<typeof setTimeout> | undefined;

      const aborted = (): void => {
        const canceled = new RequestCanceled(undefined, { cause: signal?.reason });
        if (res === undefined) req.destroy(canceled);
        else res.destroy(canceled);
      };
      const cleanup = (): void => {
        if (timer !== undefined) clearTimeout(timer);
        onAbort(signal, aborted);
      };
      onAbort(signal, aborted, true);
      if (timeoutMs !== undefined) {
        timer = setTimeout(() => req.destroy(new ResponseTimeout(`no response from ${hostname} within ${timeoutMs} ms`)), timeoutMs);
      }

      req.once("response", (incoming: http.IncomingMessage) => {
        res = incoming;
        // Body errors reach readers through bytes()/iteration; this keeps an unread body's error from crashing.
        incoming.on("error", ignore);
        if (timer !== undefined) {
          clearTimeout(timer);
          timer = undefined;
        }
        if (signal !== undefined) incoming.once("close", cleanup);
        const status = incoming.statusCode ?? 0;
        const headers = incoming.headers;
        const setCookie = headers["set-cookie"];
        if (setCookie !== undefined) (headers as Record<string, string>)["set-cookie"] = setCookie.join(", ");
        const length = headers["content-length"];
        const expected =
          length === undefined || hasNoBody(request.method, status) ? undefined : Number(length);
        resolve({
          statusCode: status,
          reason: incoming.statusMessage,
          headers: headers as Record<string, string>,
          // The same timeout bounds each silence while the body is read.
          body: new NodeResponseBody(incoming, expected, timeoutMs),
        });
      });
      req.on("error", (err: Error) => {
        if (res !== undefined) return; // after the response, the body reports errors
        cleanup();
        reject(toTransportError(err, `send request to ${hostname} failed`));
      });

      const body = request.body;
      if (isStream(body)) void pumpBody(req, body);
      else endBody(req, body);
    });
  }

  /** Closes idle sockets and the pool (only agents this transport created). */
  destroy(): void {
    if (!this.#ownAgents) return;
    this.#httpAgent.destroy();
    this.#httpsAgent.destroy();
  }
}

/** A Node transport with keep-alive and a bounded pool; see {@link NodeHttpTransportOptions}. */
export function createNodeHttpTransport(options?: NodeHttpTransportOptions): NodeHttpTransport {
  return new NodeHttpTransport(options);
}
