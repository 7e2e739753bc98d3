import { onAbort } from "@sessionkit/errors";
import type { HttpRequest, HttpResponse, Transport, TransportOptions } from "@sessionkit/types";
import { requestTarget } from "./buildQueryString.js";
import { bodyConsumed, RequestCanceled, RequestError, ResponseTimeout, toTransportError } from "./errors.js";

/** Options of {@link FetchTransport}. */
export interface FetchTransportOptions {
  /**
   * The `fetch` to use (default `globalThis.fetch`). It must fail a response body cut short of its
   * `content-length`, as every real fetch does: the transport leaves response framing to it.
   */
  readonly fetch?: typeof fetch;
  /**
   * Per-attempt timeout (ms, from the start of the request, including reading a stream request body, to the
   * response headers) when the caller gives none.
   */
  readonly timeoutMs?: number;
  /** `RequestInit.credentials` (default `omit`: SigV4 needs no cookies). */
  readonly credentials?: RequestCredentials;
}

/** Headers a browser refuses or computes itself. */
const DROPPED_HEADERS = /^(host|content-length|connection|expect|transfer-encoding)$/i;
const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };
const ignore = (): void => {};

/**
 * One attempt: the controller of its fetch, tied to the caller's signal and the timeout (`release` unties
 * them), and the response body: one-shot `AsyncIterable<Uint8Array>` plus `bytes()` and `discard()`. Body
 * framing is fetch's: a body cut short of its `content-length` already fails the read (undici: `terminated`;
 * browsers: a network error), which `toError` turns into a retryable `RequestError`, as Go leaves it to net/http.
 */
class FetchAttempt extends AbortController implements AsyncIterable<Uint8Array> {
  // Set by the transport before the attempt is handed out as a body (declared: no field code in bundles).
  declare res: Response;
  /** The timeout (ms) once it fired. */
  #timedOut: number | undefined;
  #started: true | undefined;
  readonly #caller: AbortSignal | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(caller: AbortSignal | undefined, timeoutMs: number | undefined) {
    super();
    this.#caller = caller;
    onAbort(caller, this, true);
    // What a timer cannot hold is no timeout, as in the other transports (timerMs): past 2^31 - 1 ms (Infinity too)
    // setTimeout would fire at once.
    if ((timeoutMs as number) < 2 ** 31 && (timeoutMs as number) > 0) {
      this.#timer = setTimeout(() => {
        this.#timedOut = timeoutMs;
        this.abort();
      }, timeoutMs);
    }
  }

  /** Headers arrived (`all` false: the timeout stops) or the attempt is over (`all`: the caller's signal too). */
  release(all: boolean): void {
    clearTimeout(this.#timer);
    if (all) onAbort(this.#caller, this);
  }

  /** The caller's signal aborted (`EventListener` object). */
  handleEvent(): void {
    this.abort(this.#caller?.reason);
  }

  toError(err: unknown, what = "reading response body failed"): Error {
    this.release(true);
    if (this.#caller?.aborted) return new RequestCanceled(undefined, { cause: err });
    if (this.#timedOut) return new ResponseTimeout(`no response within ${this.#timedOut} ms`, { cause: err });
    return toTransportError(err, what);
  }

  #start(): Response {
    if (this.#started) throw bodyConsumed();
    this.#started = true;
    return this.res;
  }

  async bytes(): Promise<Uint8Array> {
    const res = this.#start();
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await res.arrayBuffer());
    } catch (err) {
      throw this.toError(err);
    }
    this.release(true);
    return bytes;
  }

  [Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    const reader = this.#start().body?.getReader();
    return {
      next: async (): Promise<IteratorResult<Uint8Array>> => {
        let step: ReadableStreamReadResult<Uint8Array> = DONE;
        try {
          if (reader) step = await reader.read();
        } catch (err) {
          throw this.toError(err);
        }
        if (step.done) this.release(true);
        return step;
      },
      return: async (): Promise<IteratorResult<Uint8Array>> => {
        this.release(true);
        await reader?.cancel().catch(ignore);
        return DONE;
      },
    };
  }

  discard(): void {
    this.release(true);
    if (!this.#started) this.res.body?.cancel().catch(ignore);
  }
}

/**
 * A transport on `fetch` for browsers (and any runtime with fetch). It imports nothing from Node. `host`,
 * `content-length` and other headers a browser controls are left to the browser. A stream request body is
 * read into a `Blob` first: browsers stream uploads only over HTTP/2 or QUIC (Chromium) or not at all
 * (Firefox, Safari), and S3 endpoints speak HTTP/1.1; the body then goes out with a `content-length`.
 */
export class FetchTransport implements Transport {
  readonly #fetch: typeof fetch;
  readonly #timeoutMs: number | undefined;
  readonly #credentials: RequestCredentials;

  constructor(options: FetchTransportOptions = {}) {
    const f = options.fetch ?? globalThis.fetch;
    if (typeof f !== "function") throw notRetryable("no fetch available: pass options.fetch");
    this.#fetch = f;
    this.#timeoutMs = options.timeoutMs;
    this.#credentials = options.credentials ?? "omit";
  }

  async handle(request: HttpRequest, options?: TransportOptions): Promise<HttpResponse> {
    const signal = options?.signal;
    if (signal?.aborted) throw new RequestCanceled(undefined, { cause: signal.reason });
    const headers = new Headers();
    const body = request.body;
    const attempt = new FetchAttempt(signal, options?.timeoutMs ?? this.#timeoutMs);
    const init: RequestInit = {
      method: request.method,
      headers,
      body: body as BodyInit | undefined,
      signal: attempt.signal,
      credentials: this.#credentials,
      redirect: "manual",
    };
    const origin = `${request.protocol}//${request.hostname}${request.port === undefined ? "" : `:${request.port}`}`;
    let url = "";
    let res: Response;
    // Where a failure happened: the header being added (while they are), or fetch (once `fetched`).
    let name: string | undefined;
    let fetched = false;
    try {
      // Of the body types, only bytes and streams are objects. Collected inside the attempt, so an abort or
      // the timeout ends the wait for a chunk and an error thrown by the caller's iterator becomes a typed
      // error like any send failure: a retryable RequestError (Go's retryer calls any unrecognised send
      // error retryable); the pipeline still never retries it, as a consumed stream cannot be sent again.
      if (typeof body === "object" && !(body instanceof Uint8Array)) init.body = await collect(body, attempt.signal);
      url = origin + requestTarget(request);
      for (name in request.headers) if (!DROPPED_HEADERS.test(name)) headers.append(name, request.headers[name] as string);
      fetched = true;
      // Called detached: a browser's fetch throws "Illegal invocation" when `this` is not the global object. Given the
      // URL and init, not a Request: a fetch you inject sees what it always saw.
      const send = this.#fetch;
      res = await send(url, init);
    } catch (err) {
      // What fetch refuses can never be sent: it fails at once, named, instead of being retried as if the network had
      // failed. A header (a name that is not a token, a value with a line break or past U+00FF) by its name only, as
      // its value may be a secret; the rest (a port out of range, a method) by method and origin, never the path and
      // query (a presigned URL's signature and token are there). The platform's error, which quotes them, is not kept.
      // A failed fetch refused the request if building it again fails (on this error path only: the request is built
      // once when it goes out).
      let error = err;
      if (!fetched) {
        if (name !== undefined) error = notRetryable(`invalid header ${JSON.stringify(name)}`);
      } else {
        try {
          new Request(url, init);
        } catch {
          error = notRetryable(`invalid request ${request.method} ${origin}`);
        }
      }
      throw attempt.toError(error, `send request to ${request.hostname} failed`);
    }
    attempt.release(false);
    attempt.res = res;
    // Names come lower-cased, repeated fields combined.
    return { statusCode: res.status, reason: res.statusText, headers: Object.fromEntries(res.headers), body: attempt };
  }
}

/** A `RequestError` that is not retryable: the same request would fail again (what fetch refuses, no fetch at all). */
const notRetryable = (message: string): RequestError => new RequestError(message, { retryable: false });

/**
 * A stream request body as one `Blob` (held in memory: the body's size). The reading races the attempt's signal,
 * so a stalled iterator cannot outlive an abort or the timeout; on failure the iterator is told to stop (a file or
 * stream behind it gets closed). The Blob goes out with its real length, whatever `content-length` said (fetch
 * sets it): a client whose signature covers the declared length checks the body against it (S3's PutObject does).
 */
async function collect(body: AsyncIterable<Uint8Array>, signal: AbortSignal): Promise<Blob> {
  const it = body[Symbol.asyncIterator]();
  const parts: Uint8Array[] = [];
  const read = async (): Promise<void> => {
    for (let step = await it.next(); !step.done; step = await it.next()) parts.push(step.value);
  };
  try {
    // One race for the whole body (not one per chunk): the losing promise keeps no per-chunk reactions alive. No
    // `once`: the attempt's own signal aborts at most once and goes with the attempt.
    await Promise.race([read(), new Promise<never>((_, reject) => signal.addEventListener("abort", () => reject(signal.reason)))]);
  } catch (err) {
    it.return?.().catch(ignore);
    throw err;
  }
  // The cast only hides chunks on a SharedArrayBuffer, which a browser's Blob refuses with a TypeError: that
  // still becomes a typed error, and copying every chunk to rule it out would cost bytes in every bundle.
  return new Blob(parts as BlobPart[]);
}

/** A fetch transport; see {@link FetchTransportOptions}. */
export function createFetchTransport(options?: FetchTransportOptions): FetchTransport {
  return new FetchTransport(options);
}
