import assert from "node:assert/strict";
import { test } from "node:test";
import { SdkError } from "@sessionkit/errors";
import type { ClientSettings, NamedHandler, Operation } from "@sessionkit/types";
import { EXPIRED_TOKEN_RETRIED } from "./coreHandlers.js";
import { defaultHandlers } from "./defaultHandlers.js";
import { RequestError } from "./errors.js";
import { newRequest } from "./SdkRequest.js";
import { sendRequest } from "./sendRequest.js";
import { sleep } from "./sleep.js";
import { warningsDuring } from "@sessionkit/test-env";
import { type CannedReply, cannedTransport, type FakeCredentials, fakeCredentials, testConfig } from "./testFixtures.js";

const Op: Operation = { name: "GetThing", httpMethod: "GET", httpPath: "/" };

/** An unmarshalError handler that turns a body `Code` into a typed error, as a service would. */
const codeFromBody: NamedHandler = {
  name: "test.UnmarshalError",
  async fn(r) {
    let text = "";
    for await (const chunk of r.httpResponse?.body ?? []) text += new TextDecoder().decode(chunk);
    if (text !== "") throw new SdkError(text, "from body");
  },
};

function run(config: ClientSettings, signal?: AbortSignal, extra?: (h: ReturnType<typeof defaultHandlers>) => void) {
  const handlers = defaultHandlers();
  handlers.unmarshalError.pushBackNamed(codeFromBody);
  extra?.(handlers);
  const request = newRequest({
    operation: Op,
    params: {},
    clientInfo: { serviceName: "svc", apiVersion: "1", endpoint: "https://svc.example", signingName: "svc", signingRegion: "us-east-1" },
    config,
    handlers,
    httpRequest: { method: "GET", protocol: "https:", hostname: "svc.example", path: "/", query: {}, headers: {} },
    signal,
  });
  return { request, done: sendRequest(request) };
}

async function attemptsFor(reply: CannedReply, maxRetries = 3): Promise<{ attempts: number; code: string | undefined }> {
  const transport = cannedTransport(reply);
  const { done } = run(testConfig({ transport, maxRetries }));
  const code = await done.then(
    () => undefined,
    (e: SdkError) => e.code,
  );
  return { attempts: transport.sent.length, code };
}

test("Go's default retryer: which failures are retried (attempts made with maxRetries 3)", async () => {
  const table: Array<[string, CannedReply, number]> = [
    ["500", { status: 500 }, 4],
    ["501 is not retried", { status: 501 }, 1],
    ["502", { status: 502 }, 4],
    ["429", { status: 429 }, 4],
    ["400 Throttling", { status: 400, body: "Throttling" }, 4],
    ["400 ThrottlingException", { status: 400, body: "ThrottlingException" }, 4],
    ["503 SlowDown", { status: 503, body: "SlowDown" }, 4],
    ["400 RequestLimitExceeded", { status: 400, body: "RequestLimitExceeded" }, 4],
    ["400 TooManyRequestsException", { status: 400, body: "TooManyRequestsException" }, 4],
    ["400 ProvisionedThroughputExceededException", { status: 400, body: "ProvisionedThroughputExceededException" }, 4],
    ["400 RequestTimeout", { status: 400, body: "RequestTimeout" }, 4],
    ["403 AccessDenied", { status: 403, body: "AccessDenied" }, 1],
    ["404", { status: 404 }, 1],
    ["connection error", { error: new Error("socket hang up") }, 4],
    ["typed RequestError", { error: new RequestError("ECONNRESET") }, 4],
    ["typed non-retryable", { error: new SdkError("Custom", "no", { retryable: false }) }, 1],
  ];
  const got = [];
  for (const [name, reply] of table) got.push([name, (await attemptsFor(reply)).attempts]);
  assert.deepEqual(got, table.map(([name, , n]) => [name, n]));
});

test("maxRetries: -1 means 3, 0 disables retries, 5 allows 6 attempts", async () => {
  const got = [];
  for (const max of [-1, 0, 1, 5]) got.push((await attemptsFor({ status: 500 }, max)).attempts);
  assert.deepEqual(got, [4, 1, 2, 6]);
});

test("maxRetries that is not a number of retries (NaN, e.g. from parsing an unset variable) means the default 3, not endless retries", async () => {
  // The 10th attempt succeeds: a retryer that never stops still ends here instead of spinning the test forever.
  const replies: CannedReply[] = [...Array<CannedReply>(9).fill({ status: 500 }), { status: 200 }];
  const transport = cannedTransport(...replies);
  await assert.rejects(run(testConfig({ maxRetries: Number.NaN, transport })).done, { code: "UnknownError", statusCode: 500 });
  assert.equal(transport.sent.length, 4);
});

test("backoff delays follow Go's RetryRules and go through config.sleep", async () => {
  const delays: number[] = [];
  const transport = cannedTransport({ status: 500 });
  const config = testConfig({ transport, maxRetries: 3, sleep: async (ms) => void delays.push(ms) });
  await run(config).done.catch(() => {});
  assert.equal(delays.length, 3);
  // 2^n × jitter(30 ms), jitter uniform in [30, 60)
  for (const [n, d] of delays.entries()) assert.ok(d >= 30 * 2 ** n && d < 60 * 2 ** n, `retry ${n}: ${d}`);

  const throttled: number[] = [];
  const t2 = cannedTransport({ status: 503, headers: { "retry-after": "2" } });
  await run(testConfig({ transport: t2, maxRetries: 1, sleep: async (ms) => void throttled.push(ms) })).done.catch(() => {});
  assert.equal(throttled.length, 1);
  assert.ok((throttled[0] ?? 0) >= 2500 && (throttled[0] ?? 0) < 3000, `throttled: ${throttled[0]}`);
});

test("a retry handler's request.retryable wins over the retryer (as the signer's clock-skew handler needs)", async () => {
  const transport = cannedTransport({ status: 403, body: "RequestTimeTooSkewed" }, { status: 200 });
  const { done } = run(testConfig({ transport }), undefined, (h) =>
    h.retry.pushBackNamed({
      name: "test.skew",
      fn(r) {
        if (r.error?.code === "RequestTimeTooSkewed") r.retryable = true;
      },
    }),
  );
  await done;
  assert.equal(transport.sent.length, 2);
});

test("an expired-token error expires the credentials and is retried once with fresh ones", async () => {
  for (const code of ["ExpiredToken", "ExpiredTokenException", "RequestExpired"]) {
    const config = testConfig({ transport: cannedTransport({ status: 400, body: code }, { status: 200 }) });
    const { request, done } = run(config);
    await done;
    assert.equal((config.credentials as FakeCredentials).expireCalls, 1, code);
    assert.equal(request.context.get(EXPIRED_TOKEN_RETRIED), true);
  }
  const always = testConfig({ transport: cannedTransport({ status: 400, body: "ExpiredToken" }) });
  const t = always.transport as ReturnType<typeof cannedTransport>;
  await assert.rejects(run(always).done, { code: "ExpiredToken", statusCode: 400 });
  assert.equal(t.sent.length, 2, "retried once only");
  assert.equal((always.credentials as FakeCredentials).expireCalls, 1);
});

test("abort during a backoff sleep rejects at once with RequestCanceled; complete still runs once", async () => {
  const ac = new AbortController();
  const transport = cannedTransport({ status: 500 });
  let completes = 0;
  const config = testConfig({ transport, sleep: (ms, signal) => sleep(ms * 0 + 60_000, signal) });
  const { done } = run(config, ac.signal, (h) => h.complete.pushBack(() => void completes++));
  setTimeout(() => ac.abort(), 20);
  const started = Date.now();
  await assert.rejects(done, (e: unknown) => {
    assert.ok(e instanceof SdkError);
    assert.equal(e.code, "RequestCanceled");
    assert.equal(e.operation, "svc/GetThing");
    return true;
  });
  assert.ok(Date.now() - started < 5000);
  await new Promise((r) => setTimeout(r, 10));
  assert.equal(completes, 1);
  assert.equal(transport.sent.length, 1);
});

test("a Retry-After past 24.8 days neither retries at once nor warns: the real sleep waits (capped) until aborted", async () => {
  const ac = new AbortController();
  const transport = cannedTransport({ status: 503, headers: { "retry-after": "99999999999" } });
  const outcome: unknown[] = [];
  const warnings = await warningsDuring(async () => {
    const { done } = run(testConfig({ transport, sleep }), ac.signal);
    await new Promise((resolve) => setTimeout(resolve, 40));
    outcome.push(transport.sent.length);
    ac.abort();
    await done.catch((e: SdkError) => outcome.push(e.code));
  });
  assert.deepEqual(outcome, [1, "RequestCanceled"]);
  assert.deepEqual(warnings, []);
});

test("sleep: a wait past what a timer holds (2^31 ms, Infinity) is cut, never to nothing, and prints no warning", async () => {
  const ac = new AbortController();
  const outcomes: string[] = [];
  const warnings = await warningsDuring(async () => {
    const waits = [2 ** 31, 2 ** 40, Number.POSITIVE_INFINITY].map((ms) =>
      sleep(ms, ac.signal).then(
        () => outcomes.push(`${ms} woke`),
        (e: SdkError) => outcomes.push(`${ms} ${e.code}`),
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 30));
    outcomes.push("aborting");
    ac.abort();
    await Promise.all(waits);
  });
  assert.deepEqual(outcomes, ["aborting", "2147483648 RequestCanceled", "1099511627776 RequestCanceled", "Infinity RequestCanceled"]);
  assert.deepEqual(warnings, []);
});

test("abort while a handler hangs rejects at once; an already-aborted signal never sends", async () => {
  const ac = new AbortController();
  let release: () => void = () => {};
  const { done } = run(testConfig(), ac.signal, (h) =>
    h.build.pushBack(() => new Promise<void>((resolve) => {
      release = resolve;
    })),
  );
  setTimeout(() => ac.abort(), 10);
  await assert.rejects(done, { code: "RequestCanceled" });
  release();

  const pre = new AbortController();
  pre.abort();
  const config = testConfig();
  await assert.rejects(run(config, pre.signal).done, { code: "RequestCanceled" });
  assert.equal((config.transport as ReturnType<typeof cannedTransport>).sent.length, 0);
});

test("attemptTimeoutMs: a transport that never answers fails each attempt with ResponseTimeout, retried", async () => {
  const sent: number[] = [];
  const hanging = {
    handle: () => {
      sent.push(1);
      return new Promise<never>(() => {});
    },
  };
  const config = testConfig({ transport: hanging, attemptTimeoutMs: 20, maxRetries: 1 });
  await assert.rejects(run(config).done, { code: "ResponseTimeout", operation: "svc/GetThing" });
  assert.equal(sent.length, 2);
});

test("the transport gets the caller's signal and the attempt timeout; no signal when the caller gave none", async () => {
  const transport = cannedTransport({ status: 200 });
  const ac = new AbortController();
  await run(testConfig({ transport, attemptTimeoutMs: 1234 }), ac.signal).done;
  await run(testConfig({ transport })).done;
  assert.deepEqual(transport.options, [
    { signal: ac.signal, timeoutMs: 1234 },
    { signal: undefined, timeoutMs: undefined },
  ]);
});

test("an attemptTimeoutMs a timer cannot hold (Infinity, 2^31 ms or more, NaN, negative) is no timeout, for the transport too", async () => {
  // A transport answering after 20 ms: a timer set to Infinity or 2^31 fires at once (Node warns and waits 1 ms).
  const warnings: string[] = [];
  const onWarning = (w: Error): void => {
    warnings.push(w.name);
  };
  process.on("warning", onWarning);
  try {
    const canned = cannedTransport({ status: 200 });
    const transport = { ...canned, handle: (...a: Parameters<typeof canned.handle>) => sleep(20).then(() => canned.handle(...a)) };
    const outcomes: string[] = [];
    for (const attemptTimeoutMs of [Number.POSITIVE_INFINITY, 2 ** 31, Number.NaN, -1]) {
      outcomes.push(await run(testConfig({ transport, attemptTimeoutMs, maxRetries: 0 })).done.then(() => "ok", (e: SdkError) => e.code));
    }
    await new Promise((r) => setImmediate(r));
    assert.deepEqual([outcomes, canned.options.map((o) => o?.timeoutMs), warnings], [["ok", "ok", "ok", "ok"], [undefined, undefined, undefined, undefined], []]);
  } finally {
    process.off("warning", onWarning);
  }
});

test("a one-shot stream body is not retried", async () => {
  const transport = cannedTransport({ status: 500 });
  const handlers = defaultHandlers();
  async function* body() {
    yield new Uint8Array([1]);
  }
  const request = newRequest({
    operation: { name: "Put", httpMethod: "PUT", httpPath: "/" },
    params: {},
    clientInfo: { serviceName: "svc", apiVersion: "1", endpoint: "https://x", signingName: "svc", signingRegion: "r" },
    config: testConfig({ transport }),
    handlers,
    httpRequest: { method: "PUT", protocol: "https:", hostname: "x", path: "/", query: {}, headers: {}, body: body() },
  });
  await assert.rejects(sendRequest(request), { statusCode: 500 });
  assert.equal(transport.sent.length, 1);
});

test("settings left unset take their defaults: 3 retries, console as the logger, a real setTimeout sleep", async () => {
  const transport = cannedTransport({ status: 500 }, { status: 500 }, { status: 200 });
  // ClientSettings with a log level but no logger, sleep, clock or maxRetries.
  const config: ClientSettings = { region: "us-east-1", credentials: fakeCredentials(), transport, logLevel: 0x1004 };
  const logged: string[] = [];
  const log = console.log;
  console.log = (line: string) => void logged.push(line.replace(/after \d+ ms/, "after N ms"));
  const started = performance.now();
  try {
    await run(config).done;
  } finally {
    console.log = log;
  }
  assert.deepEqual(
    { attempts: transport.sent.length, logged, waited: performance.now() - started >= 2 * 30 },
    {
      attempts: 3,
      logged: ["DEBUG: Retrying Request svc/GetThing, attempt 1 after N ms", "DEBUG: Retrying Request svc/GetThing, attempt 2 after N ms"],
      // Go's backoff: at least 30 ms, then 60 ms, slept for real.
      waited: true,
    },
  );
});
