import assert from "node:assert/strict";
import { test } from "node:test";

// Built entries (a bundler sees these): the session's lazy import() keeps every export of ./lazy.
const entry = (name: string): Promise<Record<string, unknown>> => import(new URL(`../dist/${name}.js`, import.meta.url).href);

test("the ./lazy entry has only what the session loads, as the same functions as the main entry", async () => {
  const [main, lazy] = await Promise.all([entry("index"), entry("lazy")]);
  assert.deepEqual(Object.keys(lazy).sort(), ["assumeRoleProvider", "stsClientFactory"]);
  assert.equal(lazy.assumeRoleProvider, main.assumeRoleProvider);
  assert.equal(lazy.stsClientFactory, main.stsClientFactory);
});
