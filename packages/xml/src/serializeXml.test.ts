import assert from "node:assert/strict";
import { test } from "node:test";
import { escapeXml } from "./escapeXml.js";
import { parseXml } from "./parseXml.js";
import { serializeXml } from "./serializeXml.js";
import { xmlNode } from "./xmlNode.js";

test("escapeXml escapes markup, quotes and control characters (CR and LF as S3 asks)", () => {
  assert.equal(escapeXml(`a&b<c>d"e'f`), "a&amp;b&lt;c&gt;d&quot;e&apos;f");
  assert.equal(escapeXml("line1\r\nline2\tx\u0001"), "line1&#13;&#10;line2&#9;x&#1;");
  assert.equal(escapeXml("plain key/with spaces é"), "plain key/with spaces é");
});

test("a DeleteObjects body is built with escaped keys and parses back to the same keys", () => {
  const keys = ["a&b.txt", "<weird>", "quote\"'", "new\nline", "photos/2024/ok.jpg"];
  const body = serializeXml(
    xmlNode("Delete", [...keys.map((k) => xmlNode("Object", [xmlNode("Key", k)])), xmlNode("Quiet", "true")], {
      xmlns: "http://s3.amazonaws.com/doc/2006-03-01/",
    }),
    { declaration: true },
  );
  assert.equal(
    body,
    '<?xml version="1.0" encoding="UTF-8"?><Delete xmlns="http://s3.amazonaws.com/doc/2006-03-01/">' +
      "<Object><Key>a&amp;b.txt</Key></Object><Object><Key>&lt;weird&gt;</Key></Object>" +
      "<Object><Key>quote&quot;&apos;</Key></Object><Object><Key>new&#10;line</Key></Object>" +
      "<Object><Key>photos/2024/ok.jpg</Key></Object><Quiet>true</Quiet></Delete>",
  );
  const parsed = parseXml(body);
  assert.deepEqual(
    parsed.children.filter((c) => c.name === "Object").map((o) => o.children[0]?.text),
    keys,
  );
});

test("empty elements are self-closed and attributes are escaped", () => {
  assert.equal(serializeXml(xmlNode("A", undefined, { q: 'say "hi" & <go>' })), '<A q="say &quot;hi&quot; &amp; &lt;go&gt;"/>');
  assert.equal(serializeXml(xmlNode("A", "")), "<A/>");
  assert.equal(serializeXml(xmlNode("A", [])), "<A/>");
});
