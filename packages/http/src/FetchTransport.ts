import type { HttpRequest, HttpResponse, Transport, TransportOptions } from "@sessionkit/types";
import { requestTarget } from "./buildQueryString.js";
import { bodyConsumed, hasNoBody, RequestCanceled, RequestError, ResponseLengthMismatch, ResponseTimeout, toTransportError } from "./errors.js";

/** Options of {@link FetchTransport}. */
export interface FetchTransportOptions {
  /** The `fetch` to use (default `globalThis.fetch`). */
  readonly fetch?: typeof fetch;
  /** Per-attempt timeout (ms, request start to response headers) when the caller gives none. */
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
 * them), and the response body: one-shot `AsyncIterable<Uint8Array>` plus `bytes()` and `discard()`, checked
 * against `content-length` when the body is not content-encoded (a decoded body's length legitimately differs).
 */
class FetchAttempt extends AbortController implements AsyncIterable<Uint8Array> {
  // Set by the transport before the attempt is handed out as a body (declared: no field code in bundles).
  declare res: Response;
  declare expected: number | undefined;
  /** The timeout (ms) once it fired. */
  #timedOut: number | undefined;
  #started: true | undefined;
  readonly #caller: AbortSignal | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(caller: AbortSignal | undefined, timeoutMs = 0) {
    super();
    this.#caller = caller;
    caller?.addEventListener("abort", this, { once: true });
    if (timeoutMs > 0) {
      this.#timer = setTimeout(() => {
        this.#timedOut = timeoutMs;
        this.abort();
      }, timeoutMs);
    }
  }

  /** Headers arrived (`all` false: the timeout stops) or the attempt is over (`all`: the caller's signal too). */
  release(all: boolean): void {
    clearTimeout(this.#timer);
    if (all) this.#caller?.removeEventListener("abort", this);
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

  #check(received: number): void {
    this.release(true);
    // Unchecked (`expected` undefined) compares the count with itself.
    const expected = this.expected ?? received;
    if (received !== expected) throw new ResponseLengthMismatch(expected, received);
  }

  async bytes(): Promise<Uint8Array> {
    const res = this.#start();
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await res.arrayBuffer());
    } catch (err) {
      throw this.toError(err);
    }
    this.#check(bytes.byteLength);
    return bytes;
  }

  [Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    const reader = this.#start().body?.getReader();
    let total = 0;
    return {
      next: async (): Promise<IteratorResult<Uint8Array>> => {
        let step: ReadableStreamReadResult<Uint8Array> = DONE;
        try {
          if (reader) step = await reader.read();
        } catch (err) {
          throw this.toError(err);
        }
        if (step.done) {
          this.#check(total);
          return DONE;
        }
        total += step.value.byteLength;
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
 * `content-length` and other headers a browser controls are left to the browser; stream request bodies
 * are sent with `duplex: "half"` where the runtime supports streaming uploads.
 */
export class FetchTransport implements Transport {
  readonly #fetch: typeof fetch;
  readonly #timeoutMs: number | undefined;
  readonly #credentials: RequestCredentials;

  constructor(options: FetchTransportOptions = {}) {
    const f = options.fetch ?? globalThis.fetch;
    if (typeof f !== "function") throw new RequestError("no fetch available: pass options.fetch", { retryable: false });
    this.#fetch = f;
    this.#timeoutMs = options.timeoutMs;
    this.#credentials = options.credentials ?? "omit";
  }

  async handle(request: HttpRequest, options?: TransportOptions): Promise<HttpResponse> {
    const signal = options?.signal;
    if (signal?.aborted) throw new RequestCanceled(undefined, { cause: signal.reason });
    const headers: Record<string, string> = {};
    for (const name in request.headers) if (!DROPPED_HEADERS.test(name)) headers[name] = request.headers[name] as string;
    const body = request.body;
    // Of the body types, only bytes and streams are objects.
    const stream = typeof body === "object" && !(body instanceof Uint8Array);
    const attempt = new FetchAttempt(signal, options?.timeoutMs ?? this.#timeoutMs);
    const init: RequestInit & { duplex?: "half" } = {
      method: request.method,
      headers,
      body: stream ? toStream(body) : (body as BodyInit | undefined),
      signal: attempt.signal,
      credentials: this.#credentials,
      redirect: "manual",
      duplex: stream ? "half" : undefined,
    };
    let res: Response;
    try {
      const port = request.port === undefined ? "" : `:${request.port}`;
      // Called detached: a browser's fetch throws "Illegal invocation" when `this` is not the global object.
      const send = this.#fetch;
      res = await send(`${request.protocol}//${request.hostname}${port}${requestTarget(request)}`, init);
    } catch (err) {
      throw attempt.toError(err, `send request to ${request.hostname} failed`);
    }
    attempt.release(false);
    // Names come lower-cased, repeated fields combined.
    const out: Record<string, string> = Object.fromEntries(res.headers);
    const length = out["content-length"];
    attempt.res = res;
    // No body (the Node transports' rule: HEAD, whose body Chromium gives as an empty stream, 204, 304, 1xx; or
    // none at all): nothing to check, whatever content-length says.
    attempt.expected =
      length === undefined || (out["content-encoding"] ?? "identity") !== "identity" || hasNoBody(request.method, res.status) || !res.body
        ? undefined
        : Number(length);
    return { statusCode: res.status, reason: res.statusText, headers: out, body: attempt };
  }
}

/** A `ReadableStream` over a request body stream (what fetch uploads). */
function toStream(body: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  const it = body[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const step = await it.next();
      if (step.done) controller.close();
      else controller.enqueue(step.value);
    },
    async cancel() {
      await it.return?.();
    },
  });
}

/** A fetch transport; see {@link FetchTransportOptions}. */
export function createFetchTransport(options?: FetchTransportOptions): FetchTransport {
  return new FetchTransport(options);
}
