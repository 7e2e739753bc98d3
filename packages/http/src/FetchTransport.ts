import type { HttpRequest, HttpRequestBody, HttpResponse, Transport, TransportOptions } from "@sessionkit/types";
import { requestTarget } from "./buildQueryString.js";
import { RequestCanceled, RequestError, ResponseLengthMismatch, ResponseTimeout, toTransportError } from "./errors.js";

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
const DROPPED_HEADERS: ReadonlySet<string> = new Set(["host", "content-length", "connection", "expect", "transfer-encoding"]);

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

function requestBody(body: HttpRequestBody): { body?: BodyInit; stream: boolean } {
  if (body === undefined) return { stream: false };
  if (typeof body === "string" || body instanceof Uint8Array) return { body: body as BodyInit, stream: false };
  return { body: toStream(body), stream: true };
}

/** Ties the caller's signal and the timeout to one controller; `dispose` unties them. */
class AttemptSignal {
  readonly controller = new AbortController();
  timedOut = false;
  readonly #caller: AbortSignal | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #onAbort = (): void => this.controller.abort(this.#caller?.reason);

  constructor(caller: AbortSignal | undefined, timeoutMs: number | undefined) {
    this.#caller = caller;
    caller?.addEventListener("abort", this.#onAbort, { once: true });
    if (timeoutMs !== undefined && timeoutMs > 0) {
      this.#timer = setTimeout(() => {
        this.timedOut = true;
        this.controller.abort();
      }, timeoutMs);
    }
  }

  get callerAborted(): boolean {
    return this.#caller?.aborted === true;
  }

  headersArrived(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  dispose(): void {
    this.headersArrived();
    this.#caller?.removeEventListener("abort", this.#onAbort);
  }

  toError(err: unknown, what: string, timeoutMs: number | undefined): Error {
    if (this.callerAborted) return new RequestCanceled(undefined, { cause: err });
    if (this.timedOut) return new ResponseTimeout(`no response within ${timeoutMs} ms`, { cause: err });
    return toTransportError(err, what);
  }
}

/**
 * The response body of a fetch `Response`: one-shot `AsyncIterable<Uint8Array>` plus `bytes()` and
 * `discard()`, checked against `content-length` when the body is not content-encoded (a decoded body's
 * length legitimately differs).
 */
class FetchResponseBody implements AsyncIterable<Uint8Array> {
  readonly #res: Response;
  readonly #expected: number | undefined;
  readonly #signal: AttemptSignal;
  #started = false;

  constructor(res: Response, expected: number | undefined, signal: AttemptSignal) {
    this.#res = res;
    this.#expected = expected;
    this.#signal = signal;
  }

  async bytes(): Promise<Uint8Array> {
    if (this.#started) throw new RequestError("response body already consumed", { retryable: false });
    this.#started = true;
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await this.#res.arrayBuffer());
    } catch (err) {
      throw this.#signal.toError(err, "reading response body failed", undefined);
    } finally {
      this.#signal.dispose();
    }
    if (this.#expected !== undefined && bytes.byteLength !== this.#expected) {
      throw new ResponseLengthMismatch(this.#expected, bytes.byteLength);
    }
    return bytes;
  }

  [Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    if (this.#started) throw new RequestError("response body already consumed", { retryable: false });
    this.#started = true;
    const reader = this.#res.body?.getReader();
    const expected = this.#expected;
    const signal = this.#signal;
    let total = 0;
    return {
      async next(): Promise<IteratorResult<Uint8Array>> {
        if (reader === undefined) {
          signal.dispose();
          return { done: true, value: undefined };
        }
        let step: ReadableStreamReadResult<Uint8Array>;
        try {
          step = await reader.read();
        } catch (err) {
          signal.dispose();
          throw signal.toError(err, "reading response body failed", undefined);
        }
        if (step.done) {
          signal.dispose();
          if (expected !== undefined && total !== expected) throw new ResponseLengthMismatch(expected, total);
          return { done: true, value: undefined };
        }
        total += step.value.byteLength;
        return { done: false, value: step.value };
      },
      async return(): Promise<IteratorResult<Uint8Array>> {
        signal.dispose();
        await reader?.cancel().catch(() => {});
        return { done: true, value: undefined };
      },
    };
  }

  discard(): void {
    this.#signal.dispose();
    if (!this.#started && this.#res.body !== null) this.#res.body.cancel().catch(() => {});
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
    if (options?.signal?.aborted) throw new RequestCanceled(undefined, { cause: options.signal.reason });
    const timeoutMs = options?.timeoutMs ?? this.#timeoutMs;
    const port = request.port === undefined ? "" : `:${request.port}`;
    const url = `${request.protocol}//${request.hostname}${port}${requestTarget(request)}`;
    const headers: Record<string, string> = {};
    for (const name in request.headers) {
      if (!DROPPED_HEADERS.has(name.toLowerCase())) headers[name] = request.headers[name] as string;
    }
    const { body, stream } = requestBody(request.body);
    const signal = new AttemptSignal(options?.signal, timeoutMs);
    const init: RequestInit & { duplex?: "half" } = {
      method: request.method,
      headers,
      body,
      signal: signal.controller.signal,
      credentials: this.#credentials,
      redirect: "manual",
    };
    if (stream) init.duplex = "half";
    let res: Response;
    try {
      res = await this.#fetch(url, init);
    } catch (err) {
      signal.dispose();
      throw signal.toError(err, `send request to ${request.hostname} failed`, timeoutMs);
    }
    signal.headersArrived();
    const out: Record<string, string> = {};
    res.headers.forEach((value, name) => {
      out[name] = value;
    });
    const length = out["content-length"];
    const encoded = out["content-encoding"] !== undefined && out["content-encoding"] !== "identity";
    const expected = length === undefined || encoded || request.method === "HEAD" ? undefined : Number(length);
    return {
      statusCode: res.status,
      reason: res.statusText,
      headers: out,
      body: new FetchResponseBody(res, expected, signal),
    };
  }
}

/** A fetch transport; see {@link FetchTransportOptions}. */
export function createFetchTransport(options?: FetchTransportOptions): FetchTransport {
  return new FetchTransport(options);
}
