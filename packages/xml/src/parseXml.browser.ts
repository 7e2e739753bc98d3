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
      'this runtime has no DOMParser (a Web Worker?): bundle @sessionkit/xml with the "worker" condition for its own parser',
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
    const lines = s.split("\n");
    const line = Math.min(Number(at?.[1] ?? lines.length), lines.length);
    let offset = at ? Number(at[2]) - 1 : (lines[line - 1] as string).length;
    for (let i = 0; i < line - 1; i++) offset += (lines[i] as string).length + 1;
    throw new XmlParseError(doc === undefined ? "no root element" : "not well-formed", s, Math.min(offset, s.length));
  }
  if (doc.doctype) throw new XmlParseError("DOCTYPE and other declarations are not supported", s, s.indexOf("<!"));
  return convert(doc.documentElement as Element);
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

/** The DOM tree as plain elements; a loop, not recursion, so deep documents cannot overflow the stack. */
function convert(root: Element): XmlElement {
  const top = shell(root);
  // Per open element: the next child node to read, and the element being built.
  const open: [ChildNode | null, Building][] = [[root.firstChild, top]];
  while (open.length > 0) {
    const at = open[open.length - 1] as [ChildNode | null, Building];
    const n = at[0];
    if (n === null) {
      open.pop();
      continue;
    }
    at[0] = n.nextSibling;
    // 1 element, 3 text, 4 CDATA; comments and processing instructions are skipped.
    if (n.nodeType === 1) {
      const el = shell(n as Element);
      at[1].children.push(el);
      open.push([n.firstChild, el]);
    } else if (n.nodeType === 3 || n.nodeType === 4) at[1].text += (n as CharacterData).data;
  }
  return top;
}

function shell(el: Element): Building {
  const attributes: Record<string, string> = Object.create(null);
  for (const a of Array.from(el.attributes)) attributes[a.name] = a.value;
  return { name: el.tagName, attributes, children: [], text: "" };
}
