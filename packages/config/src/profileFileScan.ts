import { Masked, maskSecret, type SecretKind, secretKind } from "./maskSecret.js";
import { BRACKET, CLOSE, commentStart, HASH, IDENTIFIER, isBlank, SEMI, SPACE, TAB, trimEndAt, trimStartAt } from "./profileFileSyntax.js";

/** A property as the reader builds it (continuation lines extend it). */
export interface MutableProperty {
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



const NO_PROFILE = "Expected a profile definition";

/**
 * A continuation line `t` (trimmed); `state` is scan's propState, or -1 before any section. Checks it, and when
 * reading adds it to `prop`: a sub-property in a sub-property block, else more value.
 */
function continuation(t: string, state: number, lineNo: number, fail: (reason: string, line: number) => never, prop: MutableProperty | null): void {
  if (state === -1) fail(NO_PROFILE, lineNo);
  if (state === 0) fail("Expected a property definition, found continuation", lineNo);
  if (state === 1) {
    if (prop !== null) prop.value = prop.raw = `${prop.raw}\n${t}`;
    return;
  }
  const body = t.slice(0, commentStart(t));
  const eq = body.indexOf("=");
  if (eq === -1) fail("Expected an '=' sign defining a sub-property", lineNo);
  if (eq === 0) fail("Sub-property did not have a name", lineNo);
  if (prop === null) return;
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
}

/**
 * The one walk over profile-file lines, in two modes. Validating (no `props`): checks the text from `pos` to its end
 * and returns its section headers as `[lineStart, headerEnd, lineNo, bodyStart]` quadruples; allocation-free per
 * line: `#`, `;` and `=` are found with forward-only `indexOf` pointers (each moves across the text once, so the
 * pass stays linear), and a line is copied only when it holds a comment character or is a sub-property line.
 * Reading (`props` given): reads the properties of already-validated lines from `pos` (after the header on line
 * `lineNo`) up to the next header into `props`; comments are then found within each line, since a forward
 * pointer could run to the end of a large file for every section read.
 */
export function scan(
  text: string,
  fail: (reason: string, line: number) => never,
  pos: number,
  lineNo: number,
  props?: Map<string, MutableProperty>,
): number[] {
  const headers: number[] = [];
  const reading = props !== undefined;
  let inSection = reading; // false until the first header: "Expected a profile definition"
  let propState = 0; // 0: no property yet, 1: value property, 2: sub-property block
  let prop: MutableProperty | null = null; // reading: the property continuation lines add to
  let nextHash = reading ? -1 : -2; // next `#` at or after the current line; -2: not searched yet, -1: none left
  let nextSemi = nextHash;
  let nextEq = -2;
  const end = text.length;
  while (pos <= end) {
    let nl = text.indexOf("\n", pos);
    if (nl === -1) nl = end;
    let lineEnd = nl;
    if (lineEnd > pos && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
    lineNo++;
    const start = pos;
    pos = nl + 1;
    if (start === lineEnd) continue;
    const c0 = text.charCodeAt(start);

    if (c0 === SPACE || c0 === TAB) {
      // A blank line (skipped wherever it is), or a continuation of the property above (rare: checked apart).
      let first = start + 1;
      while (first < lineEnd && isBlank(text.charCodeAt(first))) first++;
      if (first !== lineEnd) continuation(text.slice(first, trimEndAt(text, first, lineEnd)), inSection ? propState : -1, lineNo, fail, prop);
      continue;
    }
    if (c0 === HASH || c0 === SEMI) continue; // comment line

    if (nextHash !== -1 && nextHash < start) nextHash = text.indexOf("#", start);
    if (nextSemi !== -1 && nextSemi < start) nextSemi = text.indexOf(";", start);
    const hashHere = nextHash !== -1 && nextHash < lineEnd;
    const semiHere = nextSemi !== -1 && nextSemi < lineEnd;

    if (c0 === BRACKET) {
      if (reading) break; // the next header: this section's lines end
      // Header: cut at the first # or ; (no whitespace needed), trim, then it must end with `]`.
      let e = lineEnd;
      if (hashHere) e = nextHash;
      if (semiHere && nextSemi < e) e = nextSemi;
      while (e > start && isBlank(text.charCodeAt(e - 1))) e--;
      if (e - start < 2 || text.charCodeAt(e - 1) !== CLOSE) fail("Profile definition must end with ']'", lineNo);
      headers.push(start, e, lineNo, pos);
      inSection = true;
      propState = 0;
      continue;
    }

    // Property line: `key = value`, split at the first `=` before any comment.
    if (!inSection) fail(NO_PROFILE, lineNo);
    const cut = hashHere || semiHere || reading ? start + commentStart(text.slice(start, lineEnd)) : lineEnd;
    if (nextEq !== -1 && nextEq < start) nextEq = text.indexOf("=", start);
    if (nextEq === -1 || nextEq >= cut) fail("Expected an '=' sign defining a property", lineNo);
    if (nextEq === start) fail("Property did not have a name", lineNo);
    let vs = nextEq + 1;
    while (vs < cut && isBlank(text.charCodeAt(vs))) vs++;
    propState = vs === cut ? 2 : 1;
    if (reading) prop = addProperty(props, text.slice(start, trimEndAt(text, start, nextEq)), text.slice(vs, trimEndAt(text, vs, cut)), lineNo);
  }
  return headers;
}

/** Records property `rawKey = v` (line `lineNo`), or returns `null` for an invalid name (ignored, with its continuation lines). */
function addProperty(props: Map<string, MutableProperty>, rawKey: string, v: string, lineNo: number): MutableProperty | null {
  if (!IDENTIFIER.test(rawKey)) return null;
  const key = rawKey.toLowerCase();
  const kind = secretKind(key);
  const prop = kind === "none" ? { value: v, raw: v, line: lineNo } : new SecretProperty(v, lineNo, kind);
  props.set(key, prop);
  return prop;
}

