import assert from "node:assert/strict";
import { test } from "node:test";
import { SdkError } from "@sessionkit/errors";
import type { HttpRequest } from "@sessionkit/types";
import { FetchTransport } from "./FetchTransport.js";
import { warningsDuring } from "@sessionkit/test-env";
import { startServer } from "./testServer.js";

async function collect(body: AsyncIterable<Uint8Array>): Promise<string> {
  let out = "";
  for await (const chunk of body) out += Buffer.from(chunk).toString();
  return out;
}

test("fetch transport: method, encoded query, headers and bodies go out; status, headers and body come back", async () => {
  const seen: string[] = [];
  const srv = await startServer(async (req, res) => {
    let body = "";
    for await (const c of req) body += String(c);
    seen.push(`${req.method} ${req.url} ${req.headers["x-test"]} ${body}`);
    res.writeHead(201, { "x-amz-request-id": "RID" });
    res.end("created");
  });
  const t = new FetchTransport();
  try {
    async function* stream() {
      yield new TextEncoder().encode("str");
      yield new TextEncoder().encode("eam");
    }
    const got: string[] = [];
    for (const body of ["text", new Uint8Array([98, 121]), stream()]) {
      const res = await t.handle(srv.request({ method: "PUT", path: "/k", query: { a: "b c" }, headers: { "x-test": "1", host: "ignored" }, body }));
      got.push(`${res.statusCode} ${res.headers["x-amz-request-id"]} ${await collect(res.body)}`);
    }
    assert.deepEqual(got, Array(3).fill("201 RID created"));
    assert.deepEqual(seen, ["PUT /k?a=b%20c 1 text", "PUT /k?a=b%20c 1 by", "PUT /k?a=b%20c 1 stream"]);
  } finally {
    await srv.close();
  }
});

test("fetch transport: refused → RequestError, abort → RequestCanceled, timeout → ResponseTimeout", async () => {
  const srv = await startServer(() => {});
  const t = new FetchTransport();
  try {
    await assert.rejects(t.handle(srv.request(), { timeoutMs: 50 }), { code: "ResponseTimeout", retryable: true });
    const ac = new AbortController();
    const p = t.handle(srv.request(), { signal: ac.signal });
    setTimeout(() => ac.abort(), 20);
    await assert.rejects(p, { code: "RequestCanceled" });
  } finally {
    await srv.close();
  }
  await assert.rejects(t.handle(srv.request()), (e: unknown) => e instanceof SdkError && e.code === "RequestError" && e.retryable === true);
});

/** What a failed body read rejected with, as data. */
async function failure(p: Promise<unknown>): Promise<string> {
  return p.then(
    () => "resolved",
    (e: unknown) => (e instanceof SdkError ? `${e.code} ${e.retryable} ${e.message}` : `untyped ${String(e)}`),
  );
}

// fetch frames bodies itself: undici fails a body cut short of its content-length ("terminated").
test("fetch transport: a short body fails as a retryable error", async () => {
  const srv = await startServer((_req, res) => {
    res.writeHead(200, { "content-length": "10" });
    res.write("12345");
    setTimeout(() => res.socket?.destroy(), 10);
  });
  const t = new FetchTransport();
  try {
    const res = await t.handle(srv.request());
    assert.equal(await failure(collect(res.body)), "RequestError true RequestError: reading response body failed: terminated");
  } finally {
    await srv.close();
  }
});

test("fetch transport: bytes() reads the whole body; a short one fails", async () => {
  const srv = await startServer((req, res) => {
    if (req.url === "/short") {
      res.writeHead(200, { "content-length": "10" });
      res.write("12345");
      return void setTimeout(() => res.socket?.destroy(), 10);
    }
    res.end("0123456789");
  });
  const t = new FetchTransport();
  type Bytes = { bytes(): Promise<Uint8Array> };
  try {
    const ok = await t.handle(srv.request());
    assert.equal(Buffer.from(await (ok.body as unknown as Bytes).bytes()).toString(), "0123456789");
    const short = await t.handle(srv.request({ path: "/short" }));
    assert.equal(await failure((short.body as unknown as Bytes).bytes()), "RequestError true RequestError: reading response body failed: terminated");
  } finally {
    await srv.close();
  }
});

test("fetch transport: fetch is called detached, as browsers require (their fetch rejects any other `this`)", async () => {
  const thisSeen: unknown[] = [];
  // Browsers' fetch throws "Illegal invocation" unless `this` is the global object or undefined.
  const strict = function (this: unknown, _url: string | URL | Request, _init?: RequestInit): Promise<Response> {
    thisSeen.push(this);
    if (this !== undefined && this !== globalThis) throw new TypeError("Failed to execute 'fetch' on 'Window': Illegal invocation");
    return Promise.resolve(new Response("ok", { status: 200 }));
  };
  const t = new FetchTransport({ fetch: strict as typeof fetch });
  const res = await t.handle({ method: "GET", protocol: "http:", hostname: "127.0.0.1", port: 9, path: "/", query: {}, headers: {} });
  assert.deepEqual([res.statusCode, thisSeen], [200, [undefined]]);
});

test("fetch transport: body framing is fetch's; bodies that cannot exist (HEAD, 204, 304) read as 0 bytes", async () => {
  type Body = AsyncIterable<Uint8Array> & { bytes(): Promise<Uint8Array> };
  const canned = (status: number, body: string | null) => (): Promise<Response> =>
    Promise.resolve(new Response(body, { status, headers: { "content-length": "10" } }));
  const outcomes: string[] = [];
  for (const [method, status, body] of [
    // A synthetic Response is not framed by its header; a real fetch fails a short body itself (tests above).
    ["GET", 200, "12345"],
    ["GET", 304, null],
    ["GET", 204, null],
    // Chromium gives a HEAD response an empty body stream, not a null one.
    ["HEAD", 200, ""],
  ] as const) {
    for (const read of ["bytes", "iterate"]) {
      const t = new FetchTransport({ fetch: canned(status, body) as typeof fetch });
      const res = await t.handle({ method, protocol: "http:", hostname: "127.0.0.1", path: "/", query: {}, headers: {} });
      const b = res.body as Body;
      outcomes.push(`${method} ${status} ${read}: ${read === "bytes" ? (await b.bytes()).byteLength : (await collect(b)).length}`);
    }
  }
  assert.deepEqual(outcomes, [
    "GET 200 bytes: 5",
    "GET 200 iterate: 5",
    "GET 304 bytes: 0",
    "GET 304 iterate: 0",
    "GET 204 bytes: 0",
    "GET 204 iterate: 0",
    "HEAD 200 bytes: 0",
    "HEAD 200 iterate: 0",
  ]);
});

/** A server that records each request's method, length headers and body. */
async function recordingServer() {
  const seen: { method: string | undefined; contentLength: string | undefined; chunked: boolean; body: string }[] = [];
  const srv = await startServer(async (req, res) => {
    let body = "";
    for await (const c of req) body += String(c);
    seen.push({ method: req.method, contentLength: req.headers["content-length"], chunked: req.headers["transfer-encoding"] !== undefined, body });
    res.end("ok");
  });
  return { srv, seen };
}

test("fetch transport: a stream body is sent whole with its content-length, not chunked", async () => {
  const { srv, seen } = await recordingServer();
  const chunks = ["a".repeat(70_000), "b".repeat(5), "", "c".repeat(3)];
  async function* stream() {
    for (const c of chunks) yield new TextEncoder().encode(c);
  }
  try {
    const res = await new FetchTransport().handle(srv.request({ method: "PUT", headers: { "content-length": "70008" }, body: stream() }));
    assert.equal(await collect(res.body), "ok");
    assert.deepEqual(seen, [{ method: "PUT", contentLength: "70008", chunked: false, body: chunks.join("") }]);
  } finally {
    await srv.close();
  }
});

test("fetch transport: a stream body whose iterator throws fails as a typed error and sends nothing", async () => {
  const { srv, seen } = await recordingServer();
  const boom = new Error("disk gone");
  async function* stream() {
    yield new Uint8Array([1]);
    throw boom;
  }
  try {
    const err = await new FetchTransport().handle(srv.request({ method: "PUT", body: stream() })).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(err instanceof SdkError);
    // Retryable like any send failure; the pipeline never retries a stream body (it cannot be sent again).
    assert.deepEqual([err.code, err.retryable, err.message, err.cause], ["RequestError", true, "RequestError: send request to 127.0.0.1 failed: disk gone", boom]);
    assert.deepEqual(seen, []);
  } finally {
    await srv.close();
  }
});

test("fetch transport: an abort or the timeout while a stream body stalls ends the wait and stops the iterator", async () => {
  const { srv, seen } = await recordingServer();
  // One chunk, then a next() that never settles: only the race against the signal can end the wait.
  const stalled = (calls: string[]): AsyncIterable<Uint8Array> => ({
    [Symbol.asyncIterator]: () => {
      let n = 0;
      return {
        next: () => {
          calls.push("next");
          return n++ === 0 ? Promise.resolve({ done: false, value: new Uint8Array([1]) }) : new Promise<never>(() => {});
        },
        return: () => {
          calls.push("return");
          return Promise.resolve({ done: true, value: undefined });
        },
      };
    },
  });
  const t = new FetchTransport();
  const outcomes: string[] = [];
  try {
    const ac = new AbortController();
    const canceledCalls: string[] = [];
    const p = t.handle(srv.request({ method: "PUT", body: stalled(canceledCalls) }), { signal: ac.signal });
    setTimeout(() => ac.abort(), 20);
    await p.catch((e: SdkError) => outcomes.push(`${e.code} ${e.retryable} ${canceledCalls.join(",")}`));
    const timedOutCalls: string[] = [];
    await t
      .handle(srv.request({ method: "PUT", body: stalled(timedOutCalls) }), { timeoutMs: 30 })
      .catch((e: SdkError) => outcomes.push(`${e.code} ${e.retryable} ${timedOutCalls.join(",")}`));
    assert.deepEqual(outcomes, ["RequestCanceled false next,next,return", "ResponseTimeout true next,next,return"]);
    assert.deepEqual(seen, []);
  } finally {
    await srv.close();
  }
});

test("fetch transport: what fetch refuses (a header name or value, a port) fails at once, not retryable, named without the value", async () => {
  const { srv, seen } = await recordingServer();
  let fetches = 0;
  const urls: unknown[] = [];
  const counting = ((input: string | URL | Request, init?: RequestInit) => {
    fetches++;
    urls.push(input);
    return fetch(input, init);
  }) as typeof fetch;
  const t = new FetchTransport({ fetch: counting });
  const outcomes: string[] = [];
  try {
    const refused: Partial<HttpRequest>[] = [
      { headers: { "bad name": "v" } },
      { headers: { "x-amz-security-token": "SECRET\nTOKEN" } },
      { headers: { "x-amz-meta-title": "日本" } },
      { port: 99_999 },
    ];
    for (const overrides of refused) {
      await t.handle(srv.request(overrides)).then(
        () => outcomes.push("sent"),
        (e: SdkError) => outcomes.push(`${e.code} ${e.retryable} ${e.message}${e.cause === undefined ? "" : " (with a cause)"}`),
      );
    }
    assert.deepEqual(outcomes, [
      'RequestError false RequestError: invalid header "bad name"',
      'RequestError false RequestError: invalid header "x-amz-security-token"',
      'RequestError false RequestError: invalid header "x-amz-meta-title"',
      "RequestError false RequestError: invalid request GET http://127.0.0.1:99999",
    ]);
    // The headers never reach fetch; the port does, and fetch refuses it before any network.
    assert.deepEqual([fetches, seen.length], [1, 0]);
    // A request that can be sent still goes out through the same fetch, given the URL (not a Request).
    const res = await t.handle(srv.request({ headers: { "x-amz-meta-title": "ok" } }));
    assert.deepEqual([res.statusCode, await collect(res.body), fetches, typeof urls[1]], [200, "ok", 2, "string"]);
  } finally {
    await srv.close();
  }
});

test("fetch transport: a timeout a timer cannot hold (Infinity, 2^31 ms or more) is no timeout, as in the Node transports", async () => {
  const srv = await startServer((_req, res) => void setTimeout(() => res.end("late"), 30));
  const outcomes: string[] = [];
  try {
    const warnings = await warningsDuring(async () => {
      for (const timeoutMs of [Number.POSITIVE_INFINITY, 2 ** 31, 2 ** 40]) {
        for (const [t, options] of [
          [new FetchTransport({ timeoutMs }), undefined],
          [new FetchTransport(), { timeoutMs }],
        ] as const) {
          const got = await t.handle(srv.request(), options).then(
            async (res) => collect(res.body),
            (e: SdkError) => e.code,
          );
          outcomes.push(`${timeoutMs} ${got}`);
        }
      }
    });
    assert.deepEqual(outcomes, ["Infinity late", "Infinity late", "2147483648 late", "2147483648 late", "1099511627776 late", "1099511627776 late"]);
    assert.deepEqual(warnings, []);
  } finally {
    await srv.close();
  }
});
