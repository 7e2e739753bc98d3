import assert from "node:assert/strict";
import { test } from "node:test";
import { readBody, readText } from "./readBody.js";
import { utf8Length } from "./utf8.js";

async function* chunks(...parts: string[]): AsyncIterable<Uint8Array> {
  for (const p of parts) yield new TextEncoder().encode(p);
}

test("readBody joins an iterable body's chunks in order; one chunk comes back as is; none is empty", async () => {
  assert.deepEqual([...(await readBody(chunks("ab", "", "cdé", "f")))], [...new TextEncoder().encode("abcdéf")]);
  const only = new Uint8Array([1, 2, 3]);
  assert.equal(await readBody((async function* () { yield only; })()), only);
  assert.deepEqual([(await readBody(chunks())).byteLength, (await readBody(undefined)).byteLength], [0, 0]);
  assert.equal(await readText(chunks("x", "y")), "xy");
});

test("utf8Length counts UTF-8 bytes: 1–4 per character, a lone surrogate as U+FFFD (3)", () => {
  assert.deepEqual(
    ["", "abc", "é", "€", "😀", "a\uD800b", "\uDC00"].map(utf8Length),
    [0, 3, 2, 3, 4, 5, 3],
  );
});
