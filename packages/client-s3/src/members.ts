import { SdkError } from "@sessionkit/errors";
import type { HttpRequest, HttpResponse } from "@sessionkit/types";
import type { XmlElement } from "@sessionkit/xml";

/**
 * How a member is carried: `""` text, `n` number, `b` boolean, `d` date (HTTP date on the wire), `i` date
 * (ISO 8601 on the wire), `@` a nested XML structure. (`Metadata`, the `x-amz-meta-*` headers, has no
 * binding: see `writeMetadata`.)
 */
export type Kind = "" | "n" | "b" | "d" | "i" | "@";

/** A member and the header, query parameter or XML element that carries it. */
export interface Binding {
  readonly member: string;
  readonly wire: string;
  readonly kind: Kind;
  /** A request member sent as a query parameter rather than a header. */
  readonly query: boolean;
  /** For XML: the element holds a nested structure. */
  readonly shape: XmlShape | undefined;
  /** For XML: the element repeats, and the member is the array of them. */
  readonly list: boolean;
  /** Another output member read from the same header (`Expires` as a date and `ExpiresString` as sent). */
  readonly also?: Binding;
}

/** An XML structure: child element name → binding, plus the list members to start as `[]`. */
export interface XmlShape {
  readonly fields: ReadonlyMap<string, Binding>;
  readonly lists: readonly string[];
}

/**
 * A binding spec, or nested lists of them joined by spaces. Shared parts are composed as arrays, not
 * template literals: esbuild cannot prove a `${…}` substitution free of side effects, so it would keep every
 * operation that uses one even in apps that never call it.
 */
export type Spec = string | readonly Spec[];

/** Where bindings are carried: request headers (`h`), query parameters (`q`), or XML elements (`x`). */
export type Where = "h" | "q" | "x";

const TOKEN = /^(~?)(\w+)(?:=([\w-]+))?(?::(.))?(\*?)$/;
const META = "x-amz-meta-";
// RFC 9110 `tchar`s; none is also fine (`x-amz-meta-` is a header name, and RGW stores the empty key).
const TCHARS = /^[\w!#$%&'*+.^`|~-]*$/;

/**
 * Sends the `Metadata` record as `x-amz-meta-*` headers. Called by the operations that have the member
 * (their `body` hook) rather than by the shared build handler, so apps without them do not bundle it.
 */
export function writeMetadata(input: { readonly Metadata?: Record<string, string> }, http: HttpRequest): void {
  // for…in over a missing (undefined or null) record runs no iteration.
  const m = input.Metadata;
  // Header name → the key it came from. Header names are case-insensitive: `a` and `A` would go out as one
  // header twice, which the signer and the server each read their own way (Go merges them into one header of
  // two values, in its random map order).
  const keys: Record<string, string> = {};
  for (const name in m) {
    const v = m?.[name];
    const h = META + name.toLowerCase();
    // Go skips a nil value; `String()` would store "undefined".
    if (v == null) continue;
    // Refused here, naming the key: the transport would fail late, naming only the header.
    if (!TCHARS.test(name)) throw new SdkError("InvalidParameter", `Metadata key ${JSON.stringify(name)} is not a header name`);
    if (h in keys) throw new SdkError("InvalidParameter", `Metadata keys "${keys[h]}" and "${name}" are one header, ${h}`);
    keys[h] = name;
    http.headers[h] = String(v);
  }
}

/** Collects the `x-amz-meta-*` response headers into `out.Metadata` (a `finish` hook, like `writeMetadata`). */
export function readMetadata(out: Record<string, unknown>, response: HttpResponse): void {
  const m: Record<string, string> = {};
  const headers = response.headers;
  // 11 is META.length (a literal is a few bytes smaller in every bundle).
  for (const name in headers) if (name.startsWith(META)) m[name.slice(11)] = headers[name] as string;
  out.Metadata = m;
}

function specText(spec: Spec): string {
  return typeof spec === "string" ? spec : spec.map(specText).join(" ");
}

/**
 * Parses a compact list of bindings, once per operation at module load: space-separated
 * `Member[=wire][:kind][*]`. Without `=wire`, a header or query name is the member in kebab case
 * (`ContentType` → `content-type`, `ContentMD5` → `content-md5`), with `x-amz-` for a leading `~`
 * (`~StorageClass` → `x-amz-storage-class`); an XML element is named like the member. Each `:@` takes the
 * next of `shapes`.
 */
/* @__NO_SIDE_EFFECTS__ */ export function bindings(spec: Spec = "", where: Where = "h", shapes: readonly XmlShape[] = []): Binding[] {
  let next = 0;
  return specText(spec)
    .split(" ")
    .filter(Boolean)
    .map((token) => {
      const [, amz, member = "", wire, kind = "", list] = TOKEN.exec(token) ?? [];
      return {
        member,
        wire: wire ?? (where === "x" ? member : (amz && "x-amz-") + member.replace(/([a-z\d])([A-Z])/g, "$1-$2").toLowerCase()),
        kind: kind as Kind,
        query: where === "q",
        shape: kind === "@" ? shapes[next++] : undefined,
        list: list === "*",
      };
    });
}

/** An XML shape from a binding spec; each `:@` member reads the next of `shapes`. */
/* @__NO_SIDE_EFFECTS__ */ export function xmlShape(spec: string, ...shapes: XmlShape[]): XmlShape {
  const all = bindings(spec, "x", shapes);
  return { fields: new Map(all.map((b) => [b.wire, b])), lists: all.filter((b) => b.list).map((b) => b.member) };
}

/** Text from the wire as the member's type; a malformed number or date is left out rather than failing. */
export function convert(text: string, kind: Kind): unknown {
  if (kind === "") return text;
  if (kind === "b") return text === "true";
  if (kind === "n") return text === "" ? undefined : Number(text);
  const d = new Date(text);
  return Number.isNaN(+d) ? undefined : d;
}

/** Reads an element into `out` following `shape`, in one pass over its children. */
export function readXml(el: XmlElement, shape: XmlShape, out: Record<string, unknown> = {}): Record<string, unknown> {
  for (const member of shape.lists) out[member] = [];
  for (const child of el.children) {
    const b = shape.fields.get(child.name);
    if (!b) continue;
    const v = b.shape ? readXml(child, b.shape) : convert(child.text, b.kind);
    if (b.list) (out[b.member] as unknown[]).push(v);
    else if (v !== undefined) out[b.member] = v;
  }
  return out;
}
