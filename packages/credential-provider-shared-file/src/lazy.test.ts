import assert from "node:assert/strict";
import { test } from "node:test";

// Built entries (a bundler sees these): the session's lazy import() keeps every export of ./lazy.
const entry = (name: string): Promise<Record<string, unknown>> => import(new URL(`../dist/${name}.js`, import.meta.url).href);

test("the ./lazy entry has only the process provider, as the same function as the main entry", async () => {
  const [main, lazy] = await Promise.all([entry("index"), entry("lazy")]);
  assert.deepEqual(Object.keys(lazy), ["processProvider"]);
  assert.equal(lazy.processProvider, main.processProvider);
});
