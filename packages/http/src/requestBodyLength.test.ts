import assert from "node:assert/strict";
import { test } from "node:test";
import { SdkError } from "@sessionkit/errors";
import type { HttpRequestBody, Transport } from "@sessionkit/types";
import { Http1Transport } from "./Http1Transport.js";
import { NodeHttpTransport } from "./NodeHttpTransport.js";
import { startServer } from "./testServer.js";

const encoder = new TextEncoder();
/** Bytes that a server reading past the declared body would parse as a request of its own. */
const STRAY = "GET /stray HTTP/1.1\r\nhost: x\r\n\r\n";

/** A stream of `parts` that logs, when it is let go, whether it was read to its end or closed early (return()). */
function stream(label: string, parts: string[], log: string[]): AsyncIterable<Uint8Array> {
  return (async function* () {
    let done = false;
    try {
      for (const part of parts) yield encoder.encode(part);
      done = true;
    } finally {
      log.push(`${label} ${done ? "read to its end" : "closed early"}`);
    }
  })();
}

/** The call's outcome as data, or "hung" when it has not settled within 3 s (no timeoutMs is given). */
async function outcome(t: Transport, request: Parameters<Transport["handle"]>[0]): Promise<string> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hung = new Promise<string>((resolve) => {
    timer = setTimeout(resolve, 3000, "hung");
  });
  const call = t.handle(request).then(
    async (res) => `${res.statusCode} ${Buffer.from(await (res.body as unknown as { bytes(): Promise<Uint8Array> }).bytes()).toString()}`,
    (err: unknown) => (err instanceof SdkError ? `${err.name} ${err.retryable} ${err.message.slice(err.code.length + 2)}` : `untyped ${String(err)}`),
  );
  try {
    return await Promise.race([call, hung]);
  } finally {
    clearTimeout(timer);
  }
}

const TRANSPORTS: ReadonlyArray<[string, () => Transport & { destroy(): void }]> = [
  ["Http1Transport", () => new Http1Transport()],
  ["NodeHttpTransport", () => new NodeHttpTransport()],
];

for (const [name, make] of TRANSPORTS) {
  test(`${name}: a stream body of another length than its content-length fails typed, at once, and poisons nothing`, async () => {
    const seen: string[] = []; // every request head the server parsed
    const completed: string[] = []; // requests whose body the server read to its end
    const clientErrors: string[] = []; // bytes the server could not parse as a request (an EOF mid-body aside)
    const srv = await startServer((req, res) => {
      seen.push(req.url ?? "");
      let n = 0;
      req.on("data", (c: Buffer) => {
        n += c.byteLength;
      });
      req.on("error", () => {}); // the client gave up mid-body
      req.on("end", () => {
        completed.push(`${req.url} ${n}`);
        res.end("ok");
      });
    });
    srv.server.on("clientError", (err: NodeJS.ErrnoException, socket) => {
      // A connection closed mid-body (the client gave up on it) is expected; any other parse error is not.
      if (err.code !== "HPE_INVALID_EOF_STATE" && err.code !== "ECONNRESET") clientErrors.push(err.code ?? err.message);
      socket.destroy();
    });
    const released: string[] = [];
    const t = make();
    const put = (path: string, body: HttpRequestBody, headers: Record<string, string> = { "content-length": "10" }) =>
      outcome(t, srv.request({ method: "PUT", path, body, headers }));
    try {
      const got = [
        await put("/short", stream("short", ["abc"], released)),
        await put("/exact", stream("exact", ["0123", "456789"], released)),
        // One chunk past the length: "0123456789", then a whole request (padded to 100 bytes) that must never go out.
        await put("/long", stream("long", [`0123456789${STRAY.replace("\r\n\r\n", `\r\nx-pad: ${"p".repeat(100 - 10 - STRAY.length - 9)}\r\n\r\n`)}`], released)),
        // Within the length first (written), then the chunk that goes past it (not written).
        await put("/long-late", stream("long-late", ["0123456", `789${STRAY}`], released)),
        await put("/bytes-long", encoder.encode("0123456789abc")),
        await put("/chunked", stream("chunked", ["no ", "length"], released), {}),
        await put("/after", "after", {}),
      ];
      assert.deepEqual(got, [
        "RequestError false request body has 3 bytes, content-length said 10",
        "200 ok",
        "RequestError false request body has at least 100 bytes, content-length said 10",
        "RequestError false request body has at least 42 bytes, content-length said 10",
        "RequestError false request body has 13 bytes, content-length said 10",
        "200 ok",
        "200 ok",
      ]);
      assert.deepEqual(released, ["short read to its end", "exact read to its end", "long closed early", "long-late closed early", "chunked read to its end"]);
      // Only the well-framed bodies were read to their end; no excess byte was taken for a request.
      assert.deepEqual(completed, ["/exact 10", "/chunked 9", "/after 5"]);
      assert.deepEqual(
        seen.filter((url) => !["/short", "/exact", "/long", "/long-late", "/bytes-long", "/chunked", "/after"].includes(url)),
        [],
      );
      assert.deepEqual(clientErrors, []);
    } finally {
      t.destroy();
      await srv.close();
    }
  });
}

test("NodeHttpTransport: a stream body of the wrong length fails at once even while its request waits for a pooled socket", async () => {
  const srv = await startServer((req, res) => {
    req.resume();
    setTimeout(() => res.end(req.url), 300); // holds the one socket
  });
  const t = new NodeHttpTransport({ maxSockets: 1 });
  const order: string[] = [];
  try {
    const slow = outcome(t, srv.request({ path: "/slow" })).then((o) => order.push(`slow: ${o}`));
    const short = outcome(t, srv.request({ method: "PUT", path: "/short", headers: { "content-length": "10" }, body: stream("short", ["abc"], []) })).then((o) =>
      order.push(`short: ${o}`),
    );
    await Promise.all([slow, short]);
    assert.deepEqual(order, ["short: RequestError false request body has 3 bytes, content-length said 10", "slow: 200 /slow"]);
  } finally {
    t.destroy();
    await srv.close();
  }
});
