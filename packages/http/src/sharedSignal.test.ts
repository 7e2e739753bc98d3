// Many calls sharing one AbortSignal (one AbortController for a batch): each transport, and the whole pipeline
// (@sessionkit/handlers, a devDependency), add one abort listener to it, not one per call.
import assert from "node:assert/strict";
import { getEventListeners } from "node:events";
import { test } from "node:test";
import { SdkError } from "@sessionkit/errors";
import { defaultHandlers, newRequest, sendRequest } from "@sessionkit/handlers";
import type { Transport } from "@sessionkit/types";
import { FetchTransport } from "./FetchTransport.js";
import { Http1Transport } from "./Http1Transport.js";
import { NodeHttpTransport } from "./NodeHttpTransport.js";
import { warningsDuring } from "@sessionkit/test-env";
import { pipelineConfig, startServer, type TestServer } from "./testServer.js";

const N = 32;

const TRANSPORTS: ReadonlyArray<[string, () => Transport & { destroy?(): void }]> = [
  ["Http1Transport", () => new Http1Transport()],
  ["NodeHttpTransport", () => new NodeHttpTransport()],
  ["FetchTransport", () => new FetchTransport()],
];

/** Starts `N` calls with one signal against a server that never answers, aborts them, and reports as data. */
async function abortBatch(start: (signal: AbortSignal, srv: TestServer) => Promise<unknown>, transport: { destroy?(): void }) {
  const srv = await startServer(() => {});
  const ac = new AbortController();
  const codes = new Set<string>();
  let during = -1;
  try {
    const warnings = await warningsDuring(async () => {
      const calls = Array.from({ length: N }, () => start(ac.signal, srv).then(() => "resolved", (e: unknown) => codes.add(e instanceof SdkError ? e.code : `untyped ${String(e)}`)));
      await new Promise((resolve) => setTimeout(resolve, 50));
      during = getEventListeners(ac.signal, "abort").length;
      ac.abort();
      await Promise.all(calls);
      await new Promise((resolve) => setTimeout(resolve, 10));
    });
    return { warnings, during, codes: [...codes], after: getEventListeners(ac.signal, "abort").length };
  } finally {
    transport.destroy?.();
    await srv.close();
  }
}

for (const [name, make] of TRANSPORTS) {
  test(`${name}: ${N} concurrent calls sharing one signal add one abort listener; abort cancels all, none left`, async () => {
    const transport = make();
    const got = await abortBatch((signal, srv) => transport.handle(srv.request(), { signal }), transport);
    assert.deepEqual(got, { warnings: [], during: 1, codes: ["RequestCanceled"], after: 0 });
  });

  test(`${name}: ${N} concurrent pipeline calls sharing one signal print no MaxListenersExceededWarning`, async () => {
    const transport = make();
    const got = await abortBatch(
      (signal, srv) =>
        sendRequest(
          newRequest({
            operation: { name: "PutObject", httpMethod: "PUT", httpPath: "/k" },
            params: {},
            clientInfo: { serviceName: "s3", apiVersion: "1", endpoint: `http://127.0.0.1:${srv.port}`, signingName: "s3", signingRegion: "us-east-1" },
            config: pipelineConfig(transport),
            handlers: defaultHandlers(),
            httpRequest: srv.request({ method: "PUT", body: "x" }),
            signal,
          }),
        ),
      transport,
    );
    // The pipeline and the transport share one registry (@sessionkit/errors onAbort): one listener for both.
    assert.deepEqual(got, { warnings: [], during: 1, codes: ["RequestCanceled"], after: 0 });
  });
}
