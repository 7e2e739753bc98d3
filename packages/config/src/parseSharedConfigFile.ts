import { BRACKET, CLOSE, commentStart, HASH, IDENTIFIER, isBlank, SEMI, SPACE, TAB } from "./profileFileSyntax.js";
import { ParsedFile } from "./SectionIndex.js";
import { SharedConfigParseError } from "./SharedConfigParseError.js";

/**
 * How section headers are read:
 * - `config` (`~/.aws/config`): `[profile NAME]`, `[default]`, `[sso-session NAME]`, `[services NAME]`;
 *   `[profile default]` hides every `[default]` of the same file.
 * - `credentials` (`~/.aws/credentials`): `[NAME]` only.
 * - `any`: a file given by path with no kind (Go's `SharedConfigFiles`): both `[NAME]` and
 *   `[profile NAME]`, and `[NAME]` wins when both exist (Go v1's lookup order).
 */
export type SharedConfigFileKind = "config" | "credentials" | "any";

/** Sub-properties: `s3 =` followed by indented `key = value` lines. */
export type SubProperties = Readonly<Record<string, string>>;

/** One property of a section, with the line that set it. */
export interface SharedConfigProperty {
  /** The value: a string, or the sub-properties when the key had an empty value and indented lines. */
  readonly value: string | SubProperties;
  /** The cross-SDK raw form: the same string, or `"\nkey = value\n…"` for sub-properties. */
  readonly raw: string;
  /** 1-based line of the key (0 when the data did not come from text). */
  readonly line: number;
  /** For sub-properties: the line of each sub-key. */
  readonly subLines?: Readonly<Record<string, number>>;
}

/** A section after duplicates were merged (the later property wins). */
export interface SharedConfigSection {
  readonly name: string;
  /** Line of the first header that opened it. */
  readonly line: number;
  /** Keys are lower-cased. */
  readonly properties: ReadonlyMap<string, SharedConfigProperty>;
}

/** One parsed file, indexed by name so lookups never rescan. */
export interface ParsedSharedConfigFile {
  readonly path: string | undefined;
  readonly kind: SharedConfigFileKind;
  /** Profiles by name, after the kind's rules (`[profile default]` over `[default]`, …). */
  readonly profiles: ReadonlyMap<string, SharedConfigSection>;
  readonly ssoSessions: ReadonlyMap<string, SharedConfigSection>;
  readonly services: ReadonlyMap<string, SharedConfigSection>;
}

export interface ParseSharedConfigFileOptions {
  readonly kind: SharedConfigFileKind;
  /** The file's path, named by errors and kept for provenance. */
  readonly path?: string;
}

/** True for a valid profile, section or property name (ASCII letters, digits and `_ - / . % @ : +`). */
export function isIdentifier(s: string): boolean {
  return IDENTIFIER.test(s);
}

/** A continuation line (`text` from `first` to `end`); `state` is scan's propState, or -1 before any section. */
function checkContinuation(
  text: string,
  first: number,
  end: number,
  state: number,
  lineNo: number,
  fail: (reason: string, line: number) => never,
): void {
  if (state === -1) fail("Expected a profile definition", lineNo);
  if (state === 0) fail("Expected a property definition, found continuation", lineNo);
  if (state === 2) {
    const t = text.slice(first, end);
    const eq = t.indexOf("=");
    if (eq === -1 || eq >= commentStart(t)) fail("Expected an '=' sign defining a sub-property", lineNo);
    if (eq === 0) fail("Sub-property did not have a name", lineNo);
  }
}

/**
 * Validates the whole text and returns its section headers as `[lineStart, headerEnd, lineNo,
 * bodyStart]` quadruples. Allocation-free per line: `#`, `;` and `=` are found with forward-only
 * `indexOf` pointers (each moves across the text once, so the pass stays linear), and a line is
 * copied only when it holds a comment character or is a sub-property line.
 */
function scan(text: string, fail: (reason: string, line: number) => never): number[] {
  const headers: number[] = [];
  let inSection = false; // false until the first header: "Expected a profile definition"
  let propState = 0; // 0: no property yet, 1: value property, 2: sub-property block
  let nextHash = -2; // next `#` at or after the current line; -2: not searched yet, -1: none left
  let nextSemi = -2;
  let nextEq = -2;
  const end = text.length;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0; // a BOM from Windows editors is not content
  let lineNo = 0;
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
      if (first !== lineEnd) checkContinuation(text, first, lineEnd, inSection ? propState : -1, lineNo, fail);
      continue;
    }
    if (c0 === HASH || c0 === SEMI) continue; // comment line

    if (nextHash !== -1 && nextHash < start) nextHash = text.indexOf("#", start);
    if (nextSemi !== -1 && nextSemi < start) nextSemi = text.indexOf(";", start);
    const hashHere = nextHash !== -1 && nextHash < lineEnd;
    const semiHere = nextSemi !== -1 && nextSemi < lineEnd;

    if (c0 === BRACKET) {
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
    if (!inSection) fail("Expected a profile definition", lineNo);
    const cut = hashHere || semiHere ? start + commentStart(text.slice(start, lineEnd)) : lineEnd;
    if (nextEq !== -1 && nextEq < start) nextEq = text.indexOf("=", start);
    if (nextEq === -1 || nextEq >= cut) fail("Expected an '=' sign defining a property", lineNo);
    if (nextEq === start) fail("Property did not have a name", lineNo);
    let vs = nextEq + 1;
    while (vs < cut && isBlank(text.charCodeAt(vs))) vs++;
    propState = vs === cut ? 2 : 1;
  }
  return headers;
}

/**
 * Parses one config or credentials file (text in, data out) by the cross-SDK profile-file rules.
 * One linear pass validates the whole file and records its section headers; sections are found by
 * name on demand and their properties read on first access, so resolving one profile of a large
 * file stays close to the cost of reading it. Invalid names are ignored; grammar errors throw
 * `SharedConfigParseError` with the line (and the path, when given).
 */
export function parseSharedConfigFile(text: string, options: ParseSharedConfigFileOptions): ParsedSharedConfigFile {
  const { kind, path } = options;
  const label = `${kind === "any" ? "shared config" : kind} file`;
  const headers = scan(text, (reason, line) => {
    throw new SharedConfigParseError(reason, line, path, label);
  });
  return new ParsedFile(text, kind, path, headers);
}
