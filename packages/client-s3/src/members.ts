import type { HttpRequest, HttpResponse } from "@sessionkit/types";
import type { XmlElement } from "@sessionkit/xml";

/**
 * How a member is carried: `""` text, `n` number, `b` boolean, `d` date (HTTP date on the wire), `i` date
 * (ISO 8601 on the wire), `m` the `x-amz-meta-*` headers as a record.
 */
export type Kind = "" | "n" | "b" | "d" | "i" | "m";

/** A member and the header, query parameter or XML element that carries it. */
export interface Binding {
  readonly member: string;
  readonly wire: string;
  readonly kind: Kind;
  /** For XML: the element holds a nested structure. */
  readonly shape?: XmlShape;
  /** For XML: the element repeats, and the member is the array of them. */
  readonly list: boolean;
}

/** An XML structure: child element name → binding, plus the list members to start as `[]`. */
export interface XmlShape {
  readonly fields: ReadonlyMap<string, Binding>;
  readonly lists: readonly string[];
}

const TOKEN = /^(~?)(\w+)(?:=([\w-]+))?(?::(\w|@\w+))?(\*?)$/;
const META = "x-amz-meta-";

/**
 * Parses a compact list of bindings, once at module load: space-separated `Member[=wire][:kind][*]`. Without
 * `=wire`, `kebab` turns the member into its header/query name (`ContentType` → `content-type`,
 * `ContentMD5` → `content-md5`) and a leading `~` adds `x-amz-` (`~StorageClass` → `x-amz-storage-class`);
 * for XML the element is named like the member. `:@Name` refers to a nested shape in `shapes`.
 */
/* @__NO_SIDE_EFFECTS__ */ export function bindings(spec: string, kebab = true, shapes: Readonly<Record<string, XmlShape>> = {}): Binding[] {
  return spec
    .split(" ")
    .filter(Boolean)
    .map((token) => {
      const [, amz = "", member = "", wire, kind = "", list] = TOKEN.exec(token) ?? [];
      const name = wire ?? (kebab ? amz && "x-amz-" : "") + (kebab ? member.replace(/([a-z\d])([A-Z])/g, "$1-$2").toLowerCase() : member);
      return kind.startsWith("@")
        ? { member, wire: name, kind: "", shape: shapes[kind.slice(1)], list: list === "*" }
        : { member, wire: name, kind: kind as Kind, list: list === "*" };
    });
}

/** An XML shape from a binding spec (element names as members unless `Member=Element`). */
/* @__NO_SIDE_EFFECTS__ */ export function xmlShape(spec: string, shapes?: Readonly<Record<string, XmlShape>>): XmlShape {
  const all = bindings(spec, false, shapes);
  return { fields: new Map(all.map((b) => [b.wire, b])), lists: all.filter((b) => b.list).map((b) => b.member) };
}

/** Text from the wire as the member's type; a malformed number or date is left out rather than failing. */
function convert(text: string, kind: Kind): unknown {
  if (kind === "b") return text === "true";
  if (kind === "n") return text === "" ? undefined : Number(text);
  if (kind === "d" || kind === "i") {
    const d = new Date(text);
    return Number.isNaN(d.getTime()) ? undefined : d;
  }
  return text;
}

/** Sets the header or query parameter of each member present in `input`. */
export function writeMembers(target: HttpRequest["headers"] | HttpRequest["query"], input: object, list: readonly Binding[]): void {
  const values = input as Record<string, unknown>;
  for (const { member, wire, kind } of list) {
    const v = values[member];
    if (v === undefined || v === null) continue;
    if (kind === "m") for (const name in v as Record<string, string>) target[META + name] = String((v as Record<string, string>)[name]);
    else target[wire] = v instanceof Date ? (kind === "i" ? v.toISOString() : v.toUTCString()) : String(v);
  }
}

interface HeaderReader {
  readonly byWire: ReadonlyMap<string, Binding>;
  readonly meta: string | undefined;
}

const readers = new WeakMap<readonly Binding[], HeaderReader>();

/** The bindings of a list by header name, built once per list (operations are module constants). */
function readerOf(list: readonly Binding[]): HeaderReader {
  let reader = readers.get(list);
  if (reader === undefined) {
    reader = { byWire: new Map(list.filter((b) => b.kind !== "m").map((b) => [b.wire, b])), meta: list.find((b) => b.kind === "m")?.member };
    readers.set(list, reader);
  }
  return reader;
}

/**
 * Reads each member's header (or the metadata headers) from a response. One pass over the
 * response's few headers rather than a lookup per member (GetObject knows 30).
 */
export function readMembers(out: Record<string, unknown>, response: HttpResponse, list: readonly Binding[]): void {
  const { byWire, meta } = readerOf(list);
  const headers = response.headers;
  // Only operations with a metadata member collect the `x-amz-meta-*` headers.
  const metadata: Record<string, string> | undefined = meta === undefined ? undefined : {};
  for (const name in headers) {
    const b = byWire.get(name);
    const value = headers[name] as string;
    if (b !== undefined) {
      const converted = convert(value, b.kind);
      if (converted !== undefined) out[b.member] = converted;
    } else if (metadata !== undefined && name.startsWith(META)) metadata[name.slice(META.length)] = value;
  }
  if (meta !== undefined) out[meta] = metadata;
}

/** Reads an element into a plain object following `shape`, in one pass over its children. */
export function readXml(el: XmlElement, shape: XmlShape): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const member of shape.lists) out[member] = [];
  for (const child of el.children) {
    const b = shape.fields.get(child.name);
    if (b === undefined) continue;
    const v = b.shape ? readXml(child, b.shape) : convert(child.text, b.kind);
    if (b.list) (out[b.member] as unknown[]).push(v);
    else if (v !== undefined) out[b.member] = v;
  }
  return out;
}
