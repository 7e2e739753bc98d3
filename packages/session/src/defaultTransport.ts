import type { HttpRequest, HttpResponse, Transport, TransportOptions } from "@sessionkit/types";

/**
 * The Node transport, loaded and made at its first request: `@sessionkit/http` brings `node:http`,
 * `node:https` and TLS (≈4 ms of start-up), which a process that never sends should not pay for.
 * `ca` is a custom CA bundle's certificates, one PEM block each (those that parsed).
 */
export class LazyNodeTransport implements Transport {
  readonly #ca: readonly string[] | undefined;
  #inner: Promise<Transport> | undefined;
  /** True once `destroy()` was called. */
  destroyed = false;

  constructor(ca?: readonly string[]) {
    this.#ca = ca;
  }

  handle(request: HttpRequest, options?: TransportOptions): Promise<HttpResponse> {
    this.#inner ??= import("@sessionkit/http/node").then(
      (m) => m.createDefaultTransport({ ca: this.#ca }),
      (err: unknown) => {
        this.#inner = undefined;
        throw err;
      },
    );
    return this.#inner.then((t) => t.handle(request, options));
  }

  destroy(): void {
    this.destroyed = true;
    void this.#inner?.then((t) => t.destroy?.());
    this.#inner = undefined;
  }
}

let shared: LazyNodeTransport | undefined;

/**
 * The transport of every session that names none and has no custom CA bundle: one per process (Go's
 * `http.DefaultClient`), so all sessions pool their sockets. A documented cache, made on first use.
 */
export function defaultTransport(): Transport {
  if (shared?.destroyed !== false) shared = new LazyNodeTransport();
  return shared;
}
