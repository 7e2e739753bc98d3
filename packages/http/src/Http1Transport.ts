import * as net from "node:net";
import type { Socket } from "node:net";
import * as tls from "node:tls";
import { RequestCanceled, RequestError, type SdkError } from "@sessionkit/errors";
import type { HttpRequest, HttpResponse, Transport, TransportOptions } from "@sessionkit/types";
import { Exchange, type ExchangeOwner } from "./Exchange.js";
import { type ConnectionOwner, Http1Connection } from "./Http1Connection.js";
import type { CaBundle } from "./caOption.js";
import { invalid, requestHead } from "./requestHead.js";
import { timerMs } from "./timerMs.js";

/** Options of {@link Http1Transport}. */
export interface Http1TransportOptions {
  /** Connections per origin (default 50): the pool is bounded, extra requests queue in order. */
  readonly maxSockets?: number;
  /** Reuse connections (default true). */
  readonly keepAlive?: boolean;
  /**
   * An idle pooled connection is closed after this long (default 4000 ms, under the usual 5 s server timeout);
   * 0 (or Infinity, negative, NaN): never by time, idle sockets then close when the server closes them.
   */
  readonly idleTimeoutMs?: number;
  /** Trusted CAs for HTTPS, replacing Node's defaults for this transport only. */
  readonly ca?: CaBundle;
  /**
   * Per-attempt timeout (ms, request start to response headers) when the caller gives none; it also bounds
   * each wait for the next body bytes while the body is read.
   */
  readonly timeoutMs?: number;
}

/** A transport that was destroyed. */
function destroyed(): RequestError {
  return new RequestError("transport destroyed", { retryable: false });
}

/** The pool of one origin (`protocol//host:port`): its connections, the idle ones, and the queue. */
class Origin implements ConnectionOwner, ExchangeOwner {
  readonly #all = new Set<Http1Connection>();
  /** Idle connections, the most recently used last. */
  readonly #idle: Http1Connection[] = [];
  readonly #queue: Exchange[] = [];
  /** Set by the transport's `destroy()`. */
  #dead = false;
  readonly host: string;
  readonly idleMs: number;
  readonly keepAlive: boolean;
  readonly #max: number;
  readonly #connect: () => Socket;

  constructor(host: string, idleMs: number, keepAlive: boolean, max: number, connect: () => Socket) {
    this.host = host;
    this.idleMs = idleMs;
    this.keepAlive = keepAlive;
    this.#max = max;
    this.#connect = connect;
  }

  /** Takes an exchange back (abort, timeout): out of the queue, or off the connection carrying it. */
  stop(x: Exchange, error: SdkError): void {
    if (this.#dead) return;
    const i = this.#queue.indexOf(x);
    if (i !== -1) {
      this.#queue.splice(i, 1);
      x.end(error);
      return;
    }
    x.conn?.fail(x, error); // a no-op unless that connection still carries it
  }

  release(c: Http1Connection): void {
    const next = this.#queue.shift();
    if (next !== undefined) c.send(next, true);
    else {
      this.#idle.push(c);
      c.socket.unref(); // an idle pool never keeps the process alive
    }
  }

  removed(c: Http1Connection, replay?: Exchange): void {
    if (this.#all.delete(c)) {
      const i = this.#idle.indexOf(c);
      if (i !== -1) this.#idle.splice(i, 1);
      const next = this.#queue.shift();
      if (next !== undefined) this.dispatch(next);
    }
    if (replay === undefined) return;
    if (this.#dead) replay.end(destroyed());
    else this.dispatch(replay);
  }

  dispatch(x: Exchange): void {
    // Most recently used first: it is the least likely to have been closed by the server.
    let c = this.#idle.pop();
    while (c?.socket.destroyed) c = this.#idle.pop();
    if (c !== undefined) c.send(x, true);
    else if (this.#all.size < this.#max) {
      c = new Http1Connection(this.#connect(), this);
      this.#all.add(c);
      c.send(x, false);
    } else if (x.retried) this.#queue.unshift(x);
    else this.#queue.push(x);
  }

  destroy(): void {
    this.#dead = true;
    for (const x of this.#queue.splice(0)) x.end(destroyed());
    for (const c of this.#all) c.socket.destroy();
  }
}

const encoder = new TextEncoder();

/**
 * The default Node transport: HTTP/1.1 written and parsed directly on `node:net` / `node:tls` sockets, with a
 * bounded keep-alive pool per origin. It does what the SDK needs of `node:http` at a fraction of the CPU per
 * request: request heads are validated (no header or path can split a request), bodies stream both ways with
 * back-pressure, responses are framed by content-length, chunked encoding or close, and a keep-alive socket
 * the server closed in the meantime is replaced transparently (once, unless it is a POST or PATCH or its body
 * is a stream).
 * Errors are those of `NodeHttpTransport`: retryable `RequestError` (the socket error is the cause; also a body
 * cut short or a response that breaks HTTP framing), `RequestCanceled` and `ResponseTimeout`; a request body
 * whose length is not the `content-length` the caller set fails with a non-retryable `RequestError` (its
 * connection is closed, never reused).
 */
export class Http1Transport implements Transport {
  readonly #origins = new Map<string, Origin>();
  readonly #max: number;
  readonly #keepAlive: boolean;
  readonly #idleMs: number;
  readonly #ca: tls.ConnectionOptions["ca"];
  readonly #timeoutMs: number | undefined;
  #destroyed = false;

  constructor(options: Http1TransportOptions = {}) {
    // NaN (a parse of an unset variable) is the default: compared with NaN, no pool ever has room.
    this.#max = Math.max(1, options.maxSockets ?? 50) || 50;
    this.#keepAlive = options.keepAlive ?? true;
    // 0 (socket.setTimeout's "none") for what a timer cannot hold: idle sockets then close when the server closes them.
    this.#idleMs = timerMs(options.idleTimeoutMs ?? 4000) ?? 0;
    // tls takes PEM text or bytes (any Uint8Array), one or several: a copy of the bundle as a list.
    this.#ca = options.ca === undefined ? undefined : ([options.ca].flat() as Array<string | Buffer>);
    this.#timeoutMs = options.timeoutMs;
  }

  handle(request: HttpRequest, options?: TransportOptions): Promise<HttpResponse> {
    // What the executor throws (a canceled signal, an invalid request) becomes the rejection.
    return new Promise<HttpResponse>((resolve, reject) => {
      const signal = options?.signal;
      if (signal?.aborted) throw new RequestCanceled(undefined, { cause: signal.reason });
      if (this.#destroyed) throw destroyed();
      const raw = request.body;
      const body = typeof raw === "string" ? encoder.encode(raw) : raw;
      const [head, wireLength] = requestHead(request, body === undefined ? 0 : body instanceof Uint8Array ? body.byteLength : undefined, this.#keepAlive);
      const origin = this.#origin(request);
      origin.dispatch(new Exchange(origin, request.method, head, wireLength, body, timerMs(options?.timeoutMs ?? this.#timeoutMs), signal, resolve, reject));
    });
  }

  /** Closes every connection (idle and busy) and fails queued requests; the transport cannot be used again. */
  destroy(): void {
    this.#destroyed = true;
    for (const origin of this.#origins.values()) origin.destroy();
    this.#origins.clear();
  }

  #origin(request: HttpRequest): Origin {
    const secure = request.protocol === "https:";
    const port = request.port ?? (secure ? 443 : 80);
    // Checked here, before the exchange exists (it would hold a timer and a listener on the signal): net.connect
    // throws a bare RangeError for a port out of range, which the retryer would take for a network error. Only a
    // whole number from 0 to 65535 is its own low 16 bits (NaN, negatives, fractions and larger numbers are not).
    if (port !== (port & 0xffff)) throw invalid(`port ${port}`);
    const key = `${secure ? "s" : ""}${request.hostname}:${port}`;
    let origin = this.#origins.get(key);
    if (origin === undefined) {
      const host = request.hostname.startsWith("[") ? request.hostname.slice(1, -1) : request.hostname;
      const servername = net.isIP(host) === 0 ? host : undefined;
      const ca = this.#ca;
      origin = new Origin(host, this.#idleMs, this.#keepAlive, this.#max, secure ? () => tls.connect({ host, port, servername, ca }) : () => net.connect({ host, port }));
      this.#origins.set(key, origin);
    }
    return origin;
  }
}

/** The default Node transport; see {@link Http1TransportOptions}. */
export function createHttp1Transport(options?: Http1TransportOptions): Http1Transport {
  return new Http1Transport(options);
}
