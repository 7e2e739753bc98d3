import type { SdkError } from "@sessionkit/errors";
import { bodyConsumed } from "./errors.js";

const EMPTY = new Uint8Array(0);
/** Bytes buffered for a reader that has not caught up before the socket is paused. */
const HIGH_WATER = 256 * 1024;

/** What a body needs from its connection. */
export interface BodySource {
  pause(): void;
  resume(): void;
  /** Re-arms the connection's idle timer (called when a reader starts waiting). */
  waiting(): void;
  /** The reader gave up on an unfinished body: drain it or close the connection. */
  abandon(): void;
}

/**
 * A one-shot response body fed by an `Http1Connection`: an `AsyncIterable<Uint8Array>` plus `bytes()` (read all,
 * fastest) and `discard()`. The connection checks framing and length; the body only queues, hands out and reports.
 */
export class Http1ResponseBody implements AsyncIterable<Uint8Array> {
  readonly #source: BodySource;
  #chunks: Uint8Array[] = [];
  #queued = 0;
  #ended = false;
  #error: SdkError | undefined;
  #started = false;
  #wake: (() => void) | undefined;
  #paused = false;

  constructor(source: BodySource) {
    this.#source = source;
  }

  /** True while a reader waits for bytes: only then does silence from the server count against the timeout. */
  get waiting(): boolean {
    return this.#wake !== undefined;
  }

  push(chunk: Uint8Array): void {
    this.#chunks.push(chunk);
    this.#queued += chunk.byteLength;
    if (this.#wake !== undefined) this.#wake();
    else if (this.#queued > HIGH_WATER && !this.#paused) {
      this.#paused = true;
      this.#source.pause();
    }
  }

  end(error?: SdkError): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#error = error;
    this.#wake?.();
  }

  /** Reads the whole body. */
  async bytes(): Promise<Uint8Array> {
    this.#start();
    while (!this.#ended) await this.#wait();
    if (this.#error !== undefined) throw this.#error;
    const chunks = this.#chunks;
    this.#chunks = [];
    if (chunks.length === 1) return chunks[0] as Uint8Array;
    return chunks.length === 0 ? EMPTY : Buffer.concat(chunks, this.#queued);
  }

  [Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    this.#start();
    return {
      next: async (): Promise<IteratorResult<Uint8Array>> => {
        while (this.#chunks.length === 0) {
          if (this.#ended) {
            if (this.#error !== undefined) throw this.#error;
            return { done: true, value: undefined };
          }
          await this.#wait();
        }
        const chunk = this.#chunks.shift() as Uint8Array;
        this.#queued -= chunk.byteLength;
        if (this.#paused && this.#queued <= HIGH_WATER / 2) {
          this.#paused = false;
          this.#source.resume();
        }
        return { done: false, value: chunk };
      },
      return: async (): Promise<IteratorResult<Uint8Array>> => {
        this.discard();
        return { done: true, value: undefined };
      },
    };
  }

  /** Releases an unread or half-read body: the connection drains a small rest (keeping the socket) or closes. */
  discard(): void {
    this.#started = true;
    this.#chunks = [];
    this.#queued = 0;
    if (this.#paused) {
      this.#paused = false;
      this.#source.resume();
    }
    if (!this.#ended) this.#source.abandon();
  }

  #start(): void {
    if (this.#started) throw bodyConsumed();
    this.#started = true;
  }

  #wait(): Promise<void> {
    if (this.#paused) {
      this.#paused = false;
      this.#source.resume();
    }
    this.#source.waiting();
    return new Promise<void>((resolve) => {
      this.#wake = () => {
        this.#wake = undefined;
        resolve();
      };
    });
  }
}
