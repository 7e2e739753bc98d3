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

  /**
   * The headers' `[bodyStart, lineNo]` segments by bucket, then by name: for every valid name (the full index), or
   * only for `name` (a lookup: one pass, no name copied).
   */
  #group(name?: string): Map<string, number[]>[] {
    const h = this.#headers;
    const text = this.#text;
    const buckets: Map<string, number[]>[] = [new Map(), new Map(), new Map(), new Map(), new Map()];
    for (let i = 0; i < h.length; i += 4) {
      // Quick reject: the name ends right before `]` unless blanks sit there.
      const close = (h[i + 1] as number) - 1;
      if (name !== undefined && !isBlank(text.charCodeAt(close - 1)) && !text.startsWith(name, close - name.length)) continue;
      this.#classify(i);
      if (this.#bucket === NONE) continue;
      let n = name;
      if (n === undefined) {
        n = text.slice(this.#nameStart, this.#nameEnd);
        if (!IDENTIFIER.test(n)) continue; // invalid names are ignored, not errors
      } else if (this.#nameEnd - this.#nameStart !== n.length || !text.startsWith(n, this.#nameStart)) continue;
      const bucket = buckets[this.#bucket] as Map<string, number[]>;
      const segments = bucket.get(n) ?? [];
      bucket.set(n, segments);
      segments.push(h[i + 3] as number, h[i + 2] as number);
    }
    return buckets;
  }

  /**
   * The section `name` of `which` in grouped headers, by the file kind's rules: credentials files have bare names
   * only (#classify), config files `[default]` unless `[profile default]` exists (bare names are only `default`
   * there), and in `any` files bare names win. A section already handed out by a lookup is reused (one object).
   */
  #pick(which: SectionKind, buckets: Map<string, number[]>[], name: string): LazySection | undefined {
    const b = buckets as [Map<string, number[]>, Map<string, number[]>, Map<string, number[]>, Map<string, number[]>, Map<string, number[]>];
    const segments =
      which === "services"
        ? b[SERVICES].get(name)
        : which === "ssoSessions"
          ? b[SSO].get(name)
          : this.kind === "any"
            ? (b[BARE].get(name) ?? b[PREFIXED].get(name))
            : (b[PREFIXED].get(name) ?? b[BARE].get(name));
    return segments && (this.#found.get(`${which}\0${name}`) ?? new LazySection(name, segments[1] as number, this.#text, segments));
  }

  /** @internal The section named `name`, by the file kind's rules. */
  lookup(which: SectionKind, name: string): SharedConfigSection | undefined {
    if (this.#built !== undefined) return this.#built[which].get(name);
    if (!IDENTIFIER.test(name)) return undefined;
    const key = `${which}\0${name}`;
    const known = this.#found.get(key);
    if (known !== undefined) return known ?? undefined;
    if (this.#found.size >= SCANS_BEFORE_INDEX) return this.all(which).get(name);
    const s = this.#pick(which, this.#group(name), name);
    this.#found.set(key, s ?? null);
    return s;
  }

  /** @internal Every section of a kind: builds the full name index once. */
  all(which: SectionKind): ReadonlyMap<string, SharedConfigSection> {
    this.#built ??= this.#build();
    return this.#built[which];
  }

  #build(): Built {
    const buckets = this.#group();
    // Names in file order, `[profile NAME]` ones first.
    const index = (which: SectionKind, ...from: number[]) => {
      const out = new Map<string, SharedConfigSection>();
      for (const b of from) for (const name of (buckets[b] as Map<string, number[]>).keys()) if (!out.has(name)) out.set(name, this.#pick(which, buckets, name) as LazySection);
      return out;
    };
    return { profiles: index("profiles", PREFIXED, BARE), ssoSessions: index("ssoSessions", SSO), services: index("services", SERVICES) };
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
