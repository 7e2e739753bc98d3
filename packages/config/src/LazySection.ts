import { Masked, maskSecret, type SecretKind, secretKind } from "./maskSecret.js";
import type { SharedConfigProperty, SharedConfigSection } from "./parseSharedConfigFile.js";
import { BRACKET, commentStart, HASH, IDENTIFIER, isBlank, SEMI, trimEndAt, trimStartAt } from "./profileFileSyntax.js";

interface MutableProperty {
  value: string | Record<string, string>;
  raw: string;
  line: number;
  subLines?: Record<string, number>;
}


/**
 * A secret property (secret key, session token, access key id): readable like any other, but
 * `JSON.stringify` and `util.inspect` show it masked. A class, so creating one stays cheap.
 */
class SecretProperty extends Masked implements MutableProperty {
  declare value: string | Record<string, string>;
  declare raw: string;
  declare line: number;
  readonly #kind: SecretKind;

  constructor(value: string, line: number, kind: SecretKind) {
    super();
    this.value = value;
    this.raw = value;
    this.line = line;
    this.#kind = kind;
  }

  override toJSON(): { value: string; raw: string; line: number } {
    const text = maskSecret(typeof this.value === "string" ? this.value : this.raw, this.#kind);
    return { value: text, raw: text, line: this.line };
  }
}

/** Adds a continuation line `t` (trimmed) to `prop`: a sub-property in a sub-property block, else more value. */
function continueProperty(prop: MutableProperty, t: string, subBlock: boolean, lineNo: number): void {
  if (subBlock) {
    const body = t.slice(0, commentStart(t));
    const eq = body.indexOf("=");
    let subs = prop.value;
    if (typeof subs === "string") {
      subs = Object.create(null) as Record<string, string>;
      prop.value = subs;
      prop.subLines = Object.create(null) as Record<string, number>;
    }
    const key = body.slice(0, trimEndAt(body, 0, eq)).toLowerCase();
    subs[key] = body.slice(trimStartAt(body, eq + 1, body.length), trimEndAt(body, eq + 1, body.length));
    (prop.subLines as Record<string, number>)[key] = lineNo;
    prop.raw = `${prop.raw}\n${t}`;
  } else {
    prop.raw = `${prop.raw}\n${t}`;
    prop.value = prop.raw;
  }
}

/** Builds a section's properties from its lines (already validated by the scanner). */
function readProperties(text: string, segments: readonly number[]): Map<string, MutableProperty> {
  const out = new Map<string, MutableProperty>();
  const end = text.length;
  for (let g = 0; g < segments.length; g += 2) {
    let pos = segments[g] as number;
    let lineNo = segments[g + 1] as number;
    let subBlock = false;
    let prop: MutableProperty | null = null;
    while (pos < end) {
      let nl = text.indexOf("\n", pos);
      if (nl === -1) nl = end;
      let lineEnd = nl;
      if (lineEnd > pos && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
      const start = pos;
      pos = nl + 1;
      lineNo++;
      if (start === lineEnd) continue;
      const c0 = text.charCodeAt(start);
      if (isBlank(c0)) {
        const first = trimStartAt(text, start, lineEnd);
        if (first !== lineEnd && prop !== null) continueProperty(prop, text.slice(first, trimEndAt(text, first, lineEnd)), subBlock, lineNo);
        continue;
      }
      if (c0 === HASH || c0 === SEMI) continue;
      if (c0 === BRACKET) break; // the next header: the segment ends
      const line = text.slice(start, lineEnd);
      const cut = commentStart(line);
      const eq = line.indexOf("=");
      const vs = trimStartAt(line, eq + 1, cut);
      const v = line.slice(vs, trimEndAt(line, vs, cut));
      subBlock = v.length === 0;
      const rawKey = line.slice(0, trimEndAt(line, 0, eq));
      if (!IDENTIFIER.test(rawKey)) {
        prop = null; // an invalid name is ignored, with its continuation lines
        continue;
      }
      const key = rawKey.toLowerCase();
      const kind = secretKind(key);
      prop = kind === "none" ? { value: v, raw: v, line: lineNo } : new SecretProperty(v, lineNo, kind);
      out.set(key, prop);
    }
  }
  return out;
}

/**
 * A section of a parsed file: its lines are located by the scanner, and its properties are read
 * on first access. Duplicate sections are segments read in order, so the later property wins.
 */
export class LazySection implements SharedConfigSection {
  declare readonly name: string;
  declare readonly line: number;
  readonly #text: string;
  /** `[start, headerLine]` pairs: where the lines after each header of this section start (up to the next header). */
  readonly #segments: readonly number[];
  #properties: Map<string, MutableProperty> | undefined;

  constructor(name: string, line: number, text: string, segments: readonly number[]) {
    this.name = name;
    this.line = line;
    this.#text = text;
    this.#segments = segments;
  }

  get properties(): ReadonlyMap<string, SharedConfigProperty> {
    if (this.#properties === undefined) this.#properties = readProperties(this.#text, this.#segments);
    return this.#properties;
  }
}
