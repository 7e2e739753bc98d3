import assert from "node:assert/strict";
import { test } from "node:test";
import { childElement, childElements } from "./childElement.js";
import { childText } from "./childText.js";
import { parseXml } from "./parseXml.js";
import type { XmlElement } from "./XmlElement.js";
import { XmlParseError } from "./XmlParseError.js";

/** The tree as plain data, for deepEqual. */
function plain(el: XmlElement): unknown {
  const out: Record<string, unknown> = { name: el.name };
  if (Object.keys(el.attributes).length > 0) out.attributes = { ...el.attributes };
  if (el.text !== "") out.text = el.text;
  if (el.children.length > 0) out.children = el.children.map(plain);
  return out;
}

const S3_LIST = `<?xml version="1.0" encoding="UTF-8"?>
<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>bucket</Name><Prefix/><KeyCount>2</KeyCount><IsTruncated>false</IsTruncated><Contents><Key>a &amp; b.txt</Key><ETag>&quot;9b2cf535f27731c974343645a3985328&quot;</ETag><Size>7</Size></Contents><Contents><Key>caf&#xE9;/&#128512;</Key><Size>0</Size></Contents></ListBucketResult>`;

test("an S3 ListObjectsV2 body parses into elements with decoded text", () => {
  const root = parseXml(S3_LIST);
  assert.equal(root.name, "ListBucketResult");
  assert.equal(root.attributes.xmlns, "http://s3.amazonaws.com/doc/2006-03-01/");
  assert.deepEqual(
    childElements(root, "Contents").map((c) => [childText(c, "Key"), childText(c, "ETag"), childText(c, "Size")]),
    [
      ["a & b.txt", '"9b2cf535f27731c974343645a3985328"', "7"],
      ["café/😀", undefined, "0"],
    ],
  );
  assert.equal(childText(root, "Prefix"), "", "an empty element gives an empty string");
  assert.equal(childText(root, "Missing"), undefined);
  assert.equal(childText(root, "IsTruncated"), "false");
});

test("an STS Query response (RGW style: no prolog, no xmlns) and a Query error parse", () => {
  const ok = parseXml(
    "<AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>Q3A7Z</AccessKeyId>" +
      "<Expiration>2026-11-27T13:22:48.092820277Z</Expiration></Credentials></AssumeRoleResult></AssumeRoleResponse>",
  );
  const creds = childElement(childElement(ok, "AssumeRoleResult") as XmlElement, "Credentials") as XmlElement;
  assert.deepEqual([childText(creds, "AccessKeyId"), childText(creds, "Expiration")], [
    "Q3A7Z",
    "2026-11-27T13:22:48.092820277Z",
  ]);

  const err = parseXml(`<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <Error>
    <Type>Sender</Type>
    <Code>AccessDenied</Code>
    <Message>User: arn:aws:iam::123:user/x is not authorized</Message>
  </Error>
  <RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId>
</ErrorResponse>
`);
  const e = childElement(err, "Error") as XmlElement;
  assert.deepEqual([childText(e, "Code"), childText(err, "RequestId")], [
    "AccessDenied",
    "c6104cbe-af31-11e0-8154-cbc7ccf896c7",
  ]);
  assert.equal(err.text, "\n  \n  \n", "whitespace between children is the parent's own text, untrimmed");
});

test("CDATA, comments, processing instructions, prefixes, both quote styles, BOM and bytes", () => {
  const xml =
    "\ufeff<?xml version='1.0'?><!-- head --><s3:R xmlns:s3='urn:x' a=\"1\" b = 'x&apos;y&lt;'>" +
    "t1<![CDATA[<raw & stuff>]]><!-- inside --><?pi data?><s3:C/>t2</s3:R><!-- tail -->\n";
  const expected = {
    name: "s3:R",
    attributes: { "xmlns:s3": "urn:x", a: "1", b: "x'y<" },
    text: "t1<raw & stuff>t2",
    children: [{ name: "s3:C" }],
  };
  assert.deepEqual(plain(parseXml(xml)), expected);
  assert.deepEqual(plain(parseXml(new TextEncoder().encode(xml))), expected);
});

test("attribute names that look like Object.prototype members are plain data", () => {
  const el = parseXml('<a __proto__="p" constructor="c" toString="t"/>');
  assert.deepEqual(Object.entries(el.attributes), [
    ["__proto__", "p"],
    ["constructor", "c"],
    ["toString", "t"],
  ]);
  assert.equal(Object.getPrototypeOf(el.attributes), null);
});

test("character references may have leading zeros, as XML 1.0 allows; out-of-range ones still fail", () => {
  assert.equal(parseXml("<a>&#x0000041;&#0000066;&#x00000001F600;</a>").text, "AB\u{1F600}");
  const reasons = ["<a>&#x000000000000000000110000;</a>", `<a>&#${"9".repeat(400)};</a>`, `<a>&#x${"f".repeat(400)};</a>`].map((xml) => {
    try {
      return parseXml(xml).text;
    } catch (e) {
      return e instanceof XmlParseError ? e.message.replace(/^.*: /, "") : String(e);
    }
  });
  assert.deepEqual(reasons, ["unknown entity &#x00000000000000;", "unknown entity &#999999999999999;", "unknown entity &#xffffffffffffff;"]);
});

/** Malformed documents and where the error must point. */
const MALFORMED: [string, string, string][] = [
  ["", "no root element", "1:1"],
  ["   \n ", "no root element", "2:2"],
  ["hello", "text outside the root element", "1:1"],
  ["<a>", "unclosed element <a>", "1:4"],
  ["<a></b>", "expected </a>, found </b>", "1:4"],
  ["</a>", "unexpected </a>", "1:1"],
  ["<a/><b/>", "more than one root element", "1:5"],
  ["<a/>x", "text outside the root element", "1:5"],
  ["<a>\n<1/></a>", "expected a name", "2:2"],
  ['<a b="1"c="2"/>', "expected whitespace, '>' or '/>'", "1:9"],
  ['<a b="1" b="2"/>', "duplicate attribute b", "1:10"],
  ["<a b=1/>", "expected a quoted value", "1:6"],
  ['<a b="1/>', "unterminated attribute value", "1:6"],
  ['<a b="<"/>', "'<' in attribute value", "1:7"],
  ["<a b>", "expected '='", "1:5"],
  ["<a/ >", "expected '>'", "1:4"],
  ["<a></a x>", "expected '>'", "1:8"],
  ["<a", "unterminated start tag", "1:3"],
  ["<a>&bogus;</a>", "unknown entity &bogus;", "1:4"],
  ["<a>&constructor;</a>", "unknown entity &constructor;", "1:4"],
  ["<a>&#0;</a>", "unknown entity &#0;", "1:4"],
  ["<a>&#xD800;</a>", "unknown entity &#xD800;", "1:4"],
  ["<a>&#x110000;</a>", "unknown entity &#x110000;", "1:4"],
  ["<a>&#xZZ;</a>", "unknown entity &#xZZ;", "1:4"],
  ["<a>a & b</a>", "unterminated entity", "1:6"],
  ["<a>\u0001</a>", "character not allowed in XML", "1:4"],
  ["<a><!-- x</a>", "unterminated comment", "1:8"],
  ["<a><![CDATA[x</a>", "unterminated CDATA section", "1:13"],
  ["<![CDATA[x]]><a/>", "CDATA outside the root element", "1:1"],
  ["<?xml version='1.0'", "unterminated processing instruction", "1:3"],
  ['<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>', "DOCTYPE and other declarations are not supported", "1:1"],
];

test("malformed input throws XmlParseError naming the fault and its line:column", () => {
  const got = MALFORMED.map(([xml]) => {
    try {
      parseXml(xml);
      return ["parsed", ""];
    } catch (e) {
      assert.ok(e instanceof XmlParseError, `not an XmlParseError for ${JSON.stringify(xml)}: ${e}`);
      assert.equal(e.code, "SerializationError");
      const reason = e.message.replace(/^SerializationError: failed to parse XML at line \d+, column \d+: /, "");
      return [reason, `${e.line}:${e.column}`];
    }
  });
  assert.deepEqual(
    got,
    MALFORMED.map(([, reason, pos]) => [reason, pos]),
  );
});

test("invalid UTF-8 bytes are an XmlParseError", () => {
  assert.throws(() => parseXml(new Uint8Array([0x3c, 0x61, 0x3e, 0xff, 0x3c, 0x2f, 0x61, 0x3e])), XmlParseError);
});

test("deep nesting does not overflow the stack", () => {
  const depth = 200_000;
  const root = parseXml(`${"<d>".repeat(depth)}x${"</d>".repeat(depth)}`);
  let el: XmlElement | undefined = root;
  let levels = 0;
  while (el?.children[0]) {
    el = el.children[0];
    levels++;
  }
  assert.deepEqual([levels + 1, el?.text], [depth, "x"]);
});

test("pathological inputs stay linear: a time budget shared by large adversarial documents", () => {
  const n = 100_000;
  const cases = [
    `<a${Array.from({ length: n }, (_, k) => ` a${k}="v"`).join("")}/>`, // many attributes
    `<a>${"&amp;".repeat(n)}</a>`, // many entities
    `<a>${"&".repeat(n)}</a>`, // many broken entities
    `<a>${"<!-- -->".repeat(n)}</a>`, // many comments
    `<a>${"<b/>".repeat(n)}</a>`, // many siblings
    `<a b="${"x".repeat(n * 10)}`, // unterminated huge value
    `<!--${"-".repeat(n * 10)}`, // unterminated comment of dashes
  ];
  const start = performance.now();
  const outcomes = cases.map((c) => {
    try {
      parseXml(c);
      return "ok";
    } catch (e) {
      return e instanceof XmlParseError ? "XmlParseError" : "other";
    }
  });
  const ms = performance.now() - start;
  assert.deepEqual(outcomes, ["ok", "ok", "XmlParseError", "ok", "ok", "XmlParseError", "XmlParseError"]);
  assert.ok(ms < 2_000, `took ${ms} ms`);
});
