import { LazySection } from "./LazySection.js";
import type { ParsedSharedConfigFile, SharedConfigFileKind, SharedConfigSection } from "./parseSharedConfigFile.js";
import { IDENTIFIER, isBlank, trimEndAt, trimStartAt } from "./profileFileSyntax.js";

/** Which sections a lookup is about. */
export type SectionKind = "profiles" | "ssoSessions" | "services";

const NONE = 0;
const BARE = 1; // `[name]`
const PREFIXED = 2; // `[profile name]`
const SSO = 3; // `[sso-session name]`
const SERVICES = 4; // `[services name]`

/** Distinct names looked up by scanning before the full name index is built. */
const SCANS_BEFORE_INDEX = 16;

type Built = Record<SectionKind, Map<string, SharedConfigSection>>;

/**
 * A parsed file: the scanner's list of section headers, turned into sections on demand. A lookup
 * scans the headers once per distinct name (cheap, no allocation per section: a one-shot process
 * that reads one profile out of 10,000 never builds 10,000 objects); iterating, or many distinct
 * lookups, builds the full name index once, after which every lookup is a `Map` hit.
 */
export class ParsedFile implements ParsedSharedConfigFile {
  declare readonly path: string | undefined;
  declare readonly kind: SharedConfigFileKind;
  declare readonly profiles: ReadonlyMap<string, SharedConfigSection>;
  declare readonly ssoSessions: ReadonlyMap<string, SharedConfigSection>;
  declare readonly services: ReadonlyMap<string, SharedConfigSection>;
  readonly #text: string;
  /** `[lineStart, headerEnd, lineNo, bodyStart]` per header, in file order. */
  readonly #headers: readonly number[];
  readonly #found = new Map<string, LazySection | null>();
  #built: Built | undefined;
  // What #classify found for the current header (kept in fields: no allocation per header).
  #bucket = NONE;
  #nameStart = 0;
  #nameEnd = 0;

  constructor(text: string, kind: SharedConfigFileKind, path: string | undefined, headers: readonly number[]) {
    this.path = path;
    this.kind = kind;
    this.#text = text;
    this.#headers = headers;
    this.profiles = new SectionMap(this, "profiles");
    this.ssoSessions = new SectionMap(this, "ssoSessions");
    this.services = new SectionMap(this, "services");
  }

  /** Reads header `i`: which bucket its name belongs to (by the file kind's rules) and where the name is. */
  #classify(i: number): void {
    const text = this.#text;
    const h = this.#headers;
    const a = trimStartAt(text, (h[i] as number) + 1, (h[i + 1] as number) - 1);
    const b = trimEndAt(text, a, (h[i + 1] as number) - 1);
    let ws = a;
    while (ws < b && !isBlank(text.charCodeAt(ws))) ws++;
    this.#bucket = NONE;
    if (ws === b) {
      // No prefix: a credentials-file profile, or `[default]` in a config file.
      if (this.kind !== "config" || (b - a === 7 && text.startsWith("default", a))) this.#bucket = BARE;
      this.#nameStart = a;
    } else if (this.kind !== "credentials") {
      const len = ws - a;
      if (len === 7 && text.startsWith("profile", a)) this.#bucket = PREFIXED;
      else if (len === 11 && text.startsWith("sso-session", a)) this.#bucket = SSO;
      else if (len === 8 && text.startsWith("services", a)) this.#bucket = SERVICES;
      this.#nameStart = trimStartAt(text, ws, b);
    }
    this.#nameEnd = b;
  }

  /** Every header of `bucket` named `name`, as one section, or `null`. */
  #collect(bucket: number, name: string): LazySection | null {
    const h = this.#headers;
    const segments: number[] = [];
    const text = this.#text;
    for (let i = 0; i < h.length; i += 4) {
      // Quick reject: the name ends right before `]` unless blanks sit there.
      const close = (h[i + 1] as number) - 1;
      if (!isBlank(text.charCodeAt(close - 1)) && !text.startsWith(name, close - name.length)) continue;
      this.#classify(i);
      if (this.#bucket !== bucket || this.#nameEnd - this.#nameStart !== name.length) continue;
      if (text.startsWith(name, this.#nameStart)) segments.push(h[i + 3] as number, h[i + 2] as number);
    }
    return segments.length === 0 ? null : new LazySection(name, segments[1] as number, text, segments);
  }

  /** @internal The section named `name`, by the file kind's rules. */
  lookup(which: SectionKind, name: string): SharedConfigSection | undefined {
    if (this.#built !== undefined) return this.#built[which].get(name);
    if (!IDENTIFIER.test(name)) return undefined;
    const key = `${which}\0${name}`;
    const known = this.#found.get(key);
    if (known !== undefined) return known ?? undefined;
    if (this.#found.size >= SCANS_BEFORE_INDEX) return this.all(which).get(name);
    let s: LazySection | null;
    if (which !== "profiles") s = this.#collect(which === "services" ? SERVICES : SSO, name);
    else if (this.kind === "credentials") s = this.#collect(BARE, name);
    else if (this.kind === "config") s = this.#collect(PREFIXED, name) ?? (name === "default" ? this.#collect(BARE, name) : null);
    else s = this.#collect(BARE, name) ?? this.#collect(PREFIXED, name);
    this.#found.set(key, s);
    return s ?? undefined;
  }

  /** @internal Every section of a kind: builds the full name index once. */
  all(which: SectionKind): ReadonlyMap<string, SharedConfigSection> {
    this.#built ??= this.#build();
    return this.#built[which];
  }

  #build(): Built {
    const h = this.#headers;
    const buckets: Map<string, number[]>[] = [new Map(), new Map(), new Map(), new Map(), new Map()];
    for (let i = 0; i < h.length; i += 4) {
      this.#classify(i);
      if (this.#bucket === NONE) continue;
      const name = this.#text.slice(this.#nameStart, this.#nameEnd);
      if (!IDENTIFIER.test(name)) continue; // invalid names are ignored, not errors
      const bucket = buckets[this.#bucket] as Map<string, number[]>;
      let segments = bucket.get(name);
      if (segments === undefined) {
        segments = [];
        bucket.set(name, segments);
      }
      segments.push(h[i + 3] as number, h[i + 2] as number);
    }
    // Sections already handed out by lookups are reused, so a section is one object.
    const sections = (which: SectionKind, bucket: number) => {
      const out = new Map<string, SharedConfigSection>();
      for (const [name, segments] of buckets[bucket] as Map<string, number[]>) {
        out.set(name, this.#found.get(`${which}\0${name}`) ?? new LazySection(name, segments[1] as number, this.#text, segments));
      }
      return out;
    };
    // Credentials files: bare names only (#classify); config: `[default]` unless `[profile default]` exists (bare
    // names are only `default` there); `any`: bare names win.
    const profiles = sections("profiles", PREFIXED);
    for (const [name, s] of sections("profiles", BARE)) if (this.kind === "any" || !profiles.has(name)) profiles.set(name, s);
    return { profiles, ssoSessions: sections("ssoSessions", SSO), services: sections("services", SERVICES) };
  }
}

/** The `ReadonlyMap` view of one kind of section of a `ParsedFile`. */
class SectionMap implements ReadonlyMap<string, SharedConfigSection> {
  readonly #file: ParsedFile;
  readonly #which: SectionKind;

  constructor(file: ParsedFile, which: SectionKind) {
    this.#file = file;
    this.#which = which;
  }

  get(name: string): SharedConfigSection | undefined {
    return this.#file.lookup(this.#which, name);
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  /** Iterating needs every section: the file's full index. */
  get #all(): ReadonlyMap<string, SharedConfigSection> {
    return this.#file.all(this.#which);
  }

  get size(): number {
    return this.#all.size;
  }

  keys(): MapIterator<string> {
    return this.#all.keys();
  }

  values(): MapIterator<SharedConfigSection> {
    return this.#all.values();
  }

  entries(): MapIterator<[string, SharedConfigSection]> {
    return this.#all.entries();
  }

  [Symbol.iterator](): MapIterator<[string, SharedConfigSection]> {
    return this.entries();
  }

  forEach(fn: (value: SharedConfigSection, key: string, map: ReadonlyMap<string, SharedConfigSection>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.entries()) fn.call(thisArg, v, k, this);
  }
}
