// Http1Transport's own HTTP/1.1 handling, against a raw TCP server that answers with scripted bytes.
import assert from "node:assert/strict";
import { getEventListeners, once } from "node:events";
import * as net from "node:net";
import { inspect } from "node:util";
import { test } from "node:test";
import { SdkError } from "@sessionkit/errors";
import type { HttpRequest } from "@sessionkit/types";
import { Http1Transport, type Http1TransportOptions } from "./Http1Transport.js";

interface RawServer {
  readonly port: number;
  /** Every request head received, in order ("METHOD target" + the header lines). */
  readonly heads: string[];
  readonly bodies: string[];
  readonly connections: number;
  close(): Promise<void>;
}

/**
 * A TCP server that reads one request at a time (head, then `content-length` or chunked body) and answers
 * with `reply(head, index)`: the exact bytes to write, or a function that gets the socket.
 */
async function rawServer(reply: (head: string, i: number) => string | ((s: net.Socket) => void)): Promise<RawServer> {
  const heads: string[] = [];
  const bodies: string[] = [];
  const sockets = new Set<net.Socket>();
  const state = { connections: 0 };
  const server = net.createServer((socket) => {
    state.connections++;
    sockets.add(socket);
    socket.on("error", () => {}); // clients that drop a connection reset it
    socket.on("close", () => sockets.delete(socket));
    let buf = Buffer.alloc(0);
    socket.on("data", (d) => {
      buf = Buffer.concat([buf, d]);
      for (;;) {
        const end = buf.indexOf("\r\n\r\n");
        if (end === -1) return;
        const head = buf.toString("latin1", 0, end);
        const length = /\r\ncontent-length: (\d+)/i.exec(head);
        let rest = buf.subarray(end + 4);
        let body: string;
        if (/\r\ntransfer-encoding: chunked/i.test(head)) {
          const term = rest.indexOf("0\r\n\r\n");
          if (term === -1) return;
          body = rest.toString("latin1", 0, term + 5);
          rest = rest.subarray(term + 5);
        } else {
          const n = length === null ? 0 : Number(length[1]);
          if (rest.byteLength < n) return;
          body = rest.toString("utf8", 0, n);
          rest = rest.subarray(n);
        }
        buf = rest;
        heads.push(head);
        bodies.push(body);
        const r = reply(head, heads.length - 1);
        if (typeof r === "string") socket.write(r, "latin1");
        else r(socket);
      }
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return {
    port: (server.address() as net.AddressInfo).port,
    heads,
    bodies,
    get connections() {
      return state.connections;
    },
    async close() {
      for (const s of sockets) s.destroy();
      server.close();
      await once(server, "close");
    },
  };
}

function req(port: number, over: Partial<HttpRequest> = {}): HttpRequest {
  return { method: "GET", protocol: "http:", hostname: "127.0.0.1", port, path: "/k", query: {}, headers: {}, ...over };
}

async function text(body: AsyncIterable<Uint8Array>): Promise<string> {
  return Buffer.from(await (body as unknown as { bytes(): Promise<Uint8Array> }).bytes()).toString("utf8");
}

async function chunks(body: AsyncIterable<Uint8Array>): Promise<string[]> {
  const out: string[] = [];
  for await (const c of body) out.push(Buffer.from(c).toString("utf8"));
  return out;
}

test("response framing: content-length, chunked (split anywhere, with extensions and trailers), close-delimited; 1xx skipped", async () => {
  const srv = await rawServer((head) => {
    const path = head.split(" ")[1];
    if (path === "/length") return "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nX-Dup: a\r\nx-dup: b\r\n\r\nhello";
    if (path === "/continue") return "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\ncontent-length: 2\r\n\r\nok";
    if (path === "/chunked")
      return (s) => {
        const whole = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n7\r\n, world\r\n0\r\nx-trailer: t\r\n\r\n";
        // One byte at a time: every parser state must survive a packet boundary.
        let i = 0;
        const tick = (): void => {
          if (i < whole.length) s.write(whole[i++] as string, "latin1", () => setImmediate(tick));
        };
        tick();
      };
    return (s) => s.end("HTTP/1.1 200 OK\r\n\r\nuntil close");
  });
  const t = new Http1Transport();
  try {
    const a = await t.handle(req(srv.port, { path: "/length" }));
    assert.deepEqual([a.statusCode, a.reason, a.headers["x-dup"], await text(a.body)], [200, "OK", "a, b", "hello"]);
    const b = await t.handle(req(srv.port, { path: "/continue" }));
    assert.deepEqual([b.statusCode, await text(b.body)], [201, "ok"]);
    const c = await t.handle(req(srv.port, { path: "/chunked" }));
    assert.equal((await chunks(c.body)).join(""), "hello, world");
    const d = await t.handle(req(srv.port, { path: "/close" }));
    assert.equal(await text(d.body), "until close");
    // The first three shared one connection; the close-delimited one used it too, then it was gone.
    assert.equal(srv.connections, 1);
  } finally {
    t.destroy();
    await srv.close();
  }
});

test("no body for HEAD, 204 and 304 even when content-length is set; the socket is reused after each", async () => {
  const srv = await rawServer((head) => {
    if (head.startsWith("HEAD")) return "HTTP/1.1 200 OK\r\ncontent-length: 1234\r\n\r\n";
    if (head.includes("/204")) return "HTTP/1.1 204 No Content\r\n\r\n";
    return "HTTP/1.1 304 Not Modified\r\ncontent-length: 10\r\n\r\n";
  });
  const t = new Http1Transport();
  try {
    const got: Array<[number, string]> = [];
    for (const [method, path] of [["HEAD", "/k"], ["GET", "/204"], ["GET", "/304"], ["HEAD", "/k"]] as const) {
      const r = await t.handle(req(srv.port, { method, path }));
      got.push([r.statusCode, await text(r.body)]);
    }
    assert.deepEqual(got, [[200, ""], [204, ""], [304, ""], [200, ""]]);
    assert.equal(srv.connections, 1);
  } finally {
    t.destroy();
    await srv.close();
  }
});

test("request heads: host added when absent, content-length for bodies and empty PUT, chunked for unknown-length streams", async () => {
  const srv = await rawServer(() => "HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n");
  const t = new Http1Transport();
  async function* stream() {
    yield new TextEncoder().encode("ab");
    yield new TextEncoder().encode("");
    yield new TextEncoder().encode("cde");
  }
  try {
    for (const r of [
      req(srv.port),
      req(srv.port, { method: "PUT", headers: { host: "example.com" } }),
      req(srv.port, { method: "PUT", body: "héllo" }),
      req(srv.port, { method: "POST", body: stream() }),
      req(srv.port, { method: "PUT", body: stream(), headers: { "Content-Length": "5" } }),
    ]) {
      const res = await t.handle(r);
      await text(res.body);
    }
    const lines = srv.heads.map((h) => h.split("\r\n").slice(1).sort().join("|"));
    assert.deepEqual(lines, [
      `host: 127.0.0.1:${srv.port}`,
      "content-length: 0|host: example.com",
      `content-length: 6|host: 127.0.0.1:${srv.port}`,
      `host: 127.0.0.1:${srv.port}|transfer-encoding: chunked`,
      `Content-Length: 5|host: 127.0.0.1:${srv.port}`,
    ]);
    assert.deepEqual(srv.bodies, ["", "", "héllo", "2\r\nab\r\n3\r\ncde\r\n0\r\n\r\n", "abcde"]);
  } finally {
    t.destroy();
    await srv.close();
  }
});

test("a header or path that could split the request is refused before anything is sent", async () => {
  const srv = await rawServer(() => "HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n");
  const t = new Http1Transport();
  try {
    const bad: Array<Partial<HttpRequest>> = [
      { headers: { "x-a": "1\r\nx-injected: yes" } },
      { headers: { "bad name": "1" } },
      { headers: { "x-a": "nul \u0000" } },
      { headers: { "x-a": "del \u007f" } },
      { path: "/a b" },
      { path: "/a\r\nx: y" },
      { method: "GET /x" },
    ];
    const codes: unknown[] = [];
    for (const b of bad) {
      await assert.rejects(t.handle(req(srv.port, b)), (e: unknown) => {
        assert.ok(e instanceof SdkError);
        codes.push([e.code, e.retryable]);
        return true;
      });
    }
    assert.deepEqual(codes, Array(bad.length).fill(["RequestError", false]));
    assert.equal(srv.heads.length, 0);
  } finally {
    t.destroy();
    await srv.close();
  }
});

test("a port no socket can reach (99999, -1, 1.5, NaN) fails typed, not retryable, naming it; nothing is left on the signal", async () => {
  const t = new Http1Transport();
  const ac = new AbortController();
  const outcomes: string[] = [];
  for (const port of [99_999, -1, 1.5, Number.NaN]) {
    await t.handle({ method: "GET", protocol: "http:", hostname: "127.0.0.1", port, path: "/", query: {}, headers: {} }, { signal: ac.signal, timeoutMs: 5_000 }).then(
      () => outcomes.push("sent"),
      (e: unknown) => outcomes.push(e instanceof SdkError ? `${e.code} ${e.retryable} ${e.message}` : `untyped ${String(e)}`),
    );
  }
  t.destroy();
  assert.deepEqual(outcomes, [
    "RequestError false RequestError: invalid request: port 99999",
    "RequestError false RequestError: invalid request: port -1",
    "RequestError false RequestError: invalid request: port 1.5",
    "RequestError false RequestError: invalid request: port NaN",
  ]);
  assert.equal(getEventListeners(ac.signal, "abort").length, 0);
});

test("non-ASCII header values go out as UTF-8, the bytes SigV4 signs, and come back from UTF-8 (node:http: latin1)", async () => {
  // The reply is written as latin1 text: these are the UTF-8 bytes of "日本 ☃".
  const echoed = Buffer.from("日本 ☃").toString("latin1");
  const srv = await rawServer(() => `HTTP/1.1 200 OK\r\nx-amz-meta-back: ${echoed}\r\ncontent-length: 0\r\n\r\n`);
  const t = new Http1Transport();
  try {
    const values = ["café", "é\u00ff", "日本 ☃"];
    const back: unknown[] = [];
    for (const v of values) back.push((await t.handle(req(srv.port, { headers: { "x-amz-meta-note": v } }))).headers["x-amz-meta-back"]);
    assert.deepEqual(back, ["日本 ☃", "日本 ☃", "日本 ☃"]);
    // The server keeps heads as latin1 text: turn them back into bytes, then read the bytes as UTF-8.
    const wire = srv.heads.map((h) => Buffer.from(/\r\nx-amz-meta-note: ([^\r]*)/.exec(h)?.[1] ?? "", "latin1").toString("utf8"));
    assert.deepEqual(wire, values);
  } finally {
    t.destroy();
    await srv.close();
  }
});

test("a keep-alive socket that dies before answering is replaced transparently; a stream body is not replayed", async () => {
  // Requests 2 and 4 arrive on a reused socket, which the server then drops without a byte (a keep-alive race).
  const srv = await rawServer((_head, i) => (i === 1 || i === 3 ? (s) => s.destroy() : "HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok"));
  const t = new Http1Transport();
  async function* stream() {
    yield new TextEncoder().encode("x");
  }
  try {
    assert.equal(await text((await t.handle(req(srv.port))).body), "ok");
    assert.equal(await text((await t.handle(req(srv.port, { method: "PUT", body: "x" }))).body), "ok");
    assert.equal(srv.connections, 2);
    await assert.rejects(t.handle(req(srv.port, { method: "PUT", body: stream() })), { code: "RequestError", retryable: true });
    assert.deepEqual([srv.heads.length, srv.connections], [4, 2]);
  } finally {
    t.destroy();
    await srv.close();
  }
});

test("a POST or PATCH whose reused socket dies unanswered is not sent again (the server may have acted on it)", async () => {
  // Each POST and PATCH arrives on a socket a GET used before; the server reads it whole, then drops the connection.
  const srv = await rawServer((head) => (/^P/.test(head) ? (s) => s.destroy() : "HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok"));
  const t = new Http1Transport();
  try {
    assert.equal(await text((await t.handle(req(srv.port))).body), "ok");
    for (const method of ["POST", "PATCH"]) {
      // Retryable: the pipeline's retryer decides whether to send it again, and counts it.
      await assert.rejects(t.handle(req(srv.port, { method, path: "/?Action=AssumeRole", body: "a=1" })), { code: "RequestError", retryable: true });
      assert.equal(await text((await t.handle(req(srv.port))).body), "ok");
    }
    assert.deepEqual(
      srv.heads.map((h) => h.split(" ").slice(0, 2).join(" ")),
      ["GET /k", "POST /?Action=AssumeRole", "GET /k", "PATCH /?Action=AssumeRole", "GET /k"],
    );
  } finally {
    t.destroy();
    await srv.close();
  }
});

test("framing errors are retryable RequestErrors naming what was wrong; bytes after a response close the socket", async () => {
  const srv = await rawServer((head) => {
    const path = head.split(" ")[1];
    if (path === "/status") return "HTTP/2 200\r\n\r\n";
    if (path === "/cl") return "HTTP/1.1 200 OK\r\ncontent-length: 5, 6\r\n\r\nhello";
    if (path === "/chunk") return "HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\nzz\r\n";
    if (path === "/header") return "HTTP/1.1 200 OK\r\nno colon here\r\n\r\n";
    if (path === "/huge") return `HTTP/1.1 200 OK\r\nx-big: ${"a".repeat(70 * 1024)}`;
    if (path === "/lf") return "HTTP/1.1 200 OK\ncontent-length: 2\n\nok"; // and the socket stays open
    return "HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nokEXTRA";
  });
  const t = new Http1Transport();
  try {
    const messages: string[] = [];
    for (const path of ["/status", "/cl", "/header", "/huge", "/lf"]) {
      // No timeoutMs: a response the parser cannot finish must fail, not wait (the race turns a wait into a failure).
      const hung = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${path} hung`)), 3000).unref());
      await assert.rejects(Promise.race([t.handle(req(srv.port, { path })), hung]), (e: unknown) => {
        assert.ok(e instanceof SdkError && e.code === "RequestError" && e.retryable === true);
        messages.push(e.message.replace(/:.*/s, "").trim() + e.message.replace(/^[^:]*: invalid HTTP response: (\S+ \S+).*$/s, " $1"));
        return true;
      });
    }
    assert.deepEqual(messages, [
      "RequestError status line",
      "RequestError content-length \"5,",
      "RequestError header line",
      "RequestError response head",
      "RequestError head lines",
    ]);
    const chunked = await t.handle(req(srv.port, { path: "/chunk" }));
    await assert.rejects(text(chunked.body), { code: "RequestError", retryable: true });
    const before = srv.connections;
    assert.equal(await text((await t.handle(req(srv.port, { path: "/extra" }))).body), "ok");
    assert.equal(await text((await t.handle(req(srv.port, { path: "/extra" }))).body), "ok");
    assert.equal(srv.connections - before, 2); // the socket with stray bytes was not reused
  } finally {
    t.destroy();
    await srv.close();
  }
});

test("connection: close and HTTP/1.0 without keep-alive are honoured; idle sockets close after idleTimeoutMs", async () => {
  const srv = await rawServer((head) =>
    head.includes("/close")
      ? "HTTP/1.1 200 OK\r\nconnection: close\r\ncontent-length: 1\r\n\r\na"
      : head.includes("/old")
        ? "HTTP/1.0 200 OK\r\ncontent-length: 1\r\n\r\nb"
        : "HTTP/1.1 200 OK\r\ncontent-length: 1\r\n\r\nc",
  );
  const t = new Http1Transport({ idleTimeoutMs: 50 });
  try {
    const seen: string[] = [];
    for (const path of ["/close", "/old", "/k", "/k"]) seen.push(await text((await t.handle(req(srv.port, { path }))).body));
    assert.deepEqual(seen, ["a", "b", "c", "c"]);
    assert.equal(srv.connections, 3); // close, 1.0, then one kept alive for both /k
    await new Promise((r) => setTimeout(r, 150));
    seen.push(await text((await t.handle(req(srv.port))).body));
    assert.equal(srv.connections, 4); // the idle one was closed by the client
  } finally {
    t.destroy();
    await srv.close();
  }
});

test("keepAlive: false never sends a second request on a connection, even when the server keeps it open", async () => {
  // RFC 9112 §9.6: a client that sent `connection: close` must not send another request on that connection.
  const srv = await rawServer(() => "HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok");
  const t = new Http1Transport({ keepAlive: false });
  try {
    const seen: string[] = [];
    for (let i = 0; i < 3; i++) seen.push(await text((await t.handle(req(srv.port))).body));
    assert.deepEqual([seen, srv.connections, srv.heads.every((h) => /\r\nconnection: close$/.test(h))], [["ok", "ok", "ok"], 3, true]);
  } finally {
    t.destroy();
    await srv.close();
  }
});

test("keepAlive on: a last header whose value merely ends in \"close\" does not stop the connection's reuse", async () => {
  const srv = await rawServer(() => "HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok");
  const t = new Http1Transport();
  try {
    // With `host` given, the caller's last header ends the head.
    const headers = { host: `127.0.0.1:${srv.port}`, "x-door": "close" };
    const seen: string[] = [];
    for (let i = 0; i < 3; i++) seen.push(await text((await t.handle(req(srv.port, { headers }))).body));
    assert.deepEqual([seen, srv.connections, srv.heads.map((h) => h.endsWith("\r\nx-door: close"))], [["ok", "ok", "ok"], 1, [true, true, true]]);
  } finally {
    t.destroy();
    await srv.close();
  }
});

test("a large body is paused for a slow reader and arrives whole; an abandoned large body closes its socket", async () => {
  const big = Buffer.alloc(4 * 1024 * 1024, "z");
  const srv = await rawServer(() => (s) => {
    s.write(`HTTP/1.1 200 OK\r\ncontent-length: ${big.byteLength}\r\n\r\n`);
    s.write(big);
  });
  const t = new Http1Transport({ maxSockets: 1 });
  try {
    const r = await t.handle(req(srv.port));
    let total = 0;
    for await (const c of r.body) {
      total += c.byteLength;
      await new Promise((res) => setImmediate(res));
    }
    assert.equal(total, big.byteLength);
    const r2 = await t.handle(req(srv.port));
    const it = r2.body[Symbol.asyncIterator]();
    await it.next();
    await it.return?.();
    // The pool (1 socket) is free again: the next call goes through on a new connection.
    const r3 = await t.handle(req(srv.port));
    assert.equal((await (r3.body as unknown as { bytes(): Promise<Uint8Array> }).bytes()).byteLength, big.byteLength);
    assert.equal(srv.connections, 2);
  } finally {
    t.destroy();
    await srv.close();
  }
});

test("destroy() fails queued calls and refuses new ones; aborting a queued call removes it", async () => {
  const srv = await rawServer(() => () => {}); // never answers
  const t = new Http1Transport({ maxSockets: 1 });
  const first = t.handle(req(srv.port));
  const ac = new AbortController();
  const second = t.handle(req(srv.port), { signal: ac.signal });
  const third = t.handle(req(srv.port));
  ac.abort();
  await assert.rejects(second, { code: "RequestCanceled" });
  t.destroy();
  await assert.rejects(third, { code: "RequestError", retryable: false });
  await assert.rejects(first, { code: "RequestError" });
  await assert.rejects(t.handle(req(srv.port)), { code: "RequestError", retryable: false });
  await srv.close();
});

test("a caller's transfer-encoding: chunked is honoured: bytes and streams are sent as chunks", async () => {
  const srv = await rawServer(() => "HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n");
  const t = new Http1Transport();
  async function* stream() {
    yield new TextEncoder().encode("abc");
  }
  try {
    for (const body of [new TextEncoder().encode("hello"), stream(), new Uint8Array(0)]) {
      await text((await t.handle(req(srv.port, { method: "PUT", body, headers: { "Transfer-Encoding": "chunked" } }))).body);
    }
    assert.deepEqual(srv.bodies, ["5\r\nhello\r\n0\r\n\r\n", "3\r\nabc\r\n0\r\n\r\n", "0\r\n\r\n"]);
    assert.ok(srv.heads.every((h) => !/content-length/i.test(h)));
  } finally {
    t.destroy();
    await srv.close();
  }
});

test("option values a parse can give (NaN, negative, Infinity) neither fail every call with a bare RangeError nor queue forever", async () => {
  const srv = await rawServer(() => (s) => setTimeout(() => s.write("HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok"), 20));
  const overflow: string[] = [];
  const onWarning = (w: Error): void => {
    overflow.push(w.name);
  };
  process.on("warning", onWarning);
  const outcomes: string[] = [];
  const cases: Array<[Http1TransportOptions, number | undefined]> = [
    [{ maxSockets: Number.NaN }, undefined],
    [{ idleTimeoutMs: Number.NaN }, undefined],
    [{ idleTimeoutMs: -1 }, undefined],
    [{ idleTimeoutMs: Number.POSITIVE_INFINITY }, undefined],
    // A per-attempt timeout of Infinity (or past the 2^31 − 1 ms a timer can wait) means none, not "at once".
    [{}, Number.POSITIVE_INFINITY],
    [{}, 2 ** 31],
    [{ timeoutMs: Number.POSITIVE_INFINITY }, undefined],
  ];
  try {
    for (const [options, timeoutMs] of cases) {
      const t = new Http1Transport(options);
      const timer = new Promise<string>((resolve) => setTimeout(resolve, 1000, "still waiting after 1 s"));
      const call = t.handle(req(srv.port), { timeoutMs }).then(
        async (res) => `${res.statusCode} ${await text(res.body)}`,
        (e: Error) => `${e.name} ${(e as Partial<SdkError>).code}`,
      );
      outcomes.push(await Promise.race([call, timer]));
      t.destroy();
    }
    await new Promise((r) => setImmediate(r));
    assert.deepEqual([outcomes, overflow], [Array(cases.length).fill("200 ok"), []]);
  } finally {
    process.off("warning", onWarning);
    await srv.close();
  }
});

test("a response body shows nothing of its request (session token, signature, payload) to util.inspect or JSON.stringify", async () => {
  const srv = await rawServer(() => "HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok");
  const t = new Http1Transport();
  const secrets = ["FwoGZXIvYXdzEXAMPLETOKEN", "0123456789abcdef0123456789abcdef", "TokenCode=123456"];
  try {
    const res = await t.handle(
      req(srv.port, {
        method: "POST",
        body: `Action=AssumeRole&${secrets[2]}`,
        headers: { "x-amz-security-token": secrets[0] as string, authorization: `AWS4-HMAC-SHA256 Credential=AKID/x, SignedHeaders=host, Signature=${secrets[1]}` },
      }),
    );
    const shown = `${inspect(res, { depth: 3 })}\n${JSON.stringify(res)}\n${inspect(res.body, { depth: 1 })}`;
    // The payload as the bytes it went out as: how inspect and JSON.stringify write a Uint8Array's first numbers.
    const bytes = [...new TextEncoder().encode("Action=AssumeRole")];
    const asBytes = [bytes.join(", "), JSON.stringify(Object.fromEntries(bytes.entries())).slice(1, -1)];
    assert.deepEqual([...secrets, ...asBytes].filter((s) => shown.includes(s)), []);
    assert.equal(await text(res.body), "ok");
  } finally {
    t.destroy();
    await srv.close();
  }
});
