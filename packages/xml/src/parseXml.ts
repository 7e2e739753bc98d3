import type { XmlElement } from "./XmlElement.js";
import { XmlParseError } from "./XmlParseError.js";

interface Building {
  name: string;
  attributes: Record<string, string>;
  children: Building[];
  text: string;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
// '<' cannot start character data; XML 1.0 forbids the controls literally (references to them are accepted,
// as S3 and XML 1.1 do).
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const FORBIDDEN = /[<\0-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/;
const BLANK = /^[ \t\r\n]*$/;
// Sticky: matched at a given index. Names: ASCII letters, '_' and ':' first, then digits, '-', '.' too;
// any non-ASCII letter-ish character is accepted (XML's ranges, simplified).
const NAME = /[A-Za-z_:\u00c0-\ufffd][\w:.\-\u00b7\u00c0-\ufffd]*/y;
const SPACE = /[ \t\r\n]*/y;
let utf8: TextDecoder | undefined;

/**
 * Parses an AWS response body into its root element. Strict: one root, balanced tags, known entities only,
 * no DOCTYPE (so no entity expansion), nothing but whitespace, comments and processing instructions around the
 * root. Comments and processing instructions (including `<?xml …?>`) are skipped. Malformed input throws an
 * {@link XmlParseError} with its position. One pass, no recursion, linear in the input.
 */
export function parseXml(input: string | Uint8Array): XmlElement {
  const s = typeof input === "string" ? input : decode(input);
  const n = s.length;
  const stack: Building[] = [];
  let root: Building | undefined;
  let i = s.charCodeAt(0) === 0xfeff ? 1 : 0;
  const fail: (reason: string, at: number) => never = (reason, at) => {
    throw new XmlParseError(reason, s, at);
  };
  // Reads a name at `at`; returns its end.
  const nameEnd = (at: number): number => {
    NAME.lastIndex = at;
    return NAME.test(s) ? NAME.lastIndex : fail("expected a name", at);
  };
  const skipBlank = (at: number): number => {
    SPACE.lastIndex = at;
    SPACE.test(s);
    return SPACE.lastIndex;
  };
  const text = (from: number, to: number): string => {
    const raw = s.slice(from, to);
    const bad = raw.search(FORBIDDEN);
    if (bad !== -1) fail(raw.charCodeAt(bad) === 60 ? "'<' in attribute value" : "character not allowed in XML", from + bad);
    return raw.includes("&") ? decodeEntities(raw, from, fail) : raw;
  };
  const closeAt = (marker: string, from: number, what: string): number => {
    const end = s.indexOf(marker, from);
    return end === -1 ? fail(`unterminated ${what}`, from) : end;
  };

  while (i < n) {
    const lt = s.indexOf("<", i);
    const stop = lt === -1 ? n : lt;
    if (stop > i) {
      const top = stack[stack.length - 1];
      if (top) top.text += text(i, stop);
      else if (!BLANK.test(s.slice(i, stop))) fail("text outside the root element", i);
      i = stop;
      if (lt === -1) break;
    }
    const c = s.charCodeAt(i + 1);
    if (c === 47 /* / */) {
      const end = nameEnd(i + 2);
      const name = s.slice(i + 2, end);
      const top = stack.pop();
      if (top === undefined || top.name !== name) {
        fail(top ? `expected </${top.name}>, found </${name}>` : `unexpected </${name}>`, i);
      }
      const gt = skipBlank(end);
      if (s.charCodeAt(gt) !== 62) fail("expected '>'", gt);
      i = gt + 1;
    } else if (c === 33 /* ! */) {
      if (s.startsWith("<!--", i)) {
        i = closeAt("-->", i + 4, "comment") + 3;
      } else if (s.startsWith("<![CDATA[", i)) {
        const top = stack[stack.length - 1];
        if (!top) fail("CDATA outside the root element", i);
        const end = closeAt("]]>", i + 9, "CDATA section");
        top.text += s.slice(i + 9, end);
        i = end + 3;
      } else {
        fail("DOCTYPE and other declarations are not supported", i);
      }
    } else if (c === 63 /* ? */) {
      i = closeAt("?>", i + 2, "processing instruction") + 2;
    } else {
      const end = nameEnd(i + 1);
      const el: Building = { name: s.slice(i + 1, end), attributes: Object.create(null), children: [], text: "" };
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(el);
      else if (root) fail("more than one root element", i);
      else root = el;
      i = end;
      for (;;) {
        const at = skipBlank(i);
        const ch = s.charCodeAt(at);
        if (ch === 62 /* > */) {
          stack.push(el);
          i = at + 1;
          break;
        }
        if (ch === 47 /* / */) {
          if (s.charCodeAt(at + 1) !== 62) fail("expected '>'", at + 1);
          i = at + 2;
          break;
        }
        if (at === i) fail(at >= n ? "unterminated start tag" : "expected whitespace, '>' or '/>'", at);
        const ne = nameEnd(at);
        const attr = s.slice(at, ne);
        const eq = skipBlank(ne);
        if (s.charCodeAt(eq) !== 61 /* = */) fail("expected '='", eq);
        const q = skipBlank(eq + 1);
        const quote = s.charCodeAt(q);
        if (quote !== 34 && quote !== 39) fail("expected a quoted value", q);
        const close = s.indexOf(quote === 34 ? '"' : "'", q + 1);
        if (close === -1) fail("unterminated attribute value", q);
        if (attr in el.attributes) fail(`duplicate attribute ${attr}`, at);
        el.attributes[attr] = text(q + 1, close);
        i = close + 1;
      }
    }
  }
  const open = stack[stack.length - 1];
  if (open) fail(`unclosed element <${open.name}>`, n);
  return root ?? fail("no root element", n);
}

function decode(bytes: Uint8Array): string {
  utf8 ??= new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  try {
    return utf8.decode(bytes);
  } catch {
    throw new XmlParseError("invalid UTF-8", "", 0);
  }
}

// Any number of digits (XML 1.0 allows leading zeros); the range check below refuses what is too large.
const CHAR_REF = /^#(?:x([\dA-Fa-f]+)|(\d+))$/;

function decodeEntities(raw: string, base: number, fail: (reason: string, at: number) => never): string {
  let out = "";
  let last = 0;
  for (let amp = raw.indexOf("&"); amp !== -1; amp = raw.indexOf("&", last)) {
    const semi = raw.indexOf(";", amp);
    if (semi === -1) fail("unterminated entity", base + amp);
    const ref = raw.slice(amp + 1, semi);
    const num = ref.charCodeAt(0) === 35 ? CHAR_REF.exec(ref) : null;
    const cp = num ? Number(num[1] ? `0x${num[1]}` : num[2]) : -1;
    const ch = num
      ? cp > 0 && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff)
        ? String.fromCodePoint(cp)
        : undefined
      : Object.hasOwn(ENTITIES, ref)
        ? ENTITIES[ref]
        : undefined;
    out += raw.slice(last, amp) + (ch ?? fail(`unknown entity &${ref.slice(0, 16)};`, base + amp));
    last = semi + 1;
  }
  return out + raw.slice(last);
}
