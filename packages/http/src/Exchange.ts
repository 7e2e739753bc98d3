import type { Socket } from "node:net";
import { onAbort, RequestCanceled, ResponseTimeout, type SdkError } from "@sessionkit/errors";
import type { HttpRequestBody, HttpResponse } from "@sessionkit/types";
import { bodyConsumed } from "./errors.js";

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };
/** Bytes buffered for a reader that has not caught up before the socket is paused. */
const HIGH_WATER = 2 ** 18; // 256 KiB

/** Who can take an exchange back wherever it is (queued or on a connection): its origin's pool. */
export interface ExchangeOwner {
  /** The host (no brackets), for messages. */
  readonly host: string;
  stop(exchange: Exchange, error: SdkError): void;
}

/** The connection carrying an exchange, as the exchange and its pool see it. */
export interface BodySource {
  readonly socket: Socket;
  /** Fails the exchange if this connection still carries it, and closes the socket. */
  fail(exchange: Exchange, error: SdkError): void;
  /** Re-arms the connection's idle timer (called when a reader starts waiting). */
  waiting(): void;
  /** The reader gave up on an unfinished body: drain it or close the connection. */
  abandon(): void;
}

function timedOut(x: Exchange): void {
  if (!x.settled) x.owner.stop(x, new ResponseTimeout(`no response from ${x.owner.host} within ${x.ms} ms`));
}

/**
 * One request on its way (made by the transport, sent by a connection, replayed once on a stale socket) and,
 * once the head arrived, its one-shot response body: an `AsyncIterable<Uint8Array>` that is its own iterator,
 * plus `bytes()` (read all, fastest) and `discard()`. The connection checks framing and length and feeds it;
 * the exchange queues, hands out and reports. It is its own abort listener and passes itself to its timer, so
 * a request costs no closures beyond its promise's.
 */
export class Exchange implements AsyncIterable<Uint8Array>, AsyncIterator<Uint8Array> {
  /** Set once the response head arrived (or the exchange failed). */
  settled = false;
  /** Whether a stale keep-alive socket was already replaced once. */
  retried = false;
  /** The connection it was last sent on. */
  conn: BodySource | undefined;
  // Assigned in the constructor (`declare`: no separate field definitions in the output).
  declare readonly owner: ExchangeOwner;
  declare readonly method: string;
  /** The request head; dropped with `body` once the response arrives (this object is then the response's body). */
  declare head: string | undefined;
  /** The bytes the body has on the wire (its `content-length`), or `CHUNKED_BODY` (-1): sent chunked. */
  declare readonly wireLength: number;
  /** A string body already encoded, bytes, a stream, or nothing. */
  declare body: Exclude<HttpRequestBody, string>;
  /** The per-attempt timeout (ms). */
  declare readonly ms: number | undefined;
  readonly #resolve: (response: HttpResponse) => void;
  readonly #reject: (error: SdkError) => void;
  readonly #signal: AbortSignal | undefined;
  readonly #timer: ReturnType<typeof setTimeout> | undefined;
  #chunks: Uint8Array[] = [];
  #queued = 0;
  #ended = false;
  #error: SdkError | undefined;
  #started = false;
  #wake: (() => void) | undefined;
  #paused = false;

  constructor(
    owner: ExchangeOwner,
    method: string,
    head: string,
    wireLength: number,
    body: Exclude<HttpRequestBody, string>,
    ms: number | undefined,
    signal: AbortSignal | undefined,
    resolve: (response: HttpResponse) => void,
    reject: (error: SdkError) => void,
  ) {
    this.owner = owner;
    this.method = method;
    this.head = head;
    this.wireLength = wireLength;
    this.body = body;
    this.ms = ms;
    this.#resolve = resolve;
    this.#reject = reject;
    this.#signal = signal;
    onAbort(signal, this, true);
    if (ms !== undefined) this.#timer = setTimeout(timedOut, ms, this);
  }

  /** The caller's signal aborted (`EventListener` object). */
  handleEvent(): void {
    this.owner.stop(this, new RequestCanceled(undefined, { cause: this.#signal?.reason }));
  }

  /** The response head arrived: the call resolves with this exchange as the body. */
  respond(statusCode: number, reason: string, headers: Record<string, string>): void {
    this.settled = true;
    // Never sent again from here: util.inspect or JSON.stringify of the body must not show the request's session
    // token, signature or payload, and an upload's bytes need not live as long as its response.
    this.head = this.body = undefined;
    clearTimeout(this.#timer);
    this.#resolve({ statusCode, reason, headers, body: this });
  }

  /**
   * Ends the exchange once: before the head it rejects the call (`error` is then always given); after it, it
   * ends the body (`error` undefined: complete). Either way it detaches from the signal.
   */
  end(error: SdkError | undefined): void {
    if (!this.settled) {
      this.settled = true;
      clearTimeout(this.#timer);
      this.#reject(error as SdkError);
    } else if (!this.#ended) {
      this.#ended = true;
      this.#error = error;
      this.#go();
    }
    onAbort(this.#signal, this);
  }

  /** True while a reader waits for bytes: only then does silence from the server count against the timeout. */
  get waiting(): boolean {
    return this.#wake !== undefined;
  }

  push(chunk: Uint8Array): void {
    this.#chunks.push(chunk);
    this.#queued += chunk.byteLength;
    if (!this.#go() && this.#queued > HIGH_WATER && !this.#paused) {
      this.#paused = true;
      this.conn?.socket.pause();
    }
  }

  /** Reads the whole body. */
  async bytes(): Promise<Uint8Array> {
    this.#start();
    while (!this.#ended) await this.#wait();
    if (this.#error !== undefined) throw this.#error;
    const chunks = this.#chunks;
    this.#chunks = [];
    // One chunk as it is; none is an empty Buffer.
    return chunks.length === 1 ? (chunks[0] as Uint8Array) : Buffer.concat(chunks, this.#queued);
  }

  [Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    this.#start();
    return this;
  }

  async next(): Promise<IteratorResult<Uint8Array>> {
    while (this.#chunks.length === 0) {
      if (this.#ended) {
        if (this.#error !== undefined) throw this.#error;
        return DONE;
      }
      await this.#wait();
    }
    const chunk = this.#chunks.shift() as Uint8Array;
    this.#queued -= chunk.byteLength;
    if (this.#queued <= HIGH_WATER / 2) this.#resume();
    return { done: false, value: chunk };
  }

  async return(): Promise<IteratorResult<Uint8Array>> {
    this.discard();
    return DONE;
  }

  /** Releases an unread or half-read body: the connection drains a small rest (keeping the socket) or closes. */
  discard(): void {
    this.#started = true;
    this.#chunks = [];
    this.#queued = 0;
    this.#resume();
    if (!this.#ended) this.conn?.abandon();
  }

  #start(): void {
    if (this.#started) throw bodyConsumed();
    this.#started = true;
  }

  #resume(): void {
    if (this.#paused) {
      this.#paused = false;
      this.conn?.socket.resume();
    }
  }

  /** Wakes a waiting reader; false when none waits. */
  #go(): boolean {
    const wake = this.#wake;
    this.#wake = undefined;
    wake?.();
    return wake !== undefined;
  }

  #wait(): Promise<void> {
    this.#resume();
    this.conn?.waiting();
    return new Promise<void>((resolve) => {
      this.#wake = resolve;
    });
  }
}
