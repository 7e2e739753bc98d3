import type { Socket } from "node:net";
import { RequestCanceled, RequestError, ResponseTimeout, type SdkError } from "@sessionkit/errors";
import { drained } from "./drained.js";
import type { BodySource, Exchange } from "./Exchange.js";
import { bodyLengthMismatch, hasNoBody, quote, toTransportError } from "./errors.js";
import { CHUNKED } from "./requestHead.js";

/**
 * Response heads larger than this are refused (a server must not make the client buffer without bound); an
 * abandoned body with at most this much left is read to its end so the socket can be reused.
 */
const LIMIT = 65536;
const CRLF2 = Buffer.from("\r\n\r\n");
const STATUS_LINE = /^HTTP\/1\.([01]) (\d\d\d)(?: (.*))?$/;
// One length, possibly repeated identically ("10, 10"); anything else is a framing error.
const CONTENT_LENGTH = /^(\d{1,15})(?:\s*,\s*\1)*$/;
// A chunk's size line: hex digits, then extensions after `;` (ignored).
const CHUNK_SIZE = /^\s*([0-9a-fA-F]{1,12})\s*(?:;|$)/;

/** What a connection tells its pool. */
export interface ConnectionOwner {
  /** An idle socket is closed after this long (ms). */
  readonly idleMs: number;
  /** The transport's `keepAlive`: off, a socket carries one exchange (RFC 9112 §9.6). */
  readonly keepAlive: boolean;
  /** The exchange finished and the socket can carry another. */
  release(connection: Http1Connection): void;
  /** The socket closed; a reused socket that died before any byte of the response gives its exchange to send again. */
  removed(connection: Http1Connection, replay?: Exchange): void;
}

/** How the response in flight is framed (enums: esbuild inlines their values). */
enum Mode {
  Head,
  Length,
  Chunked,
  Close,
  Done,
}
/** Where the parser is inside a chunked body. */
enum Chunk {
  Size,
  Data,
  DataEnd,
  Trailer,
}

/**
 * One keep-alive HTTP/1.1 connection on a `net`/`tls` socket: writes a request head and body, parses the
 * response (status, headers, content-length / chunked / close-delimited bodies, 1xx skipped) and feeds the body
 * to its exchange. One exchange at a time; no pipelining.
 */
export class Http1Connection implements BodySource {
  readonly socket: Socket;
  readonly #owner: ConnectionOwner;
  #x: Exchange | undefined;
  /** The socket carried an exchange before and nothing of this response arrived yet: a close may be a stale socket. */
  #stale = false;
  #written = false;
  #buf: Buffer | undefined;
  #mode = Mode.Done;
  #chunk = Chunk.Size;
  #left = 0;
  #keepAlive = true;
  #drain = false;
  #timeoutMs: number;
  #timedOut = false;
  #error: Error | undefined;

  constructor(socket: Socket, owner: ConnectionOwner) {
    this.socket = socket;
    this.#owner = owner;
    this.#timeoutMs = owner.idleMs;
    socket.setNoDelay(true);
    socket.setTimeout(owner.idleMs);
    socket.on("data", (data: Buffer) => this.#data(data));
    socket.on("end", () => this.#end());
    socket.on("error", (err: Error) => {
      this.#error ??= err;
    });
    socket.on("close", () => this.#close());
    socket.on("timeout", () => this.#timeout());
  }

  /** Sends an exchange; `reused` says whether the socket carried one before (a stale one may be replayed). */
  send(x: Exchange, reused: boolean): void {
    this.#x = x;
    x.conn = this;
    this.#buf = undefined;
    this.#stale = reused;
    this.#written = false;
    this.#mode = Mode.Head;
    // keepAlive off (the head then says `connection: close`): no second request on this socket, whatever the server says.
    this.#keepAlive = this.#owner.keepAlive;
    this.#drain = false;
    const socket = this.socket;
    if (reused) socket.ref();
    this.#setTimeout(x.ms ?? this.#owner.idleMs);
    const body = x.body;
    // Head and a byte body leave in one write; a stream's first chunk comes after an await, past the uncork.
    socket.cork();
    socket.write(x.head as string); // UTF-8: header values are sent as the signer hashed them
    if (body instanceof Uint8Array) {
      const chunked = x.wireLength < 0;
      if (body.byteLength > 0) this.#piece(chunked, body);
      if (chunked) socket.write("0\r\n\r\n");
      this.#written = true;
    } else if (body === undefined) this.#written = true;
    else void this.#pump(x, body);
    socket.uncork();
  }

  /** Fails the exchange in flight and closes the socket. */
  fail(x: Exchange, error: SdkError): void {
    if (this.#x !== x) return;
    this.#x = undefined;
    x.end(error);
    this.socket.destroy();
  }

  // BodySource
  waiting(): void {
    const ms = this.#x?.ms;
    if (ms !== undefined) this.socket.setTimeout(ms);
  }

  abandon(): void {
    const x = this.#x as Exchange;
    if (this.#mode === Mode.Length && this.#left <= LIMIT) {
      this.#drain = true;
      this.socket.resume();
      this.socket.setTimeout(x.ms ?? this.#owner.idleMs);
    } else if (this.#mode !== Mode.Done) {
      this.fail(x, new RequestCanceled("response body discarded"));
    }
  }

  /** Writes one piece of the request body (as a chunk when chunked); false when the socket asks for a drain. */
  #piece(chunked: boolean, bytes: Uint8Array): boolean {
    const socket = this.socket;
    if (!chunked) return socket.write(bytes);
    socket.write(`${bytes.byteLength.toString(16)}\r\n`); // framing is ASCII: the default encoding will do
    const ok = socket.write(bytes);
    socket.write("\r\n");
    return ok;
  }

  async #pump(x: Exchange, body: AsyncIterable<Uint8Array>): Promise<void> {
    const socket = this.socket;
    const length = x.wireLength;
    const chunked = length < 0;
    let sent = 0;
    try {
      // Leaving the loop early (return) calls the stream's return(): its producer is released.
      for await (const chunk of body) {
        if (this.#x !== x || socket.destroyed) return;
        sent += chunk.byteLength;
        // Never write past the declared length: the server would take the excess as the next request. fail()
        // closes the socket, so the half-sent request never goes back to the pool.
        if (!chunked && sent > length) {
          this.fail(x, bodyLengthMismatch(sent, length, true));
          return;
        }
        if (chunk.byteLength > 0 && !this.#piece(chunked, chunk) && !socket.destroyed) await drained(socket);
      }
      if (this.#x !== x) return;
      // Short: the server would wait for the rest, and the call for its answer.
      if (!chunked && sent !== length) {
        this.fail(x, bodyLengthMismatch(sent, length));
        return;
      }
      if (chunked) socket.write("0\r\n\r\n");
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
    this.#stale = false;
    let bytes: Buffer | undefined = this.#buf === undefined ? data : Buffer.concat([this.#buf, data]);
    this.#buf = undefined;
    if (this.#mode === Mode.Head) {
      bytes = this.#head(bytes);
      if (bytes === undefined) return;
    }
    if (this.#mode === Mode.Done) this.socket.destroy(); // bytes after a complete response
    else this.#body(bytes);
  }

  /** Parses heads until a final one; returns the bytes after it, or `undefined` when more are needed or it failed. */
  #head(buf: Buffer): Buffer | undefined {
    const x = this.#x as Exchange;
    for (;;) {
      const end = buf.indexOf(CRLF2);
      if (end === -1) {
        // A head whose lines end in a bare LF never holds a CRLF CRLF: fail it rather than wait for more bytes
        // until the timeout (or forever without one). Go's reader accepts bare LF; Node's rejects it, as here.
        if (buf.includes("\n\n")) return this.#bad("head lines end in a bare LF");
        if (buf.byteLength > LIMIT) return this.#bad(`response head over ${LIMIT} bytes`);
        this.#buf = buf;
        return undefined;
      }
      // UTF-8, as sent: a value is the string of the bytes the server wrote (Go keeps them as they are).
      const lines = buf.toString("utf8", 0, end).split("\r\n");
      const rest = buf.subarray(end + 4);
      const first = lines[0] as string;
      const m = STATUS_LINE.exec(first);
      if (m === null) return this.#bad(`status line ${quote(first)}`);
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
        if (colon <= 0) return this.#bad(`header line ${quote(line)}`);
        last = line.slice(0, colon).trimEnd().toLowerCase();
        const value = line.slice(colon + 1).trim();
        const prev = headers[last];
        headers[last] = prev === undefined ? value : `${prev}, ${value}`;
      }
      const connection = headers.connection ?? "";
      this.#keepAlive &&= m[1] === "1" ? !/(?:^|,)\s*close\s*(?:,|$)/i.test(connection) : /keep-alive/i.test(connection);
      const te = headers["transfer-encoding"];
      const cl = headers["content-length"];
      // A close-delimited body is one chunk of data without end; a sized one, one that ends the response.
      let mode = Mode.Close;
      this.#chunk = Chunk.Data;
      this.#left = 2 ** 53; // never reached: a close-delimited body ends with the connection
      if (hasNoBody(x.method, status)) mode = Mode.Done;
      else if (te !== undefined) {
        if (CHUNKED.test(te)) {
          mode = Mode.Chunked;
          this.#chunk = Chunk.Size;
        }
      } else if (cl !== undefined) {
        const n = CONTENT_LENGTH.exec(cl);
        if (n === null) return this.#bad(`content-length ${quote(cl)}`);
        this.#left = Number(n[1]);
        mode = this.#left === 0 ? Mode.Done : Mode.Length;
      }
      if (mode === Mode.Close) this.#keepAlive = false;
      this.#mode = mode;
      x.respond(status, m[3] ?? "", headers);
      if (mode !== Mode.Done) return rest;
      this.#complete(rest.byteLength);
      return undefined;
    }
  }

  /** Feeds body bytes to the exchange, parsing chunked framing on the way; completes the response at its end. */
  #body(bytes: Buffer): undefined {
    let at = 0;
    while (at < bytes.byteLength) {
      if (this.#chunk === Chunk.Data) {
        const take = Math.min(this.#left, bytes.byteLength - at);
        if (!this.#drain) this.#x?.push(at === 0 && take === bytes.byteLength ? bytes : bytes.subarray(at, at + take));
        at += take;
        this.#left -= take;
        if (this.#left === 0) {
          if (this.#mode === Mode.Length) {
            this.#complete(bytes.byteLength - at);
            return;
          }
          this.#chunk = Chunk.DataEnd;
          this.#left = 2;
        }
        continue;
      }
      if (this.#chunk === Chunk.DataEnd) {
        // The CRLF after a chunk's data (it may arrive split across packets).
        if (bytes[at++] !== (this.#left === 2 ? 13 : 10)) return this.#bad("chunk not followed by CRLF");
        if (--this.#left === 0) this.#chunk = Chunk.Size;
        continue;
      }
      const nl = bytes.indexOf(10, at);
      if (nl === -1) {
        if (bytes.byteLength - at > 4096) return this.#bad("chunk header too long");
        this.#buf = bytes.subarray(at);
        return;
      }
      const line = bytes.toString("latin1", at, nl);
      at = nl + 1;
      if (this.#chunk === Chunk.Trailer) {
        if (line === "" || line === "\r") {
          this.#complete(bytes.byteLength - at);
          return;
        }
        continue;
      }
      const size = CHUNK_SIZE.exec(line);
      if (size === null) return this.#bad(`chunk size line ${quote(line)}`);
      this.#left = Number.parseInt(size[1] as string, 16);
      this.#chunk = this.#left === 0 ? Chunk.Trailer : Chunk.Data;
    }
  }

  /** A response that breaks HTTP framing: a retryable error naming what was wrong. */
  #bad(what: string): undefined {
    this.fail(this.#x as Exchange, new RequestError(`invalid HTTP response: ${what}`));
    return undefined;
  }

  /** The response is complete; `extra` bytes followed it (then the socket cannot be trusted again). */
  #complete(extra: number): void {
    this.#mode = Mode.Done;
    this.#x?.end(undefined);
    if (extra > 0) this.#keepAlive = false;
    // A server that answered before the upload ended will not read the rest: that socket is done too.
    if (this.#written) this.#recycle();
    else this.socket.destroy();
  }

  #recycle(): void {
    if (this.#keepAlive && !this.socket.destroyed) {
      this.#x = undefined;
      this.#setTimeout(this.#owner.idleMs);
      this.#owner.release(this);
    } else this.socket.destroy();
  }

  #end(): void {
    // The server closed its side: a close-delimited body is complete; anything else in flight broke (see #close).
    if (this.#mode === Mode.Close) this.#complete(0); // not kept alive: the socket is closed
  }

  #close(): void {
    const x = this.#x;
    this.#x = undefined;
    if (x !== undefined) {
      if (!x.settled && this.#stale && !x.retried && x.method !== "POST" && x.method !== "PATCH" && (x.body === undefined || x.body instanceof Uint8Array)) {
        // A keep-alive socket the server had closed, most likely before reading the request. But it may have
        // read and acted on it: a POST or PATCH (not idempotent, RFC 9110 §9.2.2) is not sent again here
        // (node:http never replays, Go only GET/HEAD/OPTIONS/TRACE); it fails retryable below, for the
        // retryer to decide and count.
        x.retried = true;
        this.#owner.removed(this, x);
        return;
      }
      const err = this.#error;
      const what = x.settled ? "reading response body failed" : `send request to ${x.owner.host} failed`;
      x.end(
        err !== undefined
          ? toTransportError(err, what)
          : new RequestError(x.settled ? "response body ended early: connection closed" : `${what}: socket hang up`),
      );
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
    const ms = x.ms;
    if (this.#drain || (ms !== undefined && x.waiting)) {
      this.fail(x, new ResponseTimeout(`no response body bytes within ${ms ?? this.#owner.idleMs} ms`));
    }
  }
}
