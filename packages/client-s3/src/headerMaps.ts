import type { HttpRequest } from "@sessionkit/types";

type HeaderBag = HttpRequest["headers"];

/**
 * How a header's text becomes a member value when it is not a string: `n` number, `b` boolean, `d` date
 * (HTTP date on the wire), `i` date written as ISO 8601 (the object-lock dates).
 */
export type Kind = "n" | "b" | "d" | "i";

/** `[member, header, kind]` rows: one table per shape, walked by the generic readers and writers below. */
export type HeaderMap = readonly (readonly [member: string, header: string, kind?: Kind])[];

const META = "x-amz-meta-";

/**
 * Sets a header (or query parameter) for each member of `input` that is present; dates as HTTP dates
 * (ISO 8601 for `i`), everything else as its string form.
 */
export function writeMembers(target: Record<string, string | string[] | null>, input: object, map: HeaderMap): void {
  const values = input as Record<string, unknown>;
  for (const [member, header, kind] of map) {
    const v = values[member];
    if (v === undefined || v === null) continue;
    target[header] = v instanceof Date ? (kind === "i" ? v.toISOString() : v.toUTCString()) : String(v);
  }
}

/** User metadata as `x-amz-meta-<name>` headers. */
export function writeMetadata(headers: HeaderBag, metadata: Record<string, string> | undefined): void {
  if (metadata) for (const name in metadata) headers[META + name] = String(metadata[name]);
}

/** Copies the headers named in `map` onto `out`, converted to the member's type. */
export function readHeaders(out: Record<string, unknown>, headers: HeaderBag, map: HeaderMap): void {
  for (const [member, header, kind] of map) {
    const v = headers[header];
    if (v === undefined) continue;
    if (kind === "n") out[member] = Number(v);
    else if (kind === "b") out[member] = v === "true";
    else if (kind === "d" || kind === "i") {
      const d = new Date(v);
      // A malformed date (seen in the wild on `Expires`) is left out rather than failing the call.
      if (!Number.isNaN(d.getTime())) out[member] = d;
    } else out[member] = v;
  }
}

/** The `x-amz-meta-*` headers as a metadata record. */
export function readMetadata(headers: HeaderBag): Record<string, string> {
  const metadata: Record<string, string> = {};
  for (const name in headers) {
    if (name.startsWith(META)) metadata[name.slice(META.length)] = headers[name] as string;
  }
  return metadata;
}
