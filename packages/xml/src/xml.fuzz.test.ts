import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { parseXml } from "./parseXml.js";
import { serializeXml, type XmlElementInput } from "./serializeXml.js";
import type { XmlElement } from "./XmlElement.js";
import { XmlParseError } from "./XmlParseError.js";

const numRuns = Number(process.env.FUZZ_RUNS ?? 500);
const params = { seed: 0x5e55, numRuns };
// Whole-tree properties cost ~0.2 ms a run (40 s at `pnpm fuzz`'s 200,000): a quarter keeps the whole fuzz run short.
const heavy = { seed: 0x5e55, numRuns: Math.max(500, Math.floor(numRuns / 4)) };

const nameArb = fc.stringMatching(/^[A-Za-z_:][A-Za-z0-9_:.-]{0,8}$/);
// Any text the writer can express (everything but NUL), biased towards what needs escaping.
const textArb = fc
  .array(
    fc.oneof(
      fc.string({ unit: "grapheme", maxLength: 4 }),
      fc.constantFrom("&", "<", ">", '"', "'", "\r\n", "\r", "\t", "\u0001", "\u001f", "\uffff", "]]>", "&amp;", "&#65;"),
    ),
    { maxLength: 5 },
  )
  .map((parts) => parts.join("").replace(/\0/g, ""));

const treeArb: fc.Arbitrary<XmlElementInput> = fc.letrec<{ el: XmlElementInput }>((tie) => ({
  el: fc.record({
    name: nameArb,
    attributes: fc.dictionary(nameArb, textArb, { maxKeys: 3, noNullPrototype: true }),
    text: textArb,
    children: fc.oneof({ depthSize: "small", withCrossShrink: true }, fc.constant([]), fc.array(tie("el"), { maxLength: 4 })),
  }),
})).el;

/** The tree as the parser reports it: attributes as plain objects, text "" when absent. */
function normal(el: XmlElementInput | XmlElement): unknown {
  return {
    name: el.name,
    attributes: { ...(el.attributes ?? {}) },
    text: el.text ?? "",
    children: (el.children ?? []).map(normal),
  };
}

test("fuzz: serialize a random tree, parse it back, get the same tree", () => {
  fc.assert(
    fc.property(treeArb, (tree) => {
      assert.deepEqual(normal(parseXml(serializeXml(tree))), normal(tree));
      // The same through bytes.
      assert.deepEqual(normal(parseXml(new TextEncoder().encode(serializeXml(tree, { declaration: true })))), normal(tree));
    }),
    heavy,
  );
});

function onlyParseErrors(input: string | Uint8Array): void {
  try {
    parseXml(input);
  } catch (e) {
    if (!(e instanceof XmlParseError)) throw e;
    assert.ok(e.offset >= 0 && e.line >= 1 && e.column >= 1);
  }
}

test("fuzz: random bytes give a tree or an XmlParseError, nothing else", () => {
  fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), onlyParseErrors), params);
});

test("fuzz: random markup-heavy strings give a tree or an XmlParseError, nothing else", () => {
  const piece = fc.constantFrom("<", ">", "/", "=", '"', "'", "&", ";", "#x", "!--", "-->", "<![CDATA[", "]]>", "?", "a", " ", "\n", "&amp;", "&#65;");
  fc.assert(fc.property(fc.array(piece, { maxLength: 60 }).map((a) => a.join("")), onlyParseErrors), params);
});

test("fuzz: valid documents cut or spliced at random give a tree or an XmlParseError", () => {
  fc.assert(
    fc.property(treeArb, fc.nat(), fc.nat(), fc.string({ maxLength: 4 }), (tree, a, b, insert) => {
      const xml = serializeXml(tree);
      const i = a % (xml.length + 1);
      const j = i + (b % (xml.length - i + 1));
      onlyParseErrors(xml.slice(0, i) + insert + xml.slice(j));
    }),
    heavy,
  );
});
