// Session.copy / clientConfig semantics (spec §1.10–§1.12, §6.8) and the concurrency guarantee: many
// clients and copies made at once leave the parent's config and handler lists exactly as they were.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Handlers, Phase, Request } from "@sessionkit/types";
import { newSessionWithOptions, type Session } from "./index.js";
import { goEnv } from "./testing/goFixtures.js";

const PHASES: readonly Phase[] = [
  "validate",
  "build",
  "sign",
  "send",
  "validateResponse",
  "unmarshal",
  "unmarshalMeta",
  "unmarshalError",
  "retry",
  "afterRetry",
  "completeAttempt",
  "complete",
];

function handlerNames(h: Handlers): Record<string, string[]> {
  return Object.fromEntries(PHASES.map((p) => [p, h[p].names()]));
}

/** Everything observable about a session's state, as data. */
function snapshot(s: Session): { config: string; handlers: Record<string, string[]>; frozen: boolean } {
  return { config: JSON.stringify(s.config), handlers: handlerNames(s.handlers), frozen: Object.isFrozen(s.config) };
}

function session(): Session {
  return newSessionWithOptions({
    config: { region: "us-east-2", credentials: { accessKeyId: "AKID", secretAccessKey: "SECRET" } },
    env: goEnv(),
  });
}

test("config is frozen; writing to it throws and changes nothing", () => {
  const s = session();
  assert.equal(Object.isFrozen(s.config), true);
  assert.throws(() => {
    (s.config as { region: string }).region = "eu-west-1";
  });
  assert.equal(s.config.region, "us-east-2");
});

test("copy shares credentials, transport and logger; handler lists are new lists with the same handlers", () => {
  const s = session();
  const c = s.copy({ region: "eu-west-1" });
  assert.deepEqual(
    [c.config.credentials === s.config.credentials, c.config.transport === s.config.transport, c.config.logger === s.config.logger],
    [true, true, true],
  );
  assert.deepEqual(handlerNames(c.handlers), handlerNames(s.handlers));
  for (const p of PHASES) assert.notEqual(c.handlers[p], s.handlers[p], `${p} must be a new list`);
  c.handlers.send.pushBackNamed({ name: "copy.only", fn: () => {} });
  s.handlers.build.pushBackNamed({ name: "parent.only", fn: () => {} });
  assert.deepEqual(
    [s.handlers.send.names().includes("copy.only"), c.handlers.build.names().includes("parent.only")],
    [false, false],
  );
});

test("copy with credentials in the overrides uses them; an empty region counts as unset", async () => {
  const s = session();
  const c = s.copy({ region: "", credentials: { accessKeyId: "OTHER", secretAccessKey: "S" } });
  assert.equal(c.config.region, "us-east-2");
  assert.equal((await c.config.credentials.get()).accessKeyId, "OTHER");
  assert.equal((await s.config.credentials.get()).accessKeyId, "AKID");
});

test("handlers added to a session after a client config exists do not reach it; later ones get them", async () => {
  const s = session();
  const ran: string[] = [];
  const before = s.clientConfig("s3");
  s.handlers.validate.pushBackNamed({ name: "late", fn: () => void ran.push("late") });
  const after = s.clientConfig("s3");
  const request = {} as Request;
  await before.handlers.validate.run(request).catch(() => undefined);
  assert.deepEqual(ran, []);
  assert.deepEqual([before.handlers.validate.names().includes("late"), after.handlers.validate.names().includes("late")], [false, true]);
});

test("a client config's handler copy is its own: changing it leaves the session unchanged", () => {
  const s = session();
  const names = handlerNames(s.handlers);
  const cfg = s.clientConfig("s3");
  cfg.handlers.send.clear();
  cfg.handlers.validate.pushFrontNamed({ name: "client.only", fn: () => {} });
  assert.deepEqual(handlerNames(s.handlers), names);
});

test("100 client configs created concurrently, and copies under load, leave the parent unchanged", async () => {
  const s = session();
  const before = snapshot(s);
  const credentials = s.config.credentials;
  const results = await Promise.all(
    Array.from({ length: 100 }, async (_, i) => {
      await new Promise((r) => setImmediate(r));
      const cfg = i % 2 === 0 ? s.clientConfig("s3") : s.clientConfig("s3", { region: `region-${i}`, maxRetries: i });
      cfg.handlers.send.pushBackNamed({ name: `client-${i}`, fn: () => {} });
      const copy = s.copy({ region: `copy-${i}`, logLevel: i });
      copy.handlers.build.pushFrontNamed({ name: `copy-${i}`, fn: () => {} });
      copy.handlers.validate.clear();
      await new Promise((r) => setImmediate(r));
      return {
        clientRegion: cfg.config.region,
        copyRegion: copy.config.region,
        sharedCredentials: cfg.config.credentials === credentials && copy.config.credentials === credentials,
        clientSend: cfg.handlers.send.names().filter((n) => n.startsWith("client-")),
      };
    }),
  );
  assert.deepEqual(snapshot(s), before);
  assert.equal(s.config.credentials, credentials);
  assert.deepEqual(
    results.map((r) => r.clientRegion),
    Array.from({ length: 100 }, (_, i) => (i % 2 === 0 ? "us-east-2" : `region-${i}`)),
  );
  assert.deepEqual(
    results.map((r) => r.copyRegion),
    Array.from({ length: 100 }, (_, i) => `copy-${i}`),
  );
  assert.deepEqual(
    results.map((r) => r.clientSend),
    Array.from({ length: 100 }, (_, i) => [`client-${i}`]),
  );
  assert.equal(results.every((r) => r.sharedCredentials), true);
});

test("clientConfig without overrides hands out the session's frozen config itself (no per-client copy)", () => {
  const s = session();
  const a = s.clientConfig("s3");
  const b = s.clientConfig("sts");
  assert.equal(a.config, s.config);
  assert.equal(b.config, s.config);
  assert.notEqual(a.handlers, b.handlers);
});

test("with real clients: session handlers added after new S3(sess) do not reach it; later clients run them", async () => {
  const { S3 } = await import("./testing/clientS3.js");
  const requests: string[] = [];
  const transport = {
    async handle(req: { hostname: string; path: string }) {
      requests.push(`${req.hostname}${req.path}`);
      const body = new TextEncoder().encode("<ListAllMyBucketsResult><Buckets></Buckets></ListAllMyBucketsResult>");
      return {
        statusCode: 200,
        headers: { "content-length": String(body.length) },
        body: (async function* () {
          yield body;
        })(),
      };
    },
  };
  const s = newSessionWithOptions({
    config: { region: "us-east-1", credentials: { accessKeyId: "AKID", secretAccessKey: "SECRET" }, transport },
    env: goEnv(),
  });
  const ran: string[] = [];
  const early = new S3(s);
  s.handlers.send.pushFront((r) => void ran.push(`logged ${r.clientInfo.serviceName}/${r.operation.name}`));
  const late = new S3(s);
  await early.listBuckets();
  assert.deepEqual(ran, []);
  await late.listBuckets();
  assert.deepEqual(ran, ["logged s3/ListBuckets"]);
  assert.equal(requests.length, 2);
});

test("100 S3 clients created concurrently from one session leave it unchanged and share its credentials", async () => {
  const { S3 } = await import("./testing/clientS3.js");
  const s = session();
  const before = snapshot(s);
  const clients = await Promise.all(
    Array.from({ length: 100 }, async (_, i) => {
      await new Promise((r) => setImmediate(r));
      const c = new S3(s, i % 3 === 0 ? { region: `eu-west-${i}` } : undefined);
      c.handlers.build.pushBackNamed({ name: `client-${i}`, fn: () => {} });
      return c;
    }),
  );
  assert.deepEqual(snapshot(s), before);
  assert.deepEqual(
    clients.map((c) => c.config.region),
    Array.from({ length: 100 }, (_, i) => (i % 3 === 0 ? `eu-west-${i}` : "us-east-2")),
  );
  assert.equal(clients.every((c) => c.config.credentials === s.config.credentials), true);
  assert.deepEqual(
    clients.map((c) => c.handlers.build.names().filter((n) => n.startsWith("client-"))),
    Array.from({ length: 100 }, (_, i) => [`client-${i}`]),
  );
});

test("clients of a session that logs get Go's debug handlers (as client.New adds them); others do not", () => {
  const make = (logLevel: number) =>
    newSessionWithOptions({ config: { region: "us-east-2", logLevel, credentials: { accessKeyId: "AKID", secretAccessKey: "SECRET" } }, env: goEnv() });
  const quiet = make(0);
  const loud = make(0x1000);
  const lists = (h: Handlers) => [h.send.names(), h.completeAttempt.names()];
  assert.deepEqual(lists(quiet.clientConfig("s3").handlers), [["core.SendHandler"], []]);
  assert.deepEqual(lists(loud.clientConfig("s3").handlers), [
    ["awssdk.client.LogRequest", "core.SendHandler", "awssdk.client.LogResponse"],
    ["awssdk.client.LogAttemptError"],
  ]);
  assert.deepEqual(lists(loud.handlers), [["core.SendHandler"], []], "the session's own lists stay Go's defaults");
  assert.deepEqual(lists(quiet.clientConfig("s3", { logLevel: 0x1008 }).handlers)[1], ["awssdk.client.LogAttemptError"], "an override turns them on");
});

test("the built package keeps the class name Session, for copies too", async () => {
  const built = await import("../dist/index.js");
  const s = built.newSessionWithOptions({ env: {}, config: { region: "eu-west-1", credentials: { accessKeyId: "AKID", secretAccessKey: "S" } } });
  assert.deepEqual([s.constructor.name, s.copy().constructor.name], ["Session", "Session"]);
});
