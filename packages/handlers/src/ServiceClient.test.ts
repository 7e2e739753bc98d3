import assert from "node:assert/strict";
import { test } from "node:test";
import { SdkError } from "@sessionkit/errors";
import type { ClientConfig, Handlers, Operation, Phase, Request, ResolvedConfig } from "@sessionkit/types";
import { defaultHandlers } from "./defaultHandlers.js";
import { PHASES, newHandlers } from "./newHandlers.js";
import { readText } from "./readBody.js";
import type { SendOptions } from "./ServiceClient.js";
import { ServiceClient } from "./ServiceClient.js";
import { cannedTransport, testConfig } from "./testFixtures.js";

const GetObject: Operation = { name: "GetObject", httpMethod: "GET", httpPath: "/{Bucket}/{Key+}" };
const ListUploads: Operation = { name: "ListMultipartUploads", httpMethod: "GET", httpPath: "/bucket?uploads&max-uploads=5" };

class TestClient extends ServiceClient {
  constructor(cc: ClientConfig) {
    super(cc, { serviceName: "s3", apiVersion: "2006-03-01", defaultEndpoint: (region) => `https://s3.${region}.amazonaws.com` });
  }
  call<O = unknown>(op: Operation, params: unknown = {}, options?: SendOptions): Promise<O> {
    return this.send<unknown, O>(op, params, options);
  }
  peek(op: Operation): Request {
    return this.newRequest(op, {});
  }
}

/** Pushes a recorder into every phase so a run leaves the phase order as data. */
function recordPhases(h: Handlers, ran: string[], tag = ""): void {
  for (const phase of PHASES) h[phase].pushBackNamed({ name: `rec.${phase}`, fn: () => void ran.push(`${tag}${phase}`) });
}

function cc(config: ResolvedConfig, handlers: Handlers = defaultHandlers(), endpoint?: string): ClientConfig {
  return { config, handlers, endpoint };
}

test("a successful call runs validate, build once and each attempt phase in Go's order, complete once", async () => {
  const ran: string[] = [];
  const h = defaultHandlers();
  recordPhases(h, ran);
  h.unmarshal.pushBackNamed({
    name: "test.unmarshal",
    async fn(r) {
      r.data = { text: await readText(r.httpResponse?.body) };
    },
  });
  const transport = cannedTransport({ status: 200, body: "hello", headers: { "x-amz-request-id": "RID1" } });
  const client = new TestClient(cc(testConfig({ transport }), h));
  const out = await client.call<{ text: string }>(GetObject);
  assert.deepEqual(out, { text: "hello" });
  assert.deepEqual(ran, ["validate", "build", "sign", "send", "unmarshalMeta", "validateResponse", "unmarshal", "completeAttempt", "complete"]);
  const sent = transport.sent[0];
  assert.equal(sent?.hostname, "s3.us-east-1.amazonaws.com");
  assert.equal(sent?.headers.host, "s3.us-east-1.amazonaws.com");
  assert.match(sent?.headers["user-agent"] ?? "", /^sessionkit\/\S+ node\/\d+\.\d+\.\d+$/);
  assert.equal(sent?.path, "/{Bucket}/{Key+}");
});

test("a 503 is retried maxRetries times with retry/afterRetry between attempts; the error is typed", async () => {
  const ran: string[] = [];
  const h = defaultHandlers();
  recordPhases(h, ran);
  const sleeps: number[] = [];
  const transport = cannedTransport({ status: 503, headers: { "x-amz-request-id": "RID503" } });
  const config = testConfig({ transport, maxRetries: 2, sleep: async (ms) => void sleeps.push(ms) });
  const client = new TestClient(cc(config, h));
  const err = await client.call(GetObject).then(
    () => assert.fail("should reject"),
    (e: unknown) => e as SdkError,
  );
  assert.ok(err instanceof SdkError);
  assert.equal(err.code, "UnknownError");
  assert.equal(err.statusCode, 503);
  assert.equal(err.requestId, "RID503");
  assert.equal(err.operation, "s3/GetObject");
  assert.equal(transport.sent.length, 3);
  assert.equal(sleeps.length, 2);
  // core.ValidateResponseHandler throws before the validateResponse recorder (pushed after it) runs.
  const attempt = ["sign", "send", "unmarshalMeta", "unmarshalError", "completeAttempt", "retry", "afterRetry"];
  assert.deepEqual(ran, ["validate", "build", ...attempt, ...attempt, ...attempt, "complete"]);
});

test("unmarshalError handlers replace the generic error by throwing; the caller gets theirs with request info", async () => {
  class NoSuchKey extends SdkError {}
  const h = defaultHandlers();
  const seen: string[] = [];
  h.unmarshalError.pushBackNamed({
    name: "test.unmarshalError",
    async fn(r) {
      seen.push(r.error?.code ?? "none");
      const body = await readText(r.httpResponse?.body);
      throw new NoSuchKey("NoSuchKey", body.trim());
    },
  });
  const transport = cannedTransport({ status: 404, body: "The specified key does not exist.", headers: { "x-amz-request-id": "R404" } });
  const client = new TestClient(cc(testConfig({ transport }), h));
  await assert.rejects(client.call(GetObject), (e: unknown) => {
    assert.ok(e instanceof NoSuchKey);
    assert.equal(e.message, "NoSuchKey: The specified key does not exist.");
    assert.deepEqual([e.statusCode, e.requestId, e.operation], [404, "R404", "s3/GetObject"]);
    return true;
  });
  assert.deepEqual(seen, ["UnknownError"]);
  assert.equal(transport.sent.length, 1, "a 404 is not retried");
});

test("a handler's own coded error gets the request info even with a getter-only field; a frozen one passes as it is", async () => {
  class GetterError extends Error {
    readonly code = "Getter";
    get statusCode(): number | undefined {
      return undefined;
    }
  }
  const frozen = Object.freeze(Object.assign(new Error("frozen"), { code: "Frozen" }));
  const seen: unknown[] = [];
  for (const thrown of [new GetterError("getter"), frozen]) {
    const h = defaultHandlers();
    h.unmarshal.pushBackNamed({
      name: "fail",
      fn: () => {
        throw thrown;
      },
    });
    const client = new TestClient(cc(testConfig({ transport: cannedTransport({ status: 200 }) }), h));
    await client.call(GetObject).catch((e: unknown) => seen.push(e));
  }
  const [getter, frozenSeen] = seen as Array<Error & { code: string; statusCode?: number; operation?: string }>;
  assert.deepEqual([getter?.code, getter?.statusCode, getter?.operation], ["Getter", 200, "s3/GetObject"]);
  assert.equal(frozenSeen, frozen);
  assert.deepEqual([frozenSeen?.code, frozenSeen?.operation], ["Frozen", undefined]);
});

test("an error thrown in each phase reaches the caller typed, with operation and status; complete runs once", async () => {
  const failing: Phase[] = ["validate", "build", "sign", "send", "unmarshalMeta", "unmarshal", "complete"];
  for (const phase of failing) {
    const h = defaultHandlers();
    let completes = 0;
    h.complete.pushBackNamed({ name: "count", fn: () => void completes++ });
    h[phase].pushFrontNamed({
      name: "fail",
      fn: () => {
        throw new SdkError("Boom", `failed in ${phase}`);
      },
    });
    const transport = cannedTransport({ status: 200 });
    const client = new TestClient(cc(testConfig({ transport }), h));
    await assert.rejects(client.call(GetObject), (e: unknown) => {
      assert.ok(e instanceof SdkError, phase);
      assert.equal(e.code, "Boom", phase);
      assert.equal(e.operation, "s3/GetObject", phase);
      const reachedResponse = !["validate", "build", "sign", "send"].includes(phase);
      assert.equal(e.statusCode, reachedResponse ? 200 : undefined, phase);
      return true;
    });
    // A failing complete handler sits in front of the counter and stops its list; elsewhere complete ran once.
    assert.equal(completes, phase === "complete" ? 0 : 1, phase);
  }
});

test("a non-SdkError thrown by a handler becomes a typed error named after its phase", async () => {
  const cases: Array<[Phase, string]> = [
    ["build", "SerializationError"],
    ["unmarshal", "SerializationError"],
    ["validate", "HandlerError"],
    ["send", "RequestError"],
  ];
  for (const [phase, code] of cases) {
    const h = defaultHandlers();
    if (phase === "send") h.send.clear();
    h[phase].pushBackNamed({
      name: "bug",
      fn: () => {
        throw new TypeError("x is undefined");
      },
    });
    const client = new TestClient(cc(testConfig({ maxRetries: 0 }), h));
    await assert.rejects(client.call(GetObject), (e: unknown) => {
      assert.ok(e instanceof SdkError);
      assert.equal(e.code, code, phase);
      assert.ok(e.cause instanceof TypeError);
      return true;
    });
  }
});

test("endpoints: configured endpoint wins, a bare host gets a scheme, base path and operation query are kept", () => {
  const client = new TestClient(cc(testConfig({ disableSSL: true }), defaultHandlers(), "localhost:9000/base/"));
  assert.equal(client.clientInfo.endpoint, "http://localhost:9000/base/");
  assert.equal(client.clientInfo.signingRegion, "us-east-1");
  const r = client.peek(ListUploads);
  assert.deepEqual(
    { protocol: r.httpRequest.protocol, hostname: r.httpRequest.hostname, port: r.httpRequest.port, path: r.httpRequest.path },
    { protocol: "http:", hostname: "localhost", port: 9000, path: "/base/bucket" },
  );
  assert.deepEqual(r.httpRequest.query, { uploads: null, "max-uploads": "5" });
  assert.equal(r.httpRequest.headers.host, "localhost:9000");
});

test("MissingRegion and MissingEndpoint come from core.ValidateEndpointHandler; InvalidEndpointURL fails the call", async () => {
  const noRegion = new TestClient({ config: testConfig({ region: "" }), handlers: defaultHandlers(), endpoint: "https://x" });
  await assert.rejects(noRegion.call(GetObject), { code: "MissingRegion", operation: "s3/GetObject" });
  class NoDefault extends ServiceClient {
    constructor() {
      super({ config: testConfig(), handlers: defaultHandlers() }, { serviceName: "svc", apiVersion: "1", defaultEndpoint: () => "" });
    }
    call(): Promise<unknown> {
      return this.send(GetObject, {});
    }
  }
  await assert.rejects(new NoDefault().call(), { code: "MissingEndpoint", operation: "svc/GetObject" });
  const bad = new TestClient(cc(testConfig(), defaultHandlers(), "https://exa mple.com:99999"));
  await assert.rejects(bad.call(GetObject), { code: "InvalidEndpointURL" });
});

test("a region that could change the default endpoint's host is InvalidRegion before anything is sent; a configured endpoint takes any", async () => {
  const regions = ["us-east-1", "cn-north-1", "us-east-1.evil.com#", "us-east-1/evil", "evil.com:443", "a@b", "eu west", "x?y", ""];
  const outcomes: string[] = [];
  for (const region of regions) {
    const transport = cannedTransport({ status: 200 });
    const client = new TestClient(cc(testConfig({ region, transport })));
    outcomes.push(
      await client.call(GetObject).then(
        () => `sent to ${transport.sent.map((r) => r.hostname).join()}`,
        (e: SdkError) => `${e.message} (${transport.sent.length} sent)`,
      ),
    );
  }
  assert.deepEqual(outcomes, [
    "sent to s3.us-east-1.amazonaws.com",
    "sent to s3.cn-north-1.amazonaws.com",
    'InvalidRegion: invalid region "us-east-1.evil.com#" (0 sent)',
    'InvalidRegion: invalid region "us-east-1/evil" (0 sent)',
    'InvalidRegion: invalid region "evil.com:443" (0 sent)',
    'InvalidRegion: invalid region "a@b" (0 sent)',
    'InvalidRegion: invalid region "eu west" (0 sent)',
    'InvalidRegion: invalid region "x?y" (0 sent)',
    "MissingRegion: could not find region configuration (0 sent)",
  ]);
  // The endpoint is not built from it, so a client made for another purpose (newRequest, presigning) has none.
  assert.equal(new TestClient(cc(testConfig({ region: "us-east-1.evil.com#" }))).clientInfo.endpoint, "");
  // With a configured endpoint the region is only a signing scope, as in Go: any string goes.
  const transport = cannedTransport({ status: 200 });
  await new TestClient(cc(testConfig({ region: "zone.a/1", transport }), defaultHandlers(), "http://127.0.0.1:9")).call(GetObject);
  assert.deepEqual(transport.sent.map((r) => r.hostname), ["127.0.0.1"]);
});

test("clients with empty handler lists still run: newHandlers() gives a no-op pipeline", async () => {
  const h = newHandlers();
  h.send.pushBack((r) => {
    r.data = "sent";
  });
  const client = new TestClient(cc(testConfig(), h));
  assert.equal(await client.call(GetObject), "sent");
});

test("ServiceInfo.handlers go to the back of the client's own lists, in order; the given lists stay as they were", () => {
  class ProtocolClient extends ServiceClient {
    constructor(cc: ClientConfig) {
      const h = (name: string) => ({ name, fn: () => {} });
      super(cc, {
        serviceName: "svc",
        apiVersion: "1",
        defaultEndpoint: () => "https://x",
        handlers: [
          ["build", h("p.Build")],
          ["retry", h("p.RetryA")],
          ["retry", h("p.RetryB")],
        ],
      });
    }
  }
  const given = defaultHandlers();
  const client = new ProtocolClient(cc(testConfig(), given));
  assert.deepEqual(
    [client.handlers.build.names(), client.handlers.retry.names(), given.build.names(), given.retry.names()],
    [[...given.build.names(), "p.Build"], ["p.RetryA", "p.RetryB"], given.build.names(), []],
  );
});
