import type { HttpRequest } from "@sessionkit/types";
import { hostHeader } from "./signHttpRequest.js";
import { uriEscape } from "./uriEscape.js";

/**
 * The URL of a request, e.g. of a presigned one: `protocol//host[:port]path?query`, the path as it is
 * (wire form) and query keys and values encoded the way the signer encoded them.
 */
export function formatUrl(request: HttpRequest): string {
  const protocol = request.protocol.endsWith(":") ? request.protocol : `${request.protocol}:`;
  let query = "";
  for (const key in request.query) {
    const value = request.query[key];
    const k = uriEscape(key);
    if (value === null) query += `&${k}`;
    else if (Array.isArray(value)) for (const v of value) query += `&${k}=${uriEscape(v)}`;
    else if (value !== undefined) query += `&${k}=${uriEscape(value)}`;
  }
  const path = request.path.startsWith("/") ? request.path : `/${request.path}`;
  return `${protocol}//${hostHeader(request)}${path}${query === "" ? "" : `?${query.slice(1)}`}`;
}
