// The whole pipeline (@sessionkit/handlers, a devDependency) over the real Node transport and real sockets.
import assert from "node:assert/strict";
import { test } from "node:test";
import * as handlersModule from "@sessionkit/handlers";
import type { Operation, Transport } from "@sessionkit/types";
import { Http1Transport } from "./Http1Transport.js";
import { NodeHttpTransport } from "./NodeHttpTransport.js";
import { pipelineConfig, startServer } from "./testServer.js";

async function load(): Promise<typeof handlersModule> {
  return handlersModule;
}

const Op: Operation = { name: "GetObject", httpMethod: "GET", httpPath: "/k" };

async function call(h: typeof handlersModule, port: number, transport: Transport, unmarshal = true): Promise<unknown> {
  const handlers = h.defaultHandlers();
  if (unmarshal) {
    handlers.unmarshal.pushBack(async (r) => {
      r.data = await h.readText(r.httpResponse?.body);
    });
  }
  const request = h.newRequest({
    operation: Op,
    params: {},
    clientInfo: { serviceName: "s3", apiVersion: "1", endpoint: `http://127.0.0.1:${port}`, signingName: "s3", signingRegion: "us-east-1" },
    config: pipelineConfig(transport),
    handlers,
    httpRequest: { method: "GET", protocol: "http:", hostname: "127.0.0.1", port, path: "/k", query: {}, headers: { host: `127.0.0.1:${port}` } },
  });
  return h.sendRequest(request);
}

const TRANSPORTS: ReadonlyArray<[string, (o?: { maxSockets?: number }) => Transport & { destroy(): void }]> = [
  ["NodeHttpTransport", (o) => new NodeHttpTransport(o)],
  ["Http1Transport", (o) => new Http1Transport(o)],
];

for (const [name, make] of TRANSPORTS) {
  test(`${name}: a reset connection and a short body are retried by the pipeline and the call succeeds`, async () => {
    const h = await load();
    let n = 0;
    const srv = await startServer((_req, res) => {
      n++;
      if (n === 1) return void res.socket?.destroy(); // reset before any response
      if (n === 2) {
        res.writeHead(200, { "content-length": "10" });
        res.write("12345");
        return void setTimeout(() => res.socket?.destroy(), 5); // short body
      }
      res.end("0123456789");
    });
    const transport = make();
    try {
      assert.equal(await call(h, srv.port, transport), "0123456789");
      assert.equal(n, 3);
    } finally {
      transport.destroy();
      await srv.close();
    }
  });

  test(`${name}: error responses whose bodies nobody reads do not exhaust a bounded pool`, async () => {
    const h = await load();
    const srv = await startServer((_req, res) => {
      res.writeHead(404, { "content-type": "application/xml" });
      res.end("<Error><Code>NoSuchKey</Code></Error>");
    });
    const transport = make({ maxSockets: 1 });
    try {
      for (let i = 0; i < 5; i++) {
        await assert.rejects(call(h, srv.port, transport, false), { code: "UnknownError", statusCode: 404, operation: "s3/GetObject" });
      }
      assert.equal(srv.connections.length, 1, "the one socket was reused every time");
    } finally {
      transport.destroy();
      await srv.close();
    }
  });
}
