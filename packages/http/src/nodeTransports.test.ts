import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import * as https from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { SdkError } from "@sessionkit/errors";
import { Http1Transport, type Http1TransportOptions } from "./Http1Transport.js";
import { NodeHttpTransport, type NodeHttpTransportOptions } from "./NodeHttpTransport.js";
import { startServer } from "./testServer.js";

const text = (b: Uint8Array): string => Buffer.from(b).toString("utf8");

async function collect(body: AsyncIterable<Uint8Array>): Promise<string[]> {
  const out: string[] = [];
  for await (const chunk of body) out.push(text(chunk));
  return out;
}

// Both Node transports keep the same contract: every test below runs against each.
const TRANSPORTS: ReadonlyArray<[string, (o?: NodeHttpTransportOptions & Http1TransportOptions) => NodeHttpTransport | Http1Transport]> = [
  ["NodeHttpTransport", (o) => new NodeHttpTransport(o)],
  ["Http1Transport", (o) => new Http1Transport(o)],
];

for (const [name, make] of TRANSPORTS) {
  test(`${name}: keep-alive: sequential requests reuse one socket; method, path, encoded query and headers arrive`, async () => {
    const seen: string[] = [];
    const srv = await startServer((req, res) => {
      seen.push(`${req.method} ${req.url} ${req.headers["x-test"]}`);
      res.setHeader("x-amz-request-id", "RID");
      res.end("ok");
    });
    const t = make();
    try {
      for (let i = 0; i < 3; i++) {
        const res = await t.handle(
          srv.request({ path: "/b/k%20ey", query: { "list-type": "2", prefix: "a b/c*", uploads: null, multi: ["1", "2"] }, headers: { "x-test": String(i) } }),
        );
        assert.equal(res.statusCode, 200);
        assert.equal(res.headers["x-amz-request-id"], "RID");
        assert.equal(text(await (res.body as unknown as { bytes(): Promise<Uint8Array> }).bytes()), "ok");
      }
      assert.deepEqual(seen, [0, 1, 2].map((i) => `GET /b/k%20ey?list-type=2&prefix=a%20b%2Fc%2A&uploads&multi=1&multi=2 ${i}`));
      assert.equal(srv.connections.length, 1);
    } finally {
      t.destroy();
      await srv.close();
    }
  });

  test(`${name}: request bodies: string, bytes and an async iterable stream arrive intact`, async () => {
    const srv = await startServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      res.end(`${req.headers["content-length"] ?? "chunked"}:${Buffer.concat(chunks).toString()}`);
    });
    const t = make();
    try {
      async function* stream() {
        for (const part of ["str", "eam", "ing"]) {
          await new Promise((r) => setTimeout(r, 2));
          yield new TextEncoder().encode(part);
        }
      }
      const bodies: Array<[string | Uint8Array | AsyncIterable<Uint8Array>, Record<string, string>]> = [
        ["héllo", { "content-length": "6" }],
        [new Uint8Array([104, 105]), { "content-length": "2" }],
        [stream(), {}],
        [stream(), { "content-length": "9" }],
      ];
      const got: string[] = [];
      for (const [body, headers] of bodies) {
        const res = await t.handle(srv.request({ method: "PUT", body, headers }));
        got.push((await collect(res.body)).join(""));
      }
      assert.deepEqual(got, ["6:héllo", "2:hi", "chunked:streaming", "9:streaming"]);
    } finally {
      t.destroy();
      await srv.close();
    }
  });

  test(`${name}: response bodies stream chunk by chunk`, async () => {
    const srv = await startServer(async (_req, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      for (const part of ["a", "b", "c"]) {
        res.write(part);
        await new Promise((r) => setTimeout(r, 10));
      }
      res.end();
    });
    const t = make();
    try {
      const res = await t.handle(srv.request());
      assert.deepEqual(await collect(res.body), ["a", "b", "c"]);
    } finally {
      t.destroy();
      await srv.close();
    }
  });

  test(`${name}: connection refused is a retryable RequestError with the socket error as cause`, async () => {
    const srv = await startServer((_req, res) => res.end());
    const port = srv.port;
    await srv.close();
    const t = make();
    await assert.rejects(t.handle({ method: "GET", protocol: "http:", hostname: "127.0.0.1", port, path: "/", query: {}, headers: {} }), (e: unknown) => {
      assert.ok(e instanceof SdkError);
      assert.equal(e.code, "RequestError");
      assert.equal(e.retryable, true);
      assert.equal((e.cause as NodeJS.ErrnoException).code, "ECONNREFUSED");
      return true;
    });
    t.destroy();
  });

  test(`${name}: abort before the response and while the body is read gives RequestCanceled`, async () => {
    const srv = await startServer((req, res) => {
      if (req.url === "/slow") return; // never answers
      res.writeHead(200, { "content-length": "10" });
      res.write("12345"); // then stalls
    });
    const t = make();
    try {
      const ac = new AbortController();
      const pending = t.handle(srv.request({ path: "/slow" }), { signal: ac.signal });
      setTimeout(() => ac.abort(), 20);
      await assert.rejects(pending, { code: "RequestCanceled" });

      const ac2 = new AbortController();
      const res = await t.handle(srv.request({ path: "/stall" }), { signal: ac2.signal });
      const reading = collect(res.body);
      setTimeout(() => ac2.abort(), 20);
      await assert.rejects(reading, { code: "RequestCanceled" });

      const ac3 = new AbortController();
      ac3.abort();
      await assert.rejects(t.handle(srv.request(), { signal: ac3.signal }), { code: "RequestCanceled" });
    } finally {
      t.destroy();
      await srv.close();
    }
  });

  test(`${name}: a per-attempt timeout of Infinity or past 2^31 − 1 ms means none, not a timeout at once`, async () => {
    const srv = await startServer((_req, res) => {
      setTimeout(() => res.end("ok"), 20);
    });
    const t = make();
    try {
      const got: string[] = [];
      for (const timeoutMs of [Number.POSITIVE_INFINITY, 2 ** 31]) {
        const res = await t.handle(srv.request(), { timeoutMs });
        got.push(text(await (res.body as unknown as { bytes(): Promise<Uint8Array> }).bytes()));
      }
      assert.deepEqual(got, ["ok", "ok"]);
    } finally {
      t.destroy();
      await srv.close();
    }
  });

  test(`${name}: no response within the per-attempt timeout is a retryable ResponseTimeout`, async () => {
    const srv = await startServer(() => {});
    const t = make({ timeoutMs: 5000 });
    try {
      const started = Date.now();
      await assert.rejects(t.handle(srv.request(), { timeoutMs: 50 }), { code: "ResponseTimeout", retryable: true });
      assert.ok(Date.now() - started < 2000);
    } finally {
      t.destroy();
      await srv.close();
    }
  });

  test(`${name}: a body shorter than content-length fails (retryable) through bytes() and through iteration`, async () => {
    const srv = await startServer((_req, res) => {
      res.writeHead(200, { "content-length": "10" });
      res.write("12345");
      setTimeout(() => res.socket?.destroy(), 10);
    });
    const t = make();
    try {
      const a = await t.handle(srv.request());
      await assert.rejects((a.body as unknown as { bytes(): Promise<Uint8Array> }).bytes(), (e: unknown) => {
        assert.ok(e instanceof SdkError);
        assert.equal(e.retryable, true);
        return true;
      });
      const b = await t.handle(srv.request());
      await assert.rejects(collect(b.body), (e: unknown) => e instanceof SdkError && e.retryable === true);
    } finally {
      t.destroy();
      await srv.close();
    }
  });

  test(`${name}: a body that stalls half-way fails with ResponseTimeout after timeoutMs of silence (bytes() and iteration); a slow reader does not`, async () => {
    const srv = await startServer((req, res) => {
      res.writeHead(200, { "content-length": "10" });
      res.write("12345");
      // "/slow" sends the rest after 30 ms; everything else stalls for good.
      if (req.url === "/slow") setTimeout(() => res.end("67890"), 30);
    });
    const t = make();
    try {
      const started = Date.now();
      const a = await t.handle(srv.request(), { timeoutMs: 100 });
      await assert.rejects((a.body as unknown as { bytes(): Promise<Uint8Array> }).bytes(), { code: "ResponseTimeout", retryable: true });
      const b = await t.handle(srv.request(), { timeoutMs: 100 });
      await assert.rejects(collect(b.body), { code: "ResponseTimeout", retryable: true });
      assert.ok(Date.now() - started < 2000);
      // Gaps shorter than the timeout are fine, and so is a reader that starts late.
      const c = await t.handle(srv.request({ path: "/slow" }), { timeoutMs: 100 });
      await new Promise((r) => setTimeout(r, 250));
      assert.deepEqual((await collect(c.body)).join(""), "1234567890");
      const d = await t.handle(srv.request({ path: "/slow" }), { timeoutMs: 100 });
      assert.equal(text(await (d.body as unknown as { bytes(): Promise<Uint8Array> }).bytes()), "1234567890");
    } finally {
      t.destroy();
      await srv.close();
    }
  });

  test(`${name}: the socket pool is bounded: 8 concurrent requests with maxSockets 2 use at most 2 connections`, async () => {
    const srv = await startServer((_req, res) => setTimeout(() => res.end("x"), 20));
    const t = make({ maxSockets: 2 });
    try {
      const results = await Promise.all(
        Array.from({ length: 8 }, async () => {
          const res = await t.handle(srv.request());
          return (await collect(res.body)).join("");
        }),
      );
      assert.deepEqual(results, Array(8).fill("x"));
      assert.equal(srv.peakConnections, 2);
      assert.equal(srv.connections.length, 2);
    } finally {
      t.destroy();
      await srv.close();
    }
  });

  test(`${name}: an unread body released with discard() returns its socket to the pool`, async () => {
    const srv = await startServer((_req, res) => res.end("error body"));
    const t = make({ maxSockets: 1 });
    try {
      for (let i = 0; i < 3; i++) {
        const res = await t.handle(srv.request());
        (res.body as unknown as { discard(): void }).discard();
      }
      assert.equal(srv.connections.length, 1);
    } finally {
      t.destroy();
      await srv.close();
    }
  });

  function makeCert(dir: string): { key: string; cert: string } {
    execFileSync("openssl", [
      "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
      "-keyout", join(dir, "key.pem"), "-out", join(dir, "cert.pem"), "-days", "1",
      "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
    ], { stdio: "ignore" });
    return { key: readFileSync(join(dir, "key.pem"), "utf8"), cert: readFileSync(join(dir, "cert.pem"), "utf8") };
  }

  test(`${name}: a custom CA bundle is trusted by that transport only; global agents are not touched`, async () => {
    const dir = mkdtempSync(join(tmpdir(), "sk-ca-"));
    const { key, cert } = makeCert(dir);
    const server = https.createServer({ key, cert }, (_req, res) => res.end("tls ok"));
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    const port = (server.address() as AddressInfo).port;
    const req = { method: "GET", protocol: "https:", hostname: "127.0.0.1", port, path: "/", query: {}, headers: {} };
    const globalCaBefore = https.globalAgent.options.ca;
    const plain = make();
    const trusting = make({ ca: cert });
    try {
      await assert.rejects(plain.handle(req), (e: unknown) => {
        assert.ok(e instanceof SdkError);
        assert.equal(e.code, "RequestError");
        assert.match(String((e.cause as NodeJS.ErrnoException).code), /SELF_SIGNED|UNABLE_TO_VERIFY|DEPTH_ZERO/);
        return true;
      });
      const res = await trusting.handle(req);
      assert.deepEqual(await collect(res.body), ["tls ok"]);
      assert.equal(https.globalAgent.options.ca, globalCaBefore);
    } finally {
      plain.destroy();
      trusting.destroy();
      server.closeAllConnections();
      server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
