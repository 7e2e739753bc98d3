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

interface MutableSection {
  readonly name: string;
  readonly line: number;
  readonly properties: Map<string, MutableProperty>;
}

type Bucket = Map<string, MutableSection>;

// Identifier characters of the cross-SDK spec: ASCII letters and digits and _ - / . % @ : +
const IDENT = new Uint8Array(128);
for (const c of "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-/.%@:+") IDENT[c.charCodeAt(0)] = 1;

/** True for a valid profile, section or property name. */
export function isIdentifier(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || IDENT[c] === 0) return false;
  }
  return true;
}

const SPACE = 32;
const TAB = 9;
const HASH = 35;
const SEMI = 59;
const BRACKET = 91;

function isBlank(c: number): boolean {
  return c === SPACE || c === TAB;
}

/** Trims spaces and tabs (the spec's whitespace; other characters are content). */
function trim(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isBlank(s.charCodeAt(a))) a++;
  while (b > a && isBlank(s.charCodeAt(b - 1))) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

/**
 * Cuts a trailing comment. On property lines a `#` or `;` starts a comment only after whitespace
 * (`value;x` keeps `;x`); on section headers it always does.
 */
function cutComment(s: string, needsWhitespace: boolean): string {
  let prevBlank = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c === HASH || c === SEMI) && (prevBlank || !needsWhitespace)) return trim(s.slice(0, i));
    prevBlank = c === SPACE || c === TAB || c === 11 || c === 12 || c === 13;
  }
  return s;
}

function section(bucket: Bucket, name: string, line: number): MutableSection {
  let s = bucket.get(name);
  if (s === undefined) {
    s = { name, line, properties: new Map() };
    bucket.set(name, s);
  }
  return s;
}

/**
 * Parses one config or credentials file (text in, data out) by the cross-SDK profile-file rules, in
 * one linear pass. Invalid names are ignored; grammar errors throw `SharedConfigParseError` with the
 * line (and the path, when given).
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
  let current: MutableSection | null = null; // null inside an ignored section
  let propState = 0; // 0: no property yet, 1: value property, 2: sub-property block
  let prop: MutableProperty | null = null; // null when the property is ignored (bad name or section)

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

    // Blank lines (spaces and tabs only) are skipped wherever they are.
    let first = start;
    while (first < lineEnd && isBlank(text.charCodeAt(first))) first++;
    if (first === lineEnd) continue;

    const c0 = text.charCodeAt(start);
    if (c0 === HASH || c0 === SEMI) continue; // comment line

    if (c0 === BRACKET) {
      const header = cutComment(trim(text.slice(start, lineEnd)), false);
      if (header.charCodeAt(header.length - 1) !== 93 || header.length < 2) {
        fail("Profile definition must end with ']'", lineNo);
      }
      inSection = true;
      propState = 0;
      prop = null;
      current = null;
      const inner = trim(header.slice(1, -1));
      let ws = -1;
      for (let i = 0; i < inner.length; i++) {
        if (isBlank(inner.charCodeAt(i))) {
          ws = i;
          break;
        }
      }
      if (ws === -1) {
        // No prefix: a credentials-file profile, or `[default]` in a config file.
        if (kind === "credentials" || kind === "any") {
          if (isIdentifier(inner)) current = section(bare, inner, lineNo);
        } else if (inner === "default") {
          current = section(bare, inner, lineNo);
        }
      } else if (kind !== "credentials") {
        const prefix = inner.slice(0, ws);
        const name = trim(inner.slice(ws + 1));
        if (isIdentifier(name)) {
          if (prefix === "profile") current = section(prefixed, name, lineNo);
          else if (prefix === "sso-session") current = section(ssoSessions, name, lineNo);
          else if (prefix === "services") current = section(services, name, lineNo);
        }
      }
      continue;
    }

    if (first > start) {
      // Continuation: more value text, or a sub-property line.
      if (!inSection) fail("Expected a profile definition", lineNo);
      if (propState === 0) fail("Expected a property definition, found continuation", lineNo);
      const t = trim(text.slice(first, lineEnd));
      if (propState === 2) {
        const s = cutComment(t, true);
        const eq = s.indexOf("=");
        if (eq === -1) fail("Expected an '=' sign defining a sub-property", lineNo);
        const k = trim(s.slice(0, eq));
        if (k.length === 0) fail("Sub-property did not have a name", lineNo);
        if (prop !== null) {
          let subs = prop.value;
          if (typeof subs === "string") {
            subs = Object.create(null) as Record<string, string>;
            prop.value = subs;
            prop.subLines = Object.create(null) as Record<string, number>;
          }
          const key = k.toLowerCase();
          subs[key] = trim(s.slice(eq + 1));
          (prop.subLines as Record<string, number>)[key] = lineNo;
          prop.raw = `${prop.raw}\n${t}`;
        }
      } else if (prop !== null) {
        prop.raw = `${prop.raw}\n${t}`;
        prop.value = prop.raw;
      }
      continue;
    }

    // Property line.
    if (!inSection) fail("Expected a profile definition", lineNo);
    const s = cutComment(trim(text.slice(start, lineEnd)), true);
    const eq = s.indexOf("=");
    if (eq === -1) fail("Expected an '=' sign defining a property", lineNo);
    const k = trim(s.slice(0, eq));
    if (k.length === 0) fail("Property did not have a name", lineNo);
    const v = trim(s.slice(eq + 1));
    propState = v.length === 0 ? 2 : 1;
    if (current !== null && isIdentifier(k)) {
      prop = { value: v, raw: v, line: lineNo };
      current.properties.set(k.toLowerCase(), prop);
    } else {
      prop = null;
    }
  }

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
