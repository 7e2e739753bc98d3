import type { IncomingMessage } from "node:http";
import { RequestError, ResponseLengthMismatch, toTransportError } from "./errors.js";

/** Unread bodies up to this size are drained on release so their socket can be reused; larger ones are dropped. */
const DRAIN_LIMIT = 64 * 1024;

const EMPTY = new Uint8Array(0);

/**
 * A one-shot response body over an `IncomingMessage`: an `AsyncIterable<Uint8Array>` plus `bytes()`
 * (read it all at once, fastest). Either way the byte count is checked against `content-length` at the
 * end, and a short or broken body throws a retryable error instead of ending quietly.
 */
export class NodeResponseBody implements AsyncIterable<Uint8Array> {
  readonly #res: IncomingMessage;
  readonly #expected: number | undefined;
  #started = false;

  constructor(res: IncomingMessage, expectedLength: number | undefined) {
    this.#res = res;
    this.#expected = expectedLength;
  }

  /** Reads the whole body. */
  bytes(): Promise<Uint8Array> {
    this.#start();
    const res = this.#res;
    const expected = this.#expected;
    return new Promise<Uint8Array>((resolve, reject) => {
      const chunks: Uint8Array[] = [];
      let total = 0;
      let ended = false;
      res.on("data", (chunk: Uint8Array) => {
        chunks.push(chunk);
        total += chunk.byteLength;
      });
      res.once("end", () => {
        ended = true;
        if (expected !== undefined && total !== expected) reject(new ResponseLengthMismatch(expected, total));
        else resolve(chunks.length === 1 ? (chunks[0] as Uint8Array) : chunks.length === 0 ? EMPTY : Buffer.concat(chunks, total));
      });
      res.once("error", (err) => reject(toTransportError(err, "reading response body failed")));
      res.once("close", () => {
        if (!ended) reject(new RequestError("response body ended early: connection closed"));
      });
    });
  }

  [Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    this.#start();
    const res = this.#res;
    const expected = this.#expected;
    // Created on the first next(): an iterator that is only returned never attaches to the stream.
    let inner: AsyncIterator<Uint8Array> | undefined;
    let total = 0;
    let done = false;
    return {
      async next(): Promise<IteratorResult<Uint8Array>> {
        let step: IteratorResult<Uint8Array>;
        try {
          inner ??= res[Symbol.asyncIterator]() as AsyncIterator<Uint8Array>;
          step = await inner.next();
        } catch (err) {
          done = true;
          throw toTransportError(err, "reading response body failed");
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
    if (this.#started) throw new RequestError("response body already consumed", { retryable: false });
    this.#started = true;
  }
}

function release(res: IncomingMessage, expected: number | undefined): void {
  if (res.destroyed || res.readableEnded) return;
  // A complete message is already buffered: draining it costs nothing and frees the socket for reuse.
  if (res.complete || (expected !== undefined && expected <= DRAIN_LIMIT)) res.resume();
  else res.destroy();
}
