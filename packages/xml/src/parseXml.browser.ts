import { SdkError } from "@sessionkit/errors";
import type { XmlElement } from "./XmlElement.js";
import { XmlParseError } from "./XmlParseError.js";

let utf8: TextDecoder | undefined;
// Where a platform's report puts the fault: Chrome/Safari "line 1 at column 5", Firefox "Line Number 1,
// Column 5", xmldom "[line:1,col:5]".
const AT = /line(?: number)?\W{0,2}(\d+)\D{1,12}?(\d+)/i;

/**
 * The browser build's `parseXml`: the platform's `DOMParser` reads the document (as the JS SDKs do in
 * browsers), and this turns it into the same {@link XmlElement} tree as the Node build. Malformed input, and
 * any DOCTYPE, throw {@link XmlParseError}; the reason and position come from the platform's report, never the
 * document's text. A runtime without `DOMParser` (a Web Worker, a service worker) gets a typed
 * `DOMParserUnavailable` error: workers should be bundled with the `worker` (or `workerd`) condition, which picks
 * the build with the package's own parser.
 */
export function parseXml(input: string | Uint8Array): XmlElement {
  if (typeof DOMParser !== "function") {
    throw new SdkError(
      "DOMParserUnavailable",
      'no DOMParser (a Web Worker?): bundle @sessionkit/xml with the "worker" condition',
    );
  }
  let s = input;
  if (typeof s !== "string") {
    utf8 ??= new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
    try {
      s = utf8.decode(s);
    } catch {
      throw new XmlParseError("invalid UTF-8", "", 0);
    }
  }
  if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
  const doc = s.trim() ? parse(s) : undefined;
  if (typeof doc !== "object") {
    // Only the position is taken from the report: its text may quote the document.
    const at = AT.exec(doc ?? "");
    let offset = s.length;
    if (at) {
      // The start of the reported line (of the last line when the report names one past the end).
      let start = 0;
      for (let line = +(at[1] as string); --line > 0 && s.includes("\n", start); ) start = s.indexOf("\n", start) + 1;
      offset = Math.min(start + +(at[2] as string) - 1, offset);
    }
    throw new XmlParseError(doc === undefined ? "no root element" : "not well-formed", s, offset);
  }
  if (doc.doctype) throw new XmlParseError("DOCTYPE and other declarations are not supported", s, s.indexOf("<!"));
  return convert(doc);
}

/** The document, or the platform's error report as text (a `<parsererror>` element, or what it threw). */
function parse(s: string): Document | string {
  let doc: Document;
  try {
    doc = new DOMParser().parseFromString(s, "application/xml");
  } catch (e) {
    return String((e as Error | undefined)?.message ?? e);
  }
  const report = doc.getElementsByTagName("parsererror")[0];
  return report || !doc.documentElement ? (report?.textContent ?? "") : doc;
}

interface Building {
  name: string;
  attributes: Record<string, string>;
  children: Building[];
  text: string;
}

/**
 * The DOM tree as plain elements. Breadth first over a queue that grows while it is read (no recursion, so deep
 * documents cannot overflow the stack); each element's children still come in document order. The document
 * node is the first parent: of its children only the root element is kept (comments and processing
 * instructions are skipped, and a document has no text nodes).
 */
function convert(doc: Document): XmlElement {
  const top: Pick<Building, "children" | "text"> = { children: [], text: "" };
  const queue: [Node, Pick<Building, "children" | "text">][] = [[doc, top]];
  for (const [node, into] of queue) {
    for (let n = node.firstChild; n; n = n.nextSibling) {
      // 1 element, 3 text, 4 CDATA.
      if (n.nodeType === 1) {
        const attributes: Record<string, string> = Object.create(null);
        for (const a of Array.from((n as Element).attributes)) attributes[a.name] = a.value;
        const el: Building = { name: (n as Element).tagName, attributes, children: [], text: "" };
        into.children.push(el);
        queue.push([n, el]);
      } else if (n.nodeType === 3 || n.nodeType === 4) into.text += (n as CharacterData).data;
    }
  }
  return top.children[0] as XmlElement;
}
