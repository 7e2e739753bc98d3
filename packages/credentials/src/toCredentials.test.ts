import assert from "node:assert/strict";
import { test } from "node:test";
import type { CredentialsInput } from "@sessionkit/types";
import { AnonymousCredentials } from "./AnonymousCredentials.js";
import { isCredentials } from "./isCredentials.js";
import { staticCredentials } from "./staticCredentials.js";
import { toCredentials } from "./toCredentials.js";

test("a Credentials object passes through unchanged, so its cache is shared", () => {
  const creds = staticCredentials({ accessKeyId: "a", secretAccessKey: "b" });
  assert.equal(toCredentials(creds), creds);
  assert.equal(toCredentials(AnonymousCredentials), AnonymousCredentials);
});

test("static keys become static credentials", async () => {
  const creds = toCredentials({ accessKeyId: "AK", secretAccessKey: "SK", sessionToken: "T" });
  assert.equal(isCredentials(creds), true);
  const v = await creds.get();
  assert.deepEqual([v.accessKeyId, v.secretAccessKey, v.sessionToken, v.providerName], ["AK", "SK", "T", "StaticProvider"]);
});

test("a smithy provider function gets a cache that honours the identity's expiration", async () => {
  let now = 0;
  let calls = 0;
  async function fromSomewhere() {
    calls++;
    return { accessKeyId: `AK${calls}`, secretAccessKey: "SK", expiration: new Date(1_000) };
  }
  const creds = toCredentials(fromSomewhere, { clock: () => now, expiryWindowMs: 100 });
  assert.equal(creds.providerName, "fromSomewhere");
  const v1 = await creds.get();
  await creds.get();
  assert.deepEqual([v1.accessKeyId, v1.providerName, calls], ["AK1", "fromSomewhere", 1]);
  now = 900;
  assert.equal((await creds.get()).accessKeyId, "AK2");
  assert.equal(toCredentials(async () => ({ accessKeyId: "a", secretAccessKey: "b" })).providerName, "IdentityProvider");
});

test("anything else is a typed configuration error", () => {
  const bad = [null, undefined, 42, "AKID", {}, { accessKeyId: "a" }, { accessKeyId: "a", secretAccessKey: 1 }];
  const codes = bad.map((b) => {
    try {
      toCredentials(b as unknown as CredentialsInput);
      return "none";
    } catch (e) {
      return (e as { code: string }).code;
    }
  });
  assert.deepEqual(codes, bad.map(() => "CredentialsInputInvalid"));
});

test("isCredentials tells Credentials objects from look-alikes", () => {
  const fn = async () => ({ accessKeyId: "a", secretAccessKey: "b" });
  const partial = Object.assign(async () => ({}), { get: () => undefined, providerName: "x" });
  assert.deepEqual(
    [staticCredentials({ accessKeyId: "a", secretAccessKey: "b" }), fn, partial, {}, null].map(isCredentials),
    [true, false, false, false, false],
  );
});
