import { maskSecret, type SecretKind, secretKind } from "./maskSecret.js";
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

interface MutableProperty {
  value: string | Record<string, string>;
  raw: string;
  line: number;
  subLines?: Record<string, number>;
}

const IDENTIFIER = /^[A-Za-z0-9_\-/.%@:+]+$/;

/** True for a valid profile, section or property name (ASCII letters, digits and `_ - / . % @ : +`). */
export function isIdentifier(s: string): boolean {
  return IDENTIFIER.test(s);
}

const SPACE = 32;
const TAB = 9;
const HASH = 35;
const SEMI = 59;
const BRACKET = 91;
const CLOSE = 93;

/** The spec's whitespace: spaces and tabs (other characters are content). */
function isBlank(c: number): boolean {
  return c === SPACE || c === TAB;
}

/** Whitespace that may precede a comment character. */
function isSpace(c: number): boolean {
  return c === SPACE || c === TAB || c === 11 || c === 12 || c === 13;
}

function trimStartAt(s: string, a: number, b: number): number {
  while (a < b && isBlank(s.charCodeAt(a))) a++;
  return a;
}

function trimEndAt(s: string, a: number, b: number): number {
  while (b > a && isBlank(s.charCodeAt(b - 1))) b--;
  return b;
}

/**
 * Where a trailing comment starts on a property line: the first `#` or `;` that follows whitespace
 * (`value;x` keeps `;x`), or `line.length`. Each character kind is searched forward once: linear.
 */
function commentStart(line: string): number {
  let h = line.indexOf("#");
  let s = line.indexOf(";");
  while (h !== -1 || s !== -1) {
    const i = h === -1 ? s : s === -1 ? h : h < s ? h : s;
    if (i > 0 && isSpace(line.charCodeAt(i - 1))) return i;
    if (i === h) h = line.indexOf("#", i + 1);
    else s = line.indexOf(";", i + 1);
  }
  return line.length;
}

/** Where a header's comment starts: any `#` or `;`. */
function headerCommentStart(line: string): number {
  const h = line.indexOf("#");
  const s = line.indexOf(";");
  if (h === -1) return s === -1 ? line.length : s;
  return s === -1 || h < s ? h : s;
}

const inspectCustom = Symbol.for("nodejs.util.inspect.custom");

/**
 * A secret property (secret key, session token, access key id): readable like any other, but
 * `JSON.stringify` and `util.inspect` show it masked. A class, so creating one stays cheap.
 */
class SecretProperty implements MutableProperty {
  value: string | Record<string, string>;
  raw: string;
  line: number;
  readonly #kind: SecretKind;

  constructor(value: string, line: number, kind: SecretKind) {
    this.value = value;
    this.raw = value;
    this.line = line;
    this.#kind = kind;
  }

  toJSON(): { value: string; raw: string; line: number } {
    const text = maskSecret(typeof this.value === "string" ? this.value : this.raw, this.#kind);
    return { value: text, raw: text, line: this.line };
  }

  [inspectCustom](_depth: number, options: unknown, inspect?: (v: unknown, o: unknown) => string): string {
    return inspect ? inspect(this.toJSON(), options) : JSON.stringify(this.toJSON());
  }
}

/**
 * A section of a parsed file. The first pass only validates the grammar and records where each
 * section's lines are; properties are built on first access, so resolving one profile of a large
 * file allocates little. Duplicate sections are segments read in order (the later property wins).
 */
class LazySection implements SharedConfigSection {
  readonly name: string;
  readonly line: number;
  readonly #text: string;
  /** `[start, end, firstLine]` triples: the lines after each header of this section. */
  readonly #segments: number[] = [];
  #properties: Map<string, MutableProperty> | undefined;

  constructor(name: string, line: number, text: string) {
    this.name = name;
    this.line = line;
    this.#text = text;
  }

  /** A header of this section: its lines start at `start` (line `firstLine`). */
  open(start: number, firstLine: number): void {
    this.#segments.push(start, -1, firstLine);
  }

  /** The next header (or the end of the text) ends the open segment. */
  close(end: number): void {
    this.#segments[this.#segments.length - 2] = end;
  }

  get properties(): ReadonlyMap<string, SharedConfigProperty> {
    if (this.#properties === undefined) this.#properties = materialize(this.#text, this.#segments);
    return this.#properties;
  }
}

type Bucket = Map<string, LazySection>;

/** Builds a section's properties from its (already validated) lines. */
function materialize(text: string, segments: readonly number[]): Map<string, MutableProperty> {
  const out = new Map<string, MutableProperty>();
  for (let g = 0; g < segments.length; g += 3) {
    let pos = segments[g] as number;
    const end = segments[g + 1] as number;
    let lineNo = (segments[g + 2] as number) - 1;
    let subBlock = false;
    let prop: MutableProperty | null = null;
    while (pos < end) {
      let nl = text.indexOf("\n", pos);
      if (nl === -1 || nl > end) nl = end;
      let lineEnd = nl;
      if (lineEnd > pos && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
      const start = pos;
      pos = nl + 1;
      lineNo++;
      if (start === lineEnd) continue;
      const c0 = text.charCodeAt(start);
      if (isBlank(c0)) {
        const first = trimStartAt(text, start, lineEnd);
        if (first === lineEnd || prop === null) continue;
        const t = text.slice(first, trimEndAt(text, first, lineEnd));
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
        continue;
      }
      if (c0 === HASH || c0 === SEMI) continue;
      const line = text.slice(start, lineEnd);
      const cut = commentStart(line);
      const eq = line.indexOf("=");
      const vs = trimStartAt(line, eq + 1, cut);
      const v = line.slice(vs, trimEndAt(line, vs, cut));
      subBlock = v.length === 0;
      const rawKey = line.slice(0, trimEndAt(line, 0, eq));
      if (!IDENTIFIER.test(rawKey)) {
        prop = null;
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

/** The bucket for a `prefix NAME` header (`text[a, b)` is the prefix), or `undefined` to ignore it. */
function prefixBucket(text: string, a: number, b: number, prefixed: Bucket, sso: Bucket, services: Bucket): Bucket | undefined {
  const len = b - a;
  if (len === 7 && text.startsWith("profile", a)) return prefixed;
  if (len === 11 && text.startsWith("sso-session", a)) return sso;
  if (len === 8 && text.startsWith("services", a)) return services;
  return undefined;
}

function section(bucket: Bucket, name: string, line: number, text: string): LazySection {
  let s = bucket.get(name);
  if (s === undefined) {
    s = new LazySection(name, line, text);
    bucket.set(name, s);
  }
  return s;
}

/**
 * Parses one config or credentials file (text in, data out) by the cross-SDK profile-file rules.
 * One linear pass validates the whole file and indexes its sections by name; a section's properties
 * are built when first read. Invalid names are ignored; grammar errors throw
 * `SharedConfigParseError` with the line (and the path, when given).
 */
export function parseSharedConfigFile(text: string, options: ParseSharedConfigFileOptions): ParsedSharedConfigFile {
  const { kind, path } = options;
  const label = `${kind === "any" ? "shared config" : kind} file`;
  const fail = (reason: string, line: number): never => {
    throw new SharedConfigParseError(reason, line, path, label);
  };

  const bare: Bucket = new Map();
  const prefixed: Bucket = new Map();
  const ssoSessions: Bucket = new Map();
  const services: Bucket = new Map();

  let inSection = false; // false until the first header: "Expected a profile definition"
  let open: LazySection | null = null; // the section whose lines follow (null: an ignored section)
  let propState = 0; // 0: no property yet, 1: value property, 2: sub-property block

  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0; // a BOM from Windows editors is not content
  let lineNo = 0;
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

    if (isBlank(c0)) {
      // A blank line (skipped wherever it is), or a continuation of the property above.
      const first = trimStartAt(text, start + 1, lineEnd);
      if (first === lineEnd) continue;
      if (!inSection) fail("Expected a profile definition", lineNo);
      if (propState === 0) fail("Expected a property definition, found continuation", lineNo);
      if (propState === 2) {
        const t = text.slice(first, lineEnd);
        const eq = t.indexOf("=");
        if (eq === -1 || eq >= commentStart(t)) fail("Expected an '=' sign defining a sub-property", lineNo);
        if (eq === 0) fail("Sub-property did not have a name", lineNo);
      }
      continue;
    }
    if (c0 === HASH || c0 === SEMI) continue; // comment line

    if (c0 === BRACKET) {
      // Header: cut at the first # or ; (no whitespace needed), trim, then `[` … `]`.
      const line = text.slice(start, lineEnd);
      const e = trimEndAt(line, 0, headerCommentStart(line));
      if (e < 2 || line.charCodeAt(e - 1) !== CLOSE) fail("Profile definition must end with ']'", lineNo);
      open?.close(start);
      inSection = true;
      propState = 0;
      open = null;
      const a = trimStartAt(line, 1, e - 1);
      const b = trimEndAt(line, a, e - 1);
      let ws = a;
      while (ws < b && !isBlank(line.charCodeAt(ws))) ws++;
      if (ws === b) {
        // No prefix: a credentials-file profile, or `[default]` in a config file.
        const name = line.slice(a, b);
        if (kind === "credentials" || kind === "any") {
          if (IDENTIFIER.test(name)) open = section(bare, name, lineNo, text);
        } else if (name === "default") {
          open = section(bare, name, lineNo, text);
        }
      } else if (kind !== "credentials") {
        const bucket = prefixBucket(line, a, ws, prefixed, ssoSessions, services);
        const name = bucket === undefined ? "" : line.slice(trimStartAt(line, ws, b), b);
        if (bucket !== undefined && IDENTIFIER.test(name)) open = section(bucket, name, lineNo, text);
      }
      // The segment starts after this line; its end is filled in by the next header or the end.
      open?.open(pos, lineNo + 1);
      continue;
    }

    // Property line: `key = value`, split at the first `=` before any comment.
    if (!inSection) fail("Expected a profile definition", lineNo);
    const line = text.slice(start, lineEnd);
    const cut = commentStart(line);
    const eq = line.indexOf("=");
    if (eq === -1 || eq >= cut) fail("Expected an '=' sign defining a property", lineNo);
    if (eq === 0) fail("Property did not have a name", lineNo);
    propState = trimStartAt(line, eq + 1, cut) === cut ? 2 : 1;
  }
  open?.close(end);

  let profiles: Bucket;
  if (kind === "credentials") {
    profiles = bare;
  } else if (kind === "config") {
    profiles = prefixed;
    const def = bare.get("default");
    if (def !== undefined && !prefixed.has("default")) profiles.set("default", def);
  } else {
    profiles = prefixed;
    for (const [name, s] of bare) profiles.set(name, s);
  }
  return { path, kind, profiles, ssoSessions, services };
}
