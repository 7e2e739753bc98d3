import { uriEscapePath, uriRecodePath } from "./uriEscape.js";

/**
 * Removes dot segments and empty segments (`//a/./b/../c` → `/a/c`), as SigV4 does for every service
 * but S3. A path ending in a dot segment keeps a trailing `/`, as RFC 3986 §5.2.4 does.
 */
export function normalizePath(path: string): string {
  // Nothing to do: starts with `/`, no `//`, no segment starting with a dot.
  if (path.charCodeAt(0) === 0x2f && !/\/[/.]/.test(path)) return path;
  const out: string[] = [];
  let trailing = false;
  for (const part of path.split("/")) {
    trailing = part === "" || part === "." || part === "..";
    if (part === "..") out.pop();
    else if (!trailing) out.push(part);
  }
  return out.length === 0 ? "/" : `/${out.join("/")}${trailing ? "/" : ""}`;
}

/**
 * The canonical URI of a wire-form path.
 * - `doubleEncode` (every service but S3): normalise (when `normalize`), then encode once more, so `%3D` → `%253D`.
 * - S3 (`doubleEncode` false): no normalisation unless asked; the path is decoded and encoded exactly once.
 */
export function canonicalPath(path: string, doubleEncode: boolean, normalize: boolean): string {
  const p = normalize ? normalizePath(path) : path;
  // Only an empty path encodes to "" (normalizing makes it "/" already).
  return (doubleEncode ? uriEscapePath(p) : uriRecodePath(p)) || "/";
}
