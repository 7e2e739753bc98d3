import type { IncomingMessage } from "node:http";
import { bodyConsumed, RequestError, ResponseLengthMismatch, ResponseTimeout, toTransportError } from "./errors.js";

/** Unread bodies up to this size are drained on release so their socket can be reused; larger ones are dropped. */
const DRAIN_LIMIT = 64 * 1024;

const EMPTY = new Uint8Array(0);

/**
 * A one-shot response body over an `IncomingMessage`: an `AsyncIterable<Uint8Array>` plus `bytes()`
 * (read it all at once, fastest). Either way the byte count is checked against `content-length` at the
 * end, and a short or broken body throws a retryable error instead of ending quietly. With an idle
 * timeout, a reader that waits that long without a byte gets a retryable `ResponseTimeout` (a server
 * that stalls half-way through a body must not hang the call).
 */
export class NodeResponseBody implements AsyncIterable<Uint8Array> {
  readonly #res: IncomingMessage;
  readonly #expected: number | undefined;
  readonly #idleMs: number | undefined;
  #started = false;

  constructor(res: IncomingMessage, expectedLength: number | undefined, idleTimeoutMs?: number) {
    this.#res = res;
    this.#expected = expectedLength;
    this.#idleMs = idleTimeoutMs !== undefined && idleTimeoutMs > 0 ? idleTimeoutMs : undefined;
  }

  /** Reads the whole body. */
  bytes(): Promise<Uint8Array> {
    this.#start();
    const res = this.#res;
    const expected = this.#expected;
    const idleMs = this.#idleMs;
    return new Promise<Uint8Array>((resolve, reject) => {
      const chunks: Uint8Array[] = [];
      let total = 0;
      let ended = false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const arm =
        idleMs === undefined
          ? undefined
          : (): void => {
              if (timer !== undefined) clearTimeout(timer);
              timer = setTimeout(() => res.destroy(bodyTimeout(idleMs)), idleMs);
            };
      const disarm = (): void => {
        if (timer !== undefined) clearTimeout(timer);
      };
      arm?.();
      res.on("data", (chunk: Uint8Array) => {
        chunks.push(chunk);
        total += chunk.byteLength;
        arm?.();
      });
      res.once("end", () => {
        ended = true;
        disarm();
        if (expected !== undefined && total !== expected) reject(new ResponseLengthMismatch(expected, total));
        else resolve(chunks.length === 1 ? (chunks[0] as Uint8Array) : chunks.length === 0 ? EMPTY : Buffer.concat(chunks, total));
      });
      res.once("error", (err) => {
        disarm();
        reject(toTransportError(err, "reading response body failed"));
      });
      res.once("close", () => {
        disarm();
        if (!ended) reject(new RequestError("response body ended early: connection closed"));
      });
    });
  }

  [Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    this.#start();
    const res = this.#res;
    const expected = this.#expected;
    const idleMs = this.#idleMs;
    // Created on the first next(): an iterator that is only returned never attaches to the stream.
    let inner: AsyncIterator<Uint8Array> | undefined;
    let total = 0;
    let done = false;
    return {
      async next(): Promise<IteratorResult<Uint8Array>> {
        let step: IteratorResult<Uint8Array>;
        // Only while the reader waits: a slow reader is not a stalled server.
        const timer = idleMs === undefined ? undefined : setTimeout(() => res.destroy(bodyTimeout(idleMs)), idleMs);
        try {
          inner ??= res[Symbol.asyncIterator]() as AsyncIterator<Uint8Array>;
          step = await inner.next();
        } catch (err) {
          done = true;
          throw toTransportError(err, "reading response body failed");
        } finally {
          if (timer !== undefined) clearTimeout(timer);
        }
        if (step.done) {
          done = true;
          if (!res.complete) throw new RequestError("response body ended early: connection closed");
          if (expected !== undefined && total !== expected) throw new ResponseLengthMismatch(expected, total);
          return step;
        }
        total += step.value.byteLength;
        return step;
      },
      return: async (): Promise<IteratorResult<Uint8Array>> => {
        if (!done) {
          done = true;
          if (inner === undefined) release(res, expected);
          else await inner.return?.();
        }
        return { done: true, value: undefined };
      },
    };
  }

  /** Releases an unread body: small ones are drained (the socket stays in the pool), large ones closed. */
  discard(): void {
    if (this.#started) {
      if (!this.#res.complete) this.#res.destroy();
      return;
    }
    this.#started = true;
    release(this.#res, this.#expected);
  }

  #start(): void {
    if (this.#started) throw bodyConsumed();
    this.#started = true;
  }
}

function bodyTimeout(ms: number): ResponseTimeout {
  return new ResponseTimeout(`no response body bytes within ${ms} ms`);
}

function release(res: IncomingMessage, expected: number | undefined): void {
  if (res.destroyed || res.readableEnded) return;
  // A complete message is already buffered: draining it costs nothing and frees the socket for reuse.
  if (res.complete || (expected !== undefined && expected <= DRAIN_LIMIT)) res.resume();
  else res.destroy();
}
