import assert from "node:assert/strict";
import { getEventListeners } from "node:events";
import { test } from "node:test";
import { onAbort } from "./onAbort.js";
import { onAbort as onAbortBrowser } from "./onAbort.browser.js";

test("onAbort: one listener per signal; a call removed by an earlier one's abort handler is not called; the last removal detaches", () => {
  const ac = new AbortController();
  const ran: string[] = [];
  const b = (): number => ran.push("b");
  const a = (): void => {
    ran.push("a");
    onAbort(ac.signal, b);
  };
  onAbort(ac.signal, a, true);
  onAbort(ac.signal, b, true);
  onAbort(undefined, a, true); // no signal: nothing to do
  assert.equal(getEventListeners(ac.signal, "abort").length, 1);
  ac.abort();
  assert.deepEqual(ran, ["a"]);
  assert.equal(getEventListeners(ac.signal, "abort").length, 0);
  const other = new AbortController();
  onAbort(other.signal, a, true);
  onAbort(other.signal, b, true);
  onAbort(other.signal, a);
  assert.equal(getEventListeners(other.signal, "abort").length, 1);
  onAbort(other.signal, b);
  assert.equal(getEventListeners(other.signal, "abort").length, 0);
});

test("onAbort runs functions and handleEvent objects alike, each once, with the abort event", () => {
  const ac = new AbortController();
  const ran: string[] = [];
  const object = { handleEvent: (e: Event) => ran.push(`object ${e.type}`) };
  const fn = (e: Event): number => ran.push(`function ${e.type}`);
  onAbort(ac.signal, object, true);
  onAbort(ac.signal, fn, true);
  onAbort(ac.signal, fn, true); // a Set: the same listener twice runs once, as EventTarget does
  ac.abort();
  ac.signal.dispatchEvent(new Event("abort")); // the one listener was `once`
  assert.deepEqual(ran, ["object abort", "function abort"]);
});

test("the browser twin (a listener per call) runs the same listeners as the Node build, functions and objects", () => {
  const told: string[] = [];
  for (const [name, listen] of [
    ["node", onAbort],
    ["browser", onAbortBrowser],
  ] as const) {
    const ac = new AbortController();
    const stays = { handleEvent: () => told.push(`${name} object stays`) };
    const leaves = { handleEvent: () => told.push(`${name} object leaves`) };
    const fn = (): number => told.push(`${name} function stays`);
    listen(ac.signal, stays, true);
    listen(ac.signal, leaves, true);
    listen(ac.signal, fn, true);
    listen(undefined, stays, true);
    listen(ac.signal, leaves);
    ac.abort();
  }
  assert.deepEqual(told, ["node object stays", "node function stays", "browser object stays", "browser function stays"]);
});
