import assert from "node:assert/strict";
import { getEventListeners } from "node:events";
import { test } from "node:test";
import type { SdkError } from "@sessionkit/errors";
import type { HttpRequest, HttpResponse, Operation, Transport } from "@sessionkit/types";
import { defaultHandlers } from "./defaultHandlers.js";
import { newRequest } from "./SdkRequest.js";
import { sendRequest } from "./sendRequest.js";
import { sleep } from "./sleep.js";
import { warningsDuring } from "@sessionkit/test-env";
import { testConfig } from "./testFixtures.js";

/** A transport whose calls wait until the one signal they share aborts (a single listener of its own, for all). */
function waitingTransport(signal: AbortSignal): Transport & { calls: number } {
  const pending: Array<(e: Error) => void> = [];
  signal.addEventListener("abort", () => {
    for (const reject of pending) reject(new Error("aborted"));
  });
  const t = {
    calls: 0,
    handle(_r: HttpRequest): Promise<HttpResponse> {
      t.calls++;
      return new Promise<HttpResponse>((_resolve, reject) => pending.push(reject));
    },
  };
  return t;
}

const Op: Operation = { name: "PutThing", httpMethod: "PUT", httpPath: "/" };

test("32 concurrent calls sharing one AbortSignal: no MaxListenersExceededWarning, all 32 canceled, no listener left", async () => {
  const ac = new AbortController();
  const transport = waitingTransport(ac.signal);
  const codes: string[] = [];
  const during: number[] = [];
  const warnings = await warningsDuring(async () => {
    const calls = Array.from({ length: 32 }, () =>
      sendRequest(
        newRequest({
          operation: Op,
          params: {},
          clientInfo: { serviceName: "svc", apiVersion: "1", endpoint: "https://svc.example", signingName: "svc", signingRegion: "us-east-1" },
          config: testConfig({ transport }),
          handlers: defaultHandlers(),
          httpRequest: { method: "PUT", protocol: "https:", hostname: "svc.example", path: "/", query: {}, headers: {} },
          signal: ac.signal,
        }),
      ).catch((e: SdkError) => codes.push(`${e.code} ${e.operation}`)),
    );
    await new Promise((resolve) => setTimeout(resolve, 5));
    // The test transport's own listener, plus the pipeline's one for all 32 calls.
    during.push(transport.calls, getEventListeners(ac.signal, "abort").length);
    ac.abort();
    await Promise.all(calls);
  });
  assert.deepEqual(warnings, []);
  assert.deepEqual(during, [32, 2]);
  assert.deepEqual(codes, Array(32).fill("RequestCanceled svc/PutThing"));
  assert.equal(getEventListeners(ac.signal, "abort").length, 1, "only the test transport's own listener is left");
});

test("32 concurrent sleeps on one signal: one listener, all canceled on abort, none left once they end", async () => {
  const ac = new AbortController();
  const outcomes: string[] = [];
  const warnings = await warningsDuring(async () => {
    const finished = Array.from({ length: 16 }, () => sleep(1, ac.signal).then(() => outcomes.push("slept")));
    const sleeping = Array.from({ length: 32 }, () => sleep(60_000, ac.signal).catch((e: SdkError) => outcomes.push(e.code)));
    assert.equal(getEventListeners(ac.signal, "abort").length, 1);
    await Promise.all(finished);
    ac.abort();
    await Promise.all(sleeping);
  });
  assert.deepEqual(warnings, []);
  assert.deepEqual(outcomes, [...Array(16).fill("slept"), ...Array(32).fill("RequestCanceled")]);
  assert.equal(getEventListeners(ac.signal, "abort").length, 0);
});
