import type { Socket } from "node:net";
import { RequestCanceled, RequestError, ResponseTimeout, type SdkError } from "@sessionkit/errors";
import { drained } from "./drained.js";
import type { Exchange } from "./Exchange.js";
import { hasNoBody, toTransportError } from "./errors.js";
import { type BodySource, Http1ResponseBody } from "./Http1ResponseBody.js";
import { CHUNKED } from "./requestHead.js";

/** Response heads larger than this are refused (a server must not make the client buffer without bound). */
const MAX_HEAD = 64 * 1024;
/** An abandoned body with at most this much left is read to its end so the socket can be reused. */
const DRAIN_LIMIT = 64 * 1024;
const CRLF2 = Buffer.from("\r\n\r\n");
const STATUS_LINE = /^HTTP\/1\.([01]) (\d\d\d)(?: (.*))?$/;

/** What a connection tells its pool. */
export interface ConnectionOwner {
  /** The exchange finished and the socket can carry another. */
  release(connection: Http1Connection): void;
  /** The socket closed (after `removed`, the connection is gone). */
  removed(connection: Http1Connection): void;
  /** A reused socket died before any byte of the response: send the exchange again on a fresh one. */
  replay(exchange: Exchange): void;
}

enum Mode {
  Head,
  Length,
  Chunked,
  Close,
  Done,
}
enum Chunk {
  Size,
  Data,
  DataEnd,
  Trailer,
}

function isStream(body: Exchange["body"]): body is AsyncIterable<Uint8Array> {
  return body !== undefined && !(body instanceof Uint8Array);
}

function bad(what: string): RequestError {
  return new RequestError(`invalid HTTP response: ${what}`);
}

/**
 * One keep-alive HTTP/1.1 connection on a `net`/`tls` socket: writes a request head and body, parses the
 * response (status, headers, content-length / chunked / close-delimited bodies, 1xx skipped) and feeds the body
 * to its reader. One exchange at a time; no pipelining.
 */
export class Http1Connection implements BodySource {
  readonly socket: Socket;
  readonly #owner: ConnectionOwner;
  readonly #idleMs: number;
  #x: Exchange | undefined;
  #reused = false;
  #received = false;
  #written = false;
  #buf: Buffer | undefined;
  #mode = Mode.Done;
  #chunk = Chunk.Size;
  #left = 0;
  #keepAlive = true;
  #drain = false;
  #body: Http1ResponseBody | undefined;
  #timeoutMs: number;
  #timedOut = false;
  #error: Error | undefined;

  constructor(socket: Socket, owner: ConnectionOwner, idleMs: number) {
    this.socket = socket;
    this.#owner = owner;
    this.#idleMs = idleMs;
    this.#timeoutMs = idleMs;
    socket.setNoDelay(true);
    socket.setTimeout(idleMs);
    socket.on("data", (data: Buffer) => this.#data(data));
    socket.on("end", () => this.#end());
    socket.on("error", (err: Error) => {
      this.#error ??= err;
    });
    socket.on("close", () => this.#close());
    socket.on("timeout", () => this.#timeout());
  }

  /** True when no exchange is in flight. */
  get idle(): boolean {
    return this.#x === undefined;
  }

  /** Sends an exchange; `reused` says whether the socket carried one before (a stale one may be replayed). */
  send(x: Exchange, reused: boolean): void {
    this.#x = x;
    this.#buf = undefined;
    this.#reused = reused;
    this.#received = false;
    this.#written = false;
    this.#mode = Mode.Head;
    this.#keepAlive = true;
    this.#drain = false;
    this.#body = undefined;
    const socket = this.socket;
    if (reused) socket.ref();
    this.#setTimeout(x.timeoutMs ?? this.#idleMs);
    const body = x.body;
    if (body === undefined) {
      socket.write(x.head, "latin1");
      this.#written = true;
    } else if (!isStream(body)) {
      const chunked = x.framing === "chunked";
      socket.cork();
      socket.write(x.head, "latin1");
      if (chunked && body.byteLength > 0) socket.write(`${body.byteLength.toString(16)}\r\n`, "latin1");
      if (body.byteLength > 0) socket.write(body);
      if (chunked) socket.write(body.byteLength > 0 ? "\r\n0\r\n\r\n" : "0\r\n\r\n", "latin1");
      socket.uncork();
      this.#written = true;
    } else {
      socket.write(x.head, "latin1");
      void this.#pump(x, body);
    }
  }

  /** Fails the exchange in flight and closes the socket. */
  fail(x: Exchange, error: SdkError): void {
    if (this.#x !== x) return;
    this.#finish(error);
    this.#x = undefined;
    this.socket.destroy();
  }

  destroy(): void {
    this.socket.destroy();
  }

  // BodySource
  pause(): void {
    this.socket.pause();
  }

  resume(): void {
    this.socket.resume();
  }

  waiting(): void {
    const ms = this.#x?.timeoutMs;
    if (ms !== undefined) this.socket.setTimeout(ms);
  }

  abandon(): void {
    if (this.#mode === Mode.Length && this.#left <= DRAIN_LIMIT) {
      this.#drain = true;
      this.socket.resume();
      this.socket.setTimeout(this.#x?.timeoutMs ?? this.#idleMs);
    } else if (this.#mode !== Mode.Done) {
      this.fail(this.#x as Exchange, new RequestCanceled("response body discarded"));
    }
  }

  async #pump(x: Exchange, body: AsyncIterable<Uint8Array>): Promise<void> {
    const socket = this.socket;
    const chunked = x.framing === "chunked";
    try {
      for await (const chunk of body) {
        if (this.#x !== x || socket.destroyed) return;
        if (chunk.byteLength === 0) continue;
        if (chunked) socket.write(`${chunk.byteLength.toString(16)}\r\n`, "latin1");
        const ok = socket.write(chunk);
        if (chunked) socket.write("\r\n", "latin1");
        if (!ok && !socket.destroyed) await drained(socket);
      }
      if (this.#x !== x) return;
      if (chunked) socket.write("0\r\n\r\n", "latin1");
      this.#written = true;
      if (this.#mode === Mode.Done) this.#recycle();
    } catch (err) {
      this.fail(x, toTransportError(err, "request body stream failed"));
    }
  }

  #setTimeout(ms: number): void {
    if (ms !== this.#timeoutMs || this.#timedOut) {
      this.#timeoutMs = ms;
      this.#timedOut = false;
      this.socket.setTimeout(ms);
    }
  }

  #data(data: Buffer): void {
    if (this.#x === undefined) {
      // Bytes nobody asked for: the connection is out of step.
      this.socket.destroy();
      return;
    }
    this.#received = true;
    let bytes = data;
    if (this.#mode === Mode.Head) {
      const buf = this.#buf === undefined ? data : Buffer.concat([this.#buf, data]);
      this.#buf = undefined;
      bytes = this.#head(buf) as Buffer;
      if (bytes === undefined) return;
    }
    if (bytes.byteLength > 0) this.#feed(bytes);
  }

  /** Parses heads until a final one; returns the bytes after it, or `undefined` when more are needed or it failed. */
  #head(buf: Buffer): Buffer | undefined {
    const x = this.#x as Exchange;
    for (;;) {
      const end = buf.indexOf(CRLF2);
      if (end === -1) {
        if (buf.byteLength > MAX_HEAD) this.fail(x, bad(`response head over ${MAX_HEAD} bytes`));
        else this.#buf = buf;
        return undefined;
      }
      const lines = buf.toString("latin1", 0, end).split("\r\n");
      const rest = buf.subarray(end + 4);
      const m = STATUS_LINE.exec(lines[0] as string);
      if (m === null) {
        this.fail(x, bad(`status line ${JSON.stringify((lines[0] as string).slice(0, 64))}`));
        return undefined;
      }
      const status = Number(m[2]);
      if (status >= 100 && status < 200 && status !== 101) {
        buf = rest; // 100 Continue and friends: the real response follows
        continue;
      }
      const headers: Record<string, string> = Object.create(null);
      let last = "";
      for (let i = 1; i < lines.length; i++) {
        const line = lines[i] as string;
        const c0 = line.charCodeAt(0);
        if ((c0 === 32 || c0 === 9) && last !== "") {
          headers[last] += ` ${line.trim()}`; // obsolete line folding
          continue;
        }
        const colon = line.indexOf(":");
        if (colon <= 0) {
          this.fail(x, bad(`header line ${JSON.stringify(line.slice(0, 64))}`));
          return undefined;
        }
        last = line.slice(0, colon).trimEnd().toLowerCase();
        const value = line.slice(colon + 1).trim();
        const prev = headers[last];
        headers[last] = prev === undefined ? value : `${prev}, ${value}`;
      }
      const connection = headers.connection;
      this.#keepAlive = m[1] === "1" ? !/(?:^|,)\s*close\s*(?:,|$)/i.test(connection ?? "") : /keep-alive/i.test(connection ?? "");
      const te = headers["transfer-encoding"];
      const cl = headers["content-length"];
      let mode: Mode;
      if (hasNoBody(x.method, status)) mode = Mode.Done;
      else if (te !== undefined) mode = CHUNKED.test(te) ? Mode.Chunked : Mode.Close;
      else if (cl !== undefined) {
        // Repeated identical values ("10, 10") are one length; anything else is a framing error.
        const parts = cl.split(",");
        const n = parts[0]?.trim() ?? "";
        if (!/^\d{1,15}$/.test(n) || parts.some((p) => p.trim() !== n)) {
          this.fail(x, bad(`content-length ${JSON.stringify(cl.slice(0, 32))}`));
          return undefined;
        }
        this.#left = Number(n);
        mode = this.#left === 0 ? Mode.Done : Mode.Length;
      } else mode = Mode.Close;
      if (mode === Mode.Close) this.#keepAlive = false;
      this.#mode = mode;
      this.#chunk = Chunk.Size;
      const body = new Http1ResponseBody(this);
      this.#body = body;
      x.settled = true;
      x.resolve({ statusCode: status, reason: m[3] ?? "", headers, body });
      if (mode === Mode.Done) {
        this.#complete(rest.byteLength);
        return undefined;
      }
      return rest;
    }
  }

  #feed(bytes: Buffer): void {
    const mode = this.#mode;
    if (mode === Mode.Length) {
      const take = Math.min(this.#left, bytes.byteLength);
      this.#push(take === bytes.byteLength ? bytes : bytes.subarray(0, take));
      this.#left -= take;
      if (this.#left === 0) this.#complete(bytes.byteLength - take);
    } else if (mode === Mode.Chunked) this.#chunked(bytes);
    else if (mode === Mode.Close) this.#push(bytes);
    else this.socket.destroy(); // bytes after a complete response
  }

  #chunked(data: Buffer): void {
    const bytes = this.#buf === undefined ? data : Buffer.concat([this.#buf, data]);
    this.#buf = undefined;
    let at = 0;
    while (at < bytes.byteLength && this.#mode === Mode.Chunked) {
      if (this.#chunk === Chunk.Data) {
        const take = Math.min(this.#left, bytes.byteLength - at);
        this.#push(bytes.subarray(at, at + take));
        at += take;
        this.#left -= take;
        if (this.#left === 0) {
          this.#chunk = Chunk.DataEnd;
          this.#left = 2;
        }
        continue;
      }
      if (this.#chunk === Chunk.DataEnd) {
        // The CRLF after a chunk's data (it may arrive split across packets).
        const c = bytes[at] as number;
        if (c !== (this.#left === 2 ? 13 : 10)) {
          this.#broken("chunk not followed by CRLF");
          return;
        }
        at++;
        if (--this.#left === 0) this.#chunk = Chunk.Size;
        continue;
      }
      const nl = bytes.indexOf(10, at);
      if (nl === -1) {
        if (bytes.byteLength - at > 4096) {
          this.#broken("chunk header too long");
          return;
        }
        this.#buf = bytes.subarray(at);
        return;
      }
      const line = bytes.toString("latin1", at, nl).replace(/\r$/, "");
      at = nl + 1;
      if (this.#chunk === Chunk.Trailer) {
        if (line === "") {
          this.#complete(bytes.byteLength - at);
          return;
        }
        continue;
      }
      const size = line.split(";", 1)[0]?.trim() ?? "";
      if (!/^[0-9a-fA-F]{1,12}$/.test(size)) {
        this.#broken(`chunk size ${JSON.stringify(size.slice(0, 16))}`);
        return;
      }
      this.#left = Number.parseInt(size, 16);
      this.#chunk = this.#left === 0 ? Chunk.Trailer : Chunk.Data;
    }
  }

  #broken(what: string): void {
    this.fail(this.#x as Exchange, bad(what));
  }

  #push(bytes: Buffer): void {
    if (!this.#drain && bytes.byteLength > 0) this.#body?.push(bytes);
  }

  /** The response is complete; `extra` bytes followed it (then the socket cannot be trusted again). */
  #complete(extra: number): void {
    this.#mode = Mode.Done;
    this.#finish(undefined);
    if (extra > 0) this.#keepAlive = false;
    // A server that answered before the upload ended will not read the rest: that socket is done too.
    if (this.#written) this.#recycle();
    else this.socket.destroy();
  }

  #recycle(): void {
    if (this.#keepAlive && !this.socket.destroyed) {
      this.#x = undefined;
      this.#setTimeout(this.#idleMs);
      this.#owner.release(this);
    } else this.socket.destroy();
  }

  /** Settles the exchange once: rejects the call before the head, else ends its body (`error` undefined: complete). */
  #finish(error: SdkError | undefined): void {
    const x = this.#x;
    if (x === undefined) return;
    if (!x.settled) {
      x.fail(error ?? new RequestError(`send request to ${x.hostname} failed: no response`));
      return;
    }
    const body = this.#body;
    if (body === undefined) return;
    this.#body = undefined;
    body.end(error);
    x.done();
  }

  #end(): void {
    // The server closed its side: a close-delimited body is complete; anything else in flight broke (see #close).
    if (this.#mode === Mode.Close) {
      this.#mode = Mode.Done;
      this.#finish(undefined);
      this.#x = undefined;
    }
  }

  #close(): void {
    const x = this.#x;
    if (x !== undefined) {
      const err = this.#error;
      if (!x.settled && this.#reused && !this.#received && !x.retried && !isStream(x.body)) {
        // A keep-alive socket the server had closed: nothing was processed, so sending again is safe.
        this.#x = undefined;
        x.retried = true;
        this.#owner.removed(this);
        this.#owner.replay(x);
        return;
      }
      const what = x.settled ? "reading response body failed" : `send request to ${x.hostname} failed`;
      this.#finish(
        err !== undefined
          ? toTransportError(err, what)
          : new RequestError(x.settled ? "response body ended early: connection closed" : `${what}: socket hang up`),
      );
      this.#x = undefined;
    }
    this.#owner.removed(this);
  }

  #timeout(): void {
    const x = this.#x;
    if (x === undefined) {
      this.socket.destroy(); // idle too long: servers close keep-alive sockets soon, better we do it first
      return;
    }
    this.#timedOut = true;
    const ms = x.timeoutMs;
    if (this.#drain || (ms !== undefined && this.#body?.waiting === true)) {
      this.fail(x, new ResponseTimeout(`no response body bytes within ${ms ?? this.#idleMs} ms`));
    }
  }
}
