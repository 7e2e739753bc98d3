// The browser build (`dist/index.browser.js`, the `browser` export condition) swaps a few modules for their
// `.browser.ts` twins: each must give what the Node build's module gives.
import assert from "node:assert/strict";
import { test } from "node:test";
import { readStream } from "./readStream.js";
import { readStream as readStreamBrowser } from "./readStream.browser.js";
import { USER_AGENT } from "./userAgent.js";
import { utf8Length } from "./utf8.js";
import { utf8Length as utf8LengthBrowser } from "./utf8.browser.js";

test("utf8Length: the browser twin counts what the Node module counts", () => {
  const texts = ["", "abc", "é", "€", "😀", "a\uD800b", "\uDC00", `${"x".repeat(200)}é`];
  assert.deepEqual(texts.map(utf8LengthBrowser), texts.map(utf8Length));
});

test("readStream: the browser twin joins the chunks the Node module joins", async () => {
  async function* chunks(...parts: number[][]) {
    for (const p of parts) yield new Uint8Array(p);
  }
  const cases = [[], [[1, 2]], [[1], [], [2, 3], [4]]];
  const node = await Promise.all(cases.map(async (parts) => [...(await readStream(chunks(...parts)))]));
  const browser = await Promise.all(cases.map(async (parts) => [...(await readStreamBrowser(chunks(...parts)))]));
  assert.deepEqual(browser, node);
  assert.deepEqual(node, [[], [1, 2], [1, 2, 3, 4]]);
});

test("the built browser twin of the user agent says `browser` where the Node build names Node's version", async () => {
  const browser = (await import(new URL("../dist/index.browser.js", import.meta.url).href)) as { USER_AGENT: string; SDK_VERSION: string };
  assert.equal(browser.USER_AGENT, `sessionkit/${browser.SDK_VERSION} browser`);
  assert.match(USER_AGENT, /^sessionkit\/\S+ node\/\d+\.\d+\.\d+$/);
});
