import assert from "node:assert/strict";
import { EventEmitter } from "node:events";
import { test } from "node:test";
import type { CredentialsProvider, CredentialsValue } from "@sessionkit/types";
import { createCredentials } from "./createCredentials.js";
import { warningsDuring } from "@sessionkit/test-env";
import { createCredentialsValue } from "./createCredentialsValue.js";

/** A provider whose retrieves the test settles by hand; `calls` counts retrieves. */
function manualProvider(name = "Manual") {
  const pending: { resolve: (v: CredentialsValue) => void; reject: (e: unknown) => void }[] = [];
  let calls = 0;
  const provider: CredentialsProvider = {
    name,
    retrieve: () => {
      calls++;
      return new Promise<CredentialsValue>((resolve, reject) => pending.push({ resolve, reject }));
    },
  };
  return {
    provider,
    get calls() {
      return calls;
    },
    resolveNext(v: CredentialsValue) {
      const p = pending.shift();
      assert.ok(p, "no retrieve pending");
      p.resolve(v);
    },
    rejectNext(e: unknown) {
      const p = pending.shift();
      assert.ok(p, "no retrieve pending");
      p.reject(e);
    },
  };
}

function value(id: string, expiration?: number): CredentialsValue {
  return createCredentialsValue({
    accessKeyId: id,
    secretAccessKey: `secret-${id}`,
    expiration: expiration === undefined ? undefined : new Date(expiration),
    providerName: "Manual",
  });
}

const tick = () => new Promise<void>((r) => setImmediate(r));

test("1,000 concurrent get() on expired credentials share exactly one retrieve", async () => {
  let now = 0;
  const m = manualProvider();
  const creds = createCredentials(m.provider, { clock: () => now });
  // First value, then let it expire.
  const first = creds.get();
  m.resolveNext(value("A", 1_000));
  assert.equal((await first).accessKeyId, "A");
  now = 2_000;
  assert.equal(creds.isExpired(), true);

  const gets = Array.from({ length: 1_000 }, () => creds.get());
  await tick();
  assert.equal(m.calls, 2, "one retrieve for the first value, one for all 1,000 refreshing callers");
  m.resolveNext(value("B", 10_000));
  const got = await Promise.all(gets);
  assert.deepEqual([...new Set(got.map((v) => v.accessKeyId))], ["B"]);
  assert.equal(m.calls, 2);
});

test("a failed refresh rejects every waiter, is not cached, and the next get() retries", async () => {
  const m = manualProvider();
  const creds = createCredentials(m.provider);
  const waiters = Array.from({ length: 50 }, () => creds.get());
  await tick();
  const boom = Object.assign(new Error("sts down"), { code: "X" });
  m.rejectNext(boom);
  const settled = await Promise.allSettled(waiters);
  assert.deepEqual(
    [...new Set(settled.map((s) => (s.status === "rejected" ? (s.reason as { code: string }).code : "ok")))],
    ["CredentialsRetrieveError"],
  );
  assert.equal(m.calls, 1);
  assert.equal(creds.isExpired(), true);

  const retry = creds.get();
  await tick();
  assert.equal(m.calls, 2, "the failure was not cached");
  m.resolveNext(value("C"));
  assert.equal((await retry).accessKeyId, "C");
});

test("an SdkError from the provider reaches waiters unchanged; other throws are wrapped with the provider's name", async () => {
  const { SdkError } = await import("@sessionkit/errors");
  const typed = new SdkError("EnvAccessKeyNotFound", "not found");
  const c1 = createCredentials({ name: "P1", retrieve: () => Promise.reject(typed) });
  await assert.rejects(c1.get(), (e) => e === typed);

  const c2 = createCredentials({
    name: "P2",
    retrieve: () => {
      throw new TypeError("x is not a function");
    },
  });
  await assert.rejects(c2.get(), {
    code: "CredentialsRetrieveError",
    message: "CredentialsRetrieveError: provider P2 failed: x is not a function",
  });
});

test("a malformed value from a provider is a typed error, never a TypeError", async () => {
  const bad = [undefined, null, {}, { accessKeyId: "A" }, { accessKeyId: 1, secretAccessKey: "S" }];
  const codes: string[] = [];
  for (const v of bad) {
    const c = createCredentials({ name: "Bad", retrieve: () => Promise.resolve(v as unknown as CredentialsValue) });
    await c.get().catch((e: { code: string }) => codes.push(e.code));
  }
  const badDate = createCredentials({
    name: "BadDate",
    retrieve: () =>
      Promise.resolve({ accessKeyId: "A", secretAccessKey: "S", providerName: "x", expiration: new Date(Number.NaN) }),
  });
  await badDate.get().catch((e: { code: string; message: string }) => codes.push(`${e.code}|${e.message}`));
  assert.deepEqual(codes, [
    ...bad.map(() => "CredentialsValueInvalid"),
    "CredentialsValueInvalid|CredentialsValueInvalid: provider BadDate returned an invalid expiration",
  ]);
});

test("aborting one waiter ends only its wait; the shared refresh finishes for the others", async () => {
  const m = manualProvider();
  const creds = createCredentials(m.provider);
  const ac = new AbortController();
  const aborted = creds.get({ signal: ac.signal });
  const others = [creds.get(), creds.get({ signal: new AbortController().signal })];
  await tick();
  ac.abort(new Error("user gave up"));
  await assert.rejects(aborted, { code: "RequestCanceled", message: "RequestCanceled: request context canceled" });
  m.resolveNext(value("D"));
  assert.deepEqual(
    (await Promise.all(others)).map((v) => v.accessKeyId),
    ["D", "D"],
  );
  assert.equal(m.calls, 1);
  // The refresh the aborted caller started was kept.
  assert.equal((await creds.get()).accessKeyId, "D");
  assert.equal(m.calls, 1);
});

test("an already-aborted signal rejects at once without starting a retrieve", async () => {
  const m = manualProvider();
  const creds = createCredentials(m.provider);
  const ac = new AbortController();
  ac.abort();
  await assert.rejects(creds.get({ signal: ac.signal }), { code: "RequestCanceled" });
  assert.equal(m.calls, 0);
});

test("the expiry window makes a value expire `window` ms before its expiration", async () => {
  let now = 0;
  const m = manualProvider();
  const creds = createCredentials(m.provider, { clock: () => now, expiryWindowMs: 1_000 });
  assert.equal(creds.isExpired(), true, "nothing cached yet");
  assert.equal(creds.expiresAt(), undefined);
  const g = creds.get();
  m.resolveNext(value("E", 10_000));
  await g;
  assert.equal(creds.expiresAt()?.getTime(), 9_000);

  const seen: [number, boolean][] = [];
  for (const t of [0, 8_999, 9_000, 10_000]) {
    now = t;
    seen.push([t, creds.isExpired()]);
  }
  assert.deepEqual(seen, [
    [0, false],
    [8_999, false],
    [9_000, true],
    [10_000, true],
  ]);

  now = 8_999;
  await creds.get();
  assert.equal(m.calls, 1, "still inside the window: cached");
  now = 9_000;
  const r = creds.get();
  await tick();
  assert.equal(m.calls, 2, "at the window edge get() refreshes");
  m.resolveNext(value("F", 20_000));
  assert.equal((await r).accessKeyId, "F");
  // The value keeps the provider's real expiration; only the cache uses the window.
  assert.equal((await creds.get()).expiration?.getTime(), 20_000);
});

test("only a positive expiry window counts (Go's SetExpiration): a negative or NaN one is no window", async () => {
  // Per window: [retrieves for two get() before expiry, isExpired() just after the real expiration, expiresAt].
  const rows = await Promise.all(
    [-60_000, Number.NaN, 0, 1_000].map(async (expiryWindowMs) => {
      let now = 0;
      let calls = 0;
      const provider: CredentialsProvider = {
        name: "P",
        retrieve: async () => {
          calls++;
          return value("W", 10_000);
        },
      };
      const creds = createCredentials(provider, { clock: () => now, expiryWindowMs });
      await creds.get();
      await creds.get();
      now = 10_000;
      return [calls, creds.isExpired(), creds.expiresAt()?.getTime()];
    }),
  );
  assert.deepEqual(rows, [
    [1, true, 10_000],
    [1, true, 10_000],
    [1, true, 10_000],
    [1, true, 9_000],
  ]);
});

test("values without expiration are cached forever; expire() forces the next get() to retrieve", async () => {
  let now = 0;
  const m = manualProvider();
  const creds = createCredentials(m.provider, { clock: () => now });
  const g = creds.get();
  m.resolveNext(value("G"));
  await g;
  now = Number.MAX_SAFE_INTEGER;
  assert.equal(creds.isExpired(), false);
  assert.equal(creds.expiresAt(), undefined);
  await creds.get();
  assert.equal(m.calls, 1);

  creds.expire();
  assert.equal(creds.isExpired(), true);
  const r = creds.get();
  await tick();
  assert.equal(m.calls, 2);
  m.resolveNext(value("H"));
  assert.equal((await r).accessKeyId, "H");
});

test("the object is callable as an AwsCredentialIdentityProvider and resolves like get()", async () => {
  let retrieves = 0;
  const creds = createCredentials({
    name: "Callable",
    retrieve: async () => {
      retrieves++;
      return value("I");
    },
  });
  const asSmithy: (props?: Record<string, unknown>) => Promise<{ accessKeyId: string; secretAccessKey: string }> =
    creds;
  const viaCall = await asSmithy({ forceRefresh: false });
  const viaGet = await creds.get();
  assert.equal(viaCall, viaGet);
  assert.equal(viaCall.secretAccessKey, "secret-I");
  assert.equal(retrieves, 1);
  assert.equal(creds.providerName, "Callable");
});

test("foreign plain values are copied into redacted values; providerName falls back to the provider's name", async () => {
  const creds = createCredentials({
    name: "Plain",
    retrieve: async () => ({ accessKeyId: "AK", secretAccessKey: "SK", sessionToken: "TOK" }) as CredentialsValue,
  });
  const v = await creds.get();
  assert.equal(v.providerName, "Plain");
  assert.equal(v.secretAccessKey, "SK");
  assert.equal(v.sessionToken, "TOK");
  assert.equal(JSON.stringify(v).includes("SK"), false);
});

test("a long-lived signal collects no listeners: each wait removes its own when it settles", async () => {
  let n = 0;
  const creds = createCredentials({
    name: "Counting",
    retrieve: async () => value(`K${++n}`),
  });
  const ac = new AbortController();
  for (let i = 0; i < 100; i++) {
    await creds.get({ signal: ac.signal });
    creds.expire();
  }
  const failing = createCredentials({ name: "Failing", retrieve: () => Promise.reject(new Error("no")) });
  for (let i = 0; i < 100; i++) await failing.get({ signal: ac.signal }).catch(() => undefined);
  assert.equal(EventEmitter.getEventListeners(ac.signal, "abort").length, 0);
  assert.equal(n, 100);
});

test("expire() while a refresh is in flight: callers join that refresh, and its result is cached", async () => {
  const m = manualProvider();
  const creds = createCredentials(m.provider);
  const first = creds.get();
  await tick();
  creds.expire();
  const second = creds.get();
  await tick();
  assert.equal(m.calls, 1);
  m.resolveNext(value("J"));
  assert.deepEqual([(await first).accessKeyId, (await second).accessKeyId], ["J", "J"]);
  assert.equal(creds.isExpired(), false);
});

test("a refresh that fails after the old value expired does not serve the old value", async () => {
  let now = 0;
  const m = manualProvider();
  const creds = createCredentials(m.provider, { clock: () => now });
  const g = creds.get();
  m.resolveNext(value("K", 100));
  await g;
  now = 100;
  const r = creds.get();
  await tick();
  m.rejectNext(new Error("throttled"));
  await assert.rejects(r, { code: "CredentialsRetrieveError" });
  assert.equal(creds.isExpired(), true);
  const r2 = creds.get();
  await tick();
  m.resolveNext(value("L", 1_000));
  assert.equal((await r2).accessKeyId, "L");
  assert.equal(m.calls, 3);
});

test("a refresh inside the expiry window that fails serves the still-valid old value; the next get() tries again", async () => {
  let now = 0;
  const m = manualProvider();
  const creds = createCredentials(m.provider, { clock: () => now, expiryWindowMs: 1_000 });
  const g = creds.get();
  m.resolveNext(value("OLD", 10_000));
  await g;
  now = 9_500; // inside the window, before the real expiration
  const waiters = [creds.get(), creds.get(), creds.get()];
  await tick();
  assert.equal(m.calls, 2, "one shared early refresh");
  m.rejectNext(new Error("sts unavailable"));
  assert.deepEqual((await Promise.all(waiters)).map((v) => v.accessKeyId), ["OLD", "OLD", "OLD"]);
  assert.equal(creds.isExpired(), true, "still due for a refresh");
  const again = creds.get();
  await tick();
  assert.equal(m.calls, 3, "the next get() tries again");
  m.resolveNext(value("NEW", 20_000));
  assert.equal((await again).accessKeyId, "NEW");
  assert.equal(creds.isExpired(), false);

  // Past the real expiration the failure is the caller's, typed.
  now = 20_000;
  const late = creds.get();
  await tick();
  m.rejectNext(new Error("sts unavailable"));
  await assert.rejects(late, { code: "CredentialsRetrieveError" });

  // expire() means "do not use these": no fallback either.
  const fresh = creds.get();
  await tick();
  m.resolveNext(value("X", 100_000));
  await fresh;
  creds.expire();
  const afterExpire = creds.get();
  await tick();
  m.rejectNext(new Error("sts unavailable"));
  await assert.rejects(afterExpire, { code: "CredentialsRetrieveError" });
});

test("32 callers waiting on one refresh with one shared signal: one abort listener, no MaxListenersExceededWarning, all canceled", async () => {
  const m = manualProvider();
  const creds = createCredentials(m.provider);
  const ac = new AbortController();
  const seen: unknown[] = [];
  const warnings = await warningsDuring(async () => {
    const waits = Array.from({ length: 32 }, () => creds.get({ signal: ac.signal }).then(() => "got", (e: { code: string }) => e.code));
    await tick();
    const during = EventEmitter.getEventListeners(ac.signal, "abort").length;
    ac.abort();
    seen.push(await Promise.all(waits), during);
  });
  seen.push(EventEmitter.getEventListeners(ac.signal, "abort").length, m.calls, warnings);
  assert.deepEqual(seen, [Array(32).fill("RequestCanceled"), 1, 0, 1, []]);
});
