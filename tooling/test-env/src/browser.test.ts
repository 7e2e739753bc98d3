// The headless-Chromium harness: run() waits, in real time, for what the page writes into #out, whatever
// async work the page awaits first; a page that throws or never writes fails with the reason, not an empty text.
import assert from "node:assert/strict";
import { test } from "node:test";
import { browser } from "./browser.js";

const chromium = browser();
const b = (): NonNullable<typeof chromium.value> => chromium.value as NonNullable<typeof chromium.value>;

test("run() waits for a page that awaits work which is neither a fetch nor a timer (reading a Blob)", { skip: chromium.skip }, async () => {
  // The former `--dump-dom --virtual-time-budget` run dumped this page before it wrote: with no fetch pending,
  // virtual time ran out at once, mid-read (as it could while a fetch's cut-short body was being failed).
  const page = `const b = await new Blob([new Uint8Array(32 << 20)]).arrayBuffer();
document.getElementById("out").textContent = JSON.stringify({ read: b.byteLength });`;
  assert.deepEqual(JSON.parse(await b().run(page)), { read: 32 << 20 });
});

test("run() rejects with the page's uncaught error instead of resolving to an empty text", { skip: chromium.skip }, async () => {
  await assert.rejects(b().run(`await Promise.resolve();\nthrow new RangeError("page broke at step 2");`), /the page threw: RangeError: page broke at step 2/);
});

test("run() rejects a page that writes nothing within budgetMs, naming the budget", { skip: chromium.skip }, async () => {
  await assert.rejects(b().run("await new Promise(() => {});", { budgetMs: 1_500 }), { message: 'the page wrote no output within 1500 ms (#out: "")' });
});
