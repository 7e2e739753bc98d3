import * as net from "node:net";
import * as tls from "node:tls";
import { RequestCanceled, RequestError, type SdkError } from "@sessionkit/errors";
import type { HttpRequest, HttpResponse, Transport, TransportOptions } from "@sessionkit/types";
import { Exchange, type ExchangeOwner } from "./Exchange.js";
import { type ConnectionOwner, Http1Connection } from "./Http1Connection.js";
import { type CaBundle, caOption } from "./caOption.js";
import { requestHead } from "./requestHead.js";

/** Options of {@link Http1Transport}. */
export interface Http1TransportOptions {
  /** Connections per origin (default 50): the pool is bounded, extra requests queue in order. */
  readonly maxSockets?: number;
  /** Reuse connections (default true). */
  readonly keepAlive?: boolean;
  /** An idle pooled connection is closed after this long (default 4000 ms, under the usual 5 s server timeout). */
  readonly idleTimeoutMs?: number;
  /** Trusted CAs for HTTPS, replacing Node's defaults for this transport only. */
  readonly ca?: CaBundle;
  /**
   * Per-attempt timeout (ms, request start to response headers) when the caller gives none; it also bounds
   * each wait for the next body bytes while the body is read.
   */
  readonly timeoutMs?: number;
}

/** The connections of one origin (`protocol//host:port`). */
interface Origin {
  readonly key: string;
  readonly secure: boolean;
  readonly host: string;
  readonly port: number;
  readonly servername: string | undefined;
  readonly all: Set<Http1Connection>;
  readonly idle: Http1Connection[];
  readonly queue: Exchange[];
}

const encoder = new TextEncoder();


/**
 * The default Node transport: HTTP/1.1 written and parsed directly on `node:net` / `node:tls` sockets, with a
 * bounded keep-alive pool per origin. It does what the SDK needs of `node:http` at a fraction of the CPU per
 * request: request heads are validated (no header or path can split a request), bodies stream both ways with
 * back-pressure, responses are framed by content-length, chunked encoding or close, and a keep-alive socket
 * the server closed in the meantime is replaced transparently (once, for bodies that can be sent again).
 * Errors are those of `NodeHttpTransport`: retryable `RequestError` (the socket error is the cause; also a body
 * cut short or a response that breaks HTTP framing), `RequestCanceled` and `ResponseTimeout`.
 */
export class Http1Transport implements Transport, ConnectionOwner, ExchangeOwner {
  readonly #origins = new Map<string, Origin>();
  readonly #owners = new WeakMap<Http1Connection, Origin>();
  readonly #max: number;
  readonly #keepAlive: boolean;
  readonly #idleMs: number;
  readonly #ca: string | Buffer | Array<string | Buffer> | undefined;
  readonly #timeoutMs: number | undefined;
  #destroyed = false;

  constructor(options: Http1TransportOptions = {}) {
    this.#max = Math.max(1, options.maxSockets ?? 50);
    this.#keepAlive = options.keepAlive ?? true;
    this.#idleMs = options.idleTimeoutMs ?? 4000;
    this.#ca = options.ca === undefined ? undefined : caOption(options.ca);
    this.#timeoutMs = options.timeoutMs;
  }

  handle(request: HttpRequest, options?: TransportOptions): Promise<HttpResponse> {
    const signal = options?.signal;
    if (signal?.aborted) return Promise.reject(new RequestCanceled(undefined, { cause: signal.reason }));
    if (this.#destroyed) return Promise.reject(new RequestError("transport destroyed", { retryable: false }));
    let head: string;
    let framing: ReturnType<typeof requestHead>[1];
    const raw = request.body;
    const body = typeof raw === "string" ? encoder.encode(raw) : raw;
    try {
      [head, framing] = requestHead(request, body === undefined ? 0 : body instanceof Uint8Array ? body.byteLength : undefined, this.#keepAlive);
    } catch (err) {
      return Promise.reject(err);
    }
    const origin = this.#origin(request);
    const timeoutMs = options?.timeoutMs ?? this.#timeoutMs;
    const ms = timeoutMs !== undefined && timeoutMs > 0 ? timeoutMs : undefined;
    return new Promise<HttpResponse>((resolve, reject) => {
      this.#dispatch(origin, new Exchange(this, origin.key, origin.host, request.method, head, framing, body, ms, signal, resolve, reject));
    });
  }

  /** Takes an exchange back (abort, timeout): out of the queue, or off the connection carrying it. */
  stop(x: Exchange, error: SdkError): void {
    const origin = this.#origins.get(x.origin);
    if (origin === undefined) return;
    const i = origin.queue.indexOf(x);
    if (i !== -1) {
      origin.queue.splice(i, 1);
      x.fail(error);
      return;
    }
    for (const c of origin.all) c.fail(x, error);
  }

  /** Closes every connection (idle and busy) and fails queued requests; the transport cannot be used again. */
  destroy(): void {
    this.#destroyed = true;
    for (const origin of this.#origins.values()) {
      for (const x of origin.queue.splice(0)) x.fail(new RequestError("transport destroyed", { retryable: false }));
      for (const c of origin.all) c.destroy();
    }
    this.#origins.clear();
  }

  // ConnectionOwner
  release(c: Http1Connection): void {
    const origin = this.#owners.get(c);
    const next = origin?.queue.shift();
    if (origin === undefined) c.destroy();
    else if (next !== undefined) c.send(next, true);
    else {
      origin.idle.push(c);
      c.socket.unref(); // an idle pool never keeps the process alive
    }
  }

  removed(c: Http1Connection): void {
    const origin = this.#owners.get(c);
    if (origin === undefined || !origin.all.delete(c)) return;
    const i = origin.idle.indexOf(c);
    if (i !== -1) origin.idle.splice(i, 1);
    const next = origin.queue.shift();
    if (next !== undefined) this.#dispatch(origin, next);
  }

  replay(x: Exchange): void {
    const origin = this.#origins.get(x.origin);
    if (origin === undefined) x.fail(new RequestError("transport destroyed", { retryable: false }));
    else this.#dispatch(origin, x);
  }

  #dispatch(origin: Origin, x: Exchange): void {
    // Most recently used first: it is the least likely to have been closed by the server.
    let c = origin.idle.pop();
    while (c?.socket.destroyed) c = origin.idle.pop();
    if (c !== undefined) {
      c.send(x, true);
      return;
    }
    if (origin.all.size >= this.#max) {
      if (x.retried) origin.queue.unshift(x);
      else origin.queue.push(x);
      return;
    }
    const socket = origin.secure
      ? tls.connect({ host: origin.host, port: origin.port, servername: origin.servername, ca: this.#ca })
      : net.connect({ host: origin.host, port: origin.port });
    c = new Http1Connection(socket, this, this.#idleMs);
    origin.all.add(c);
    this.#owners.set(c, origin);
    c.send(x, false);
  }

  #origin(request: HttpRequest): Origin {
    const secure = request.protocol === "https:";
    const port = request.port ?? (secure ? 443 : 80);
    const key = `${secure ? "s" : ""}${request.hostname}:${port}`;
    let origin = this.#origins.get(key);
    if (origin === undefined) {
      const host = request.hostname.startsWith("[") ? request.hostname.slice(1, -1) : request.hostname;
      origin = { key, secure, host, port, servername: net.isIP(host) === 0 ? host : undefined, all: new Set(), idle: [], queue: [] };
      this.#origins.set(key, origin);
    }
    return origin;
  }
}

/** The default Node transport; see {@link Http1TransportOptions}. */
export function createHttp1Transport(options?: Http1TransportOptions): Http1Transport {
  return new Http1Transport(options);
}
