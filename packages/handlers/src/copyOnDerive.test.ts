import assert from "node:assert/strict";
import { test } from "node:test";
import type { ClientConfig, Handlers, Operation } from "@sessionkit/types";
import { defaultHandlers } from "./defaultHandlers.js";
import { ServiceClient } from "./ServiceClient.js";
import { cannedTransport, testConfig } from "./testFixtures.js";

const Op: Operation = { name: "Op", httpMethod: "GET", httpPath: "/" };

class Client extends ServiceClient {
  constructor(cc: ClientConfig) {
    super(cc, { serviceName: "svc", apiVersion: "1", defaultEndpoint: (r) => `https://svc.${r}.example` });
  }
  call(mutate?: (h: Handlers) => void): Promise<unknown> {
    const request = this.newRequest(Op, {});
    mutate?.(request.handlers);
    return import("./sendRequest.js").then(({ sendRequest }) => sendRequest(request));
  }
  /** A request made now and sent later (after `between` ran). */
  async callLater(between: () => void): Promise<unknown> {
    const request = this.newRequest(Op, {});
    between();
    const { sendRequest } = await import("./sendRequest.js");
    return sendRequest(request);
  }
}

/** A "session": its lists, and a clientConfig() that hands them over as Go's ClientConfig does. */
function session() {
  const handlers = defaultHandlers();
  const ran: string[] = [];
  const config = testConfig({ transport: cannedTransport({ status: 200 }) });
  return {
    handlers,
    ran,
    mark: (name: string) => ({ name, fn: () => void ran.push(name) }),
    clientConfig: (): ClientConfig => ({ config, handlers }),
  };
}

test("session → client → request: each level copies; the send list run order is recorded per level", async () => {
  const s = session();
  s.handlers.send.pushFrontNamed(s.mark("session.front"));
  const client = new Client(s.clientConfig());
  client.handlers.send.pushBackNamed(s.mark("client.back"));
  s.handlers.send.pushBackNamed(s.mark("session.late")); // after the client was made: must not reach it

  await client.call((h) => h.send.pushBackNamed(s.mark("request.only")));
  assert.deepEqual(s.ran.splice(0), ["session.front", "client.back", "request.only"]);

  await client.call();
  assert.deepEqual(s.ran.splice(0), ["session.front", "client.back"], "a request's additions do not reach the client");

  const client2 = new Client(s.clientConfig());
  await client2.call();
  assert.deepEqual(s.ran.splice(0), ["session.front", "session.late"], "a later client sees the session's later handler");

  assert.deepEqual(s.handlers.send.names(), ["session.front", "core.SendHandler", "session.late"]);
  assert.deepEqual(client.handlers.send.names(), ["session.front", "core.SendHandler", "client.back"]);
});

test("removing or swapping a handler downstream leaves the upstream lists intact", async () => {
  const s = session();
  s.handlers.build.pushBackNamed(s.mark("shared"));
  const client = new Client(s.clientConfig());
  client.handlers.build.swapNamed({ name: "shared", fn: () => void s.ran.push("client.swapped") });
  await client.call((h) => h.build.removeByName("core.SDKVersionUserAgentHandler"));
  assert.deepEqual(s.ran.splice(0), ["client.swapped"]);
  assert.deepEqual(s.handlers.build.names(), ["core.SDKVersionUserAgentHandler", "shared"]);
  assert.deepEqual(client.handlers.build.names(), ["core.SDKVersionUserAgentHandler", "shared"]);
  const fresh = new Client(s.clientConfig());
  await fresh.call();
  assert.deepEqual(s.ran.splice(0), ["shared"]);
});

test("every request gets a fresh context map and its own handlers object", async () => {
  const s = session();
  const client = new Client(s.clientConfig());
  const seen: Array<[Map<string, unknown>, Handlers]> = [];
  client.handlers.validate.pushBack((r) => {
    assert.equal(r.context.size, 0);
    r.context.set("test.mark", true);
    seen.push([r.context, r.handlers]);
  });
  await client.call();
  await client.call();
  assert.equal(seen.length, 2);
  assert.notEqual(seen[0]?.[0], seen[1]?.[0]);
  assert.notEqual(seen[0]?.[1], seen[1]?.[1]);
  assert.notEqual(seen[0]?.[1], client.handlers);
});

test("a request runs the entries its client had when it was made; lists it makes mid-run are its own", async () => {
  const s = session();
  const client = new Client(s.clientConfig());
  // Changed after the request was made, before it runs: the request does not see it.
  await client.callLater(() => client.handlers.send.pushBackNamed(s.mark("client.late")));
  assert.deepEqual(s.ran.splice(0), []);
  await client.call();
  assert.deepEqual(s.ran.splice(0), ["client.late"], "the next request does");

  // A validate handler changes the request's lists: later phases of that request run the change.
  client.handlers.validate.pushBackNamed({
    name: "mutator",
    fn: (r) => {
      r.handlers.send.pushFrontNamed(s.mark("request.added"));
      r.handlers.send.removeByName("client.late");
    },
  });
  await client.call();
  assert.deepEqual(s.ran.splice(0), ["request.added"]);
  assert.deepEqual(client.handlers.send.names(), ["core.SendHandler", "client.late"], "the client's lists are untouched");
  assert.deepEqual(s.handlers.send.names(), ["core.SendHandler"], "and so are the session's");
  await client.call();
  assert.deepEqual(s.ran.splice(0), ["request.added"], "each request starts from the client's lists again");
});
