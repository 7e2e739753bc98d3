import assert from "node:assert/strict";
import { test } from "node:test";
import { AnonymousCredentials } from "./AnonymousCredentials.js";
import { isCredentials } from "./isCredentials.js";
import { staticCredentials } from "./staticCredentials.js";
import { staticProvider } from "./staticProvider.js";

test("static credentials resolve to the keys, never expire, and default their name to StaticProvider", async () => {
  const creds = staticCredentials({ accessKeyId: "AK", secretAccessKey: "SK", sessionToken: "TOK" });
  const v = await creds.get();
  assert.deepEqual([v.accessKeyId, v.secretAccessKey, v.sessionToken, v.providerName, v.expiration], [
    "AK",
    "SK",
    "TOK",
    "StaticProvider",
    undefined,
  ]);
  assert.equal(creds.isExpired(), false);
  assert.equal(creds.expiresAt(), undefined);
  assert.equal(creds.providerName, "StaticProvider");
  assert.equal(staticCredentials({ accessKeyId: "a", secretAccessKey: "b" }, "Mine").providerName, "Mine");
  assert.equal(staticProvider({ accessKeyId: "a", secretAccessKey: "b" }, "").name, "StaticProvider");
});

test("empty static keys fail at get() with Go's EmptyStaticCreds, every time", async () => {
  const cases = [
    { accessKeyId: "", secretAccessKey: "SK" },
    { accessKeyId: "AK", secretAccessKey: "" },
    { accessKeyId: "", secretAccessKey: "" },
  ];
  const messages: string[] = [];
  for (const keys of cases) {
    const creds = staticCredentials(keys);
    for (let i = 0; i < 2; i++) await creds.get().catch((e: Error) => messages.push(e.message));
  }
  assert.deepEqual(messages, Array(6).fill("EmptyStaticCreds: static credentials are empty"));
});

test("an empty session token is dropped", async () => {
  const v = await staticCredentials({ accessKeyId: "AK", secretAccessKey: "SK", sessionToken: "" }).get();
  assert.equal("sessionToken" in v, false);
});

test("AnonymousCredentials is one shared object whose get() refuses to hand out empty keys", async () => {
  const again = (await import("./index.js")).AnonymousCredentials;
  assert.equal(again, AnonymousCredentials);
  assert.equal(isCredentials(AnonymousCredentials), true);
  assert.equal(AnonymousCredentials.providerName, "AnonymousCredentials");
  await assert.rejects(AnonymousCredentials.get(), { code: "EmptyStaticCreds" });
});

test("static credentials count as expired until the first get() and after expire(), as Go's do", async () => {
  const creds = staticCredentials({ accessKeyId: "AK", secretAccessKey: "SK" });
  const states: boolean[] = [creds.isExpired()];
  const [a, b] = await Promise.all([creds.get(), creds.get()]);
  states.push(creds.isExpired());
  creds.expire();
  states.push(creds.isExpired());
  const c = await creds();
  states.push(creds.isExpired());
  assert.deepEqual(states, [true, false, true, false]);
  assert.ok(a === b && b === c, "one value, handed out again after expire()");
  assert.deepEqual(JSON.parse(JSON.stringify(creds)), { providerName: "StaticProvider", expired: false });
  const empty = staticCredentials({ accessKeyId: "", secretAccessKey: "" });
  await assert.rejects(empty.get(), { code: "EmptyStaticCreds" });
  assert.equal(empty.isExpired(), true, "a failed get leaves them expired");
});
