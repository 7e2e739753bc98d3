import { RequestCanceled, ResponseTimeout, type SdkError } from "@sessionkit/errors";
import type { HttpRequestBody, HttpResponse } from "@sessionkit/types";
import type { BodyFraming } from "./requestHead.js";

/** Who can take an exchange back wherever it is (queued or on a connection): the transport. */
export interface ExchangeOwner {
  stop(exchange: Exchange, error: SdkError): void;
}

function timedOut(x: Exchange): void {
  if (!x.settled) x.owner.stop(x, new ResponseTimeout(`no response from ${x.hostname} within ${x.timeoutMs} ms`));
}

/**
 * One request on its way: made by the transport, sent by a connection, replayed once on a stale socket. It is
 * its own abort listener and passes itself to its timer, so a request costs no closures beyond its promise's.
 */
export class Exchange {
  /** Set once the response head arrived (or the exchange failed). */
  settled = false;
  /** Whether a stale keep-alive socket was already replaced once. */
  retried = false;
  readonly #resolve: (response: HttpResponse) => void;
  readonly #reject: (error: SdkError) => void;
  readonly #signal: AbortSignal | undefined;
  readonly #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly owner: ExchangeOwner,
    /** The pool key of its origin. */
    readonly origin: string,
    readonly hostname: string,
    readonly method: string,
    readonly head: string,
    readonly framing: BodyFraming,
    /** A string body already encoded, bytes, a stream, or nothing. */
    readonly body: Exclude<HttpRequestBody, string>,
    readonly timeoutMs: number | undefined,
    signal: AbortSignal | undefined,
    resolve: (response: HttpResponse) => void,
    reject: (error: SdkError) => void,
  ) {
    this.#resolve = resolve;
    this.#reject = reject;
    this.#signal = signal;
    signal?.addEventListener("abort", this, { once: true });
    if (timeoutMs !== undefined) this.#timer = setTimeout(timedOut, timeoutMs, this);
  }

  /** The caller's signal aborted (`EventListener` object). */
  handleEvent(): void {
    this.owner.stop(this, new RequestCanceled(undefined, { cause: this.#signal?.reason }));
  }

  resolve(response: HttpResponse): void {
    clearTimeout(this.#timer);
    this.#resolve(response);
  }

  /** Fails the call before its response head: rejects it and detaches from the signal. */
  fail(error: SdkError): void {
    this.settled = true;
    clearTimeout(this.#timer);
    this.#reject(error);
    this.done();
  }

  /** The body ended (or failed): detaches the abort listener. */
  done(): void {
    this.#signal?.removeEventListener("abort", this);
  }
}
