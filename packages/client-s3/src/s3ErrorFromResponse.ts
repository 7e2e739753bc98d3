import { childText, parseXml, type XmlElement } from "@sessionkit/xml";
import type { HttpResponse } from "@sessionkit/types";
import { S3ServiceError } from "./S3ServiceError.js";

// Go builds the code of a bodiless error from the status text without spaces (`404 Not Found` → `NotFound`).
// A fixed table keeps the code independent of the reason phrase a server or proxy chose.
const STATUS_CODES: Readonly<Record<number, string>> = {
  301: "MovedPermanently",
  304: "NotModified",
  307: "TemporaryRedirect",
  400: "BadRequest",
  401: "Unauthorized",
  403: "Forbidden",
  404: "NotFound",
  405: "MethodNotAllowed",
  409: "Conflict",
  411: "LengthRequired",
  412: "PreconditionFailed",
  416: "RequestedRangeNotSatisfiable",
  500: "InternalServerError",
  501: "NotImplemented",
  503: "ServiceUnavailable",
};

function statusCodeName(response: HttpResponse): string {
  const fromTable = STATUS_CODES[response.statusCode];
  if (fromTable !== undefined) return fromTable;
  const reason = response.reason?.replace(/\s+/g, "");
  return reason ? reason : `HTTP${response.statusCode}`;
}

/** The typed error for an S3 `<Error>` element (in an error response, or inside a 200 as CopyObject does). */
export function s3ErrorFromXml(root: XmlElement, response: HttpResponse): S3ServiceError {
  const code = childText(root, "Code") || statusCodeName(response);
  // RGW always sends an empty <Message>: fall back to the code rather than print nothing.
  let message = childText(root, "Message") || code;
  // A wrong-region bucket: S3 names the right endpoint/region; say it in the message.
  const region = response.headers["x-amz-bucket-region"];
  const endpoint = childText(root, "Endpoint");
  if (endpoint) message += ` (endpoint: ${endpoint})`;
  else if (region && (response.statusCode === 301 || response.statusCode === 400)) message += ` (bucket region: ${region})`;
  return new S3ServiceError(code, message, {
    statusCode: response.statusCode,
    requestId: response.headers["x-amz-request-id"] ?? (childText(root, "RequestId") || undefined),
    hostId: response.headers["x-amz-id-2"] ?? (childText(root, "HostId") || undefined),
  });
}

/**
 * The typed error for a failed S3 response: `<Code>`/`<Message>` from the XML body (AWS's and s3rver's
 * namespaces alike), or, for a bodiless response (HEAD, 304) or one that is not S3 XML (a proxy's HTML
 * page), a code from the HTTP status as Go does: `NotFound`, `Forbidden`, `NotModified`…
 */
export function s3ErrorFromResponse(response: HttpResponse, body: Uint8Array): S3ServiceError {
  if (body.byteLength > 0) {
    const text = new TextDecoder().decode(body);
    let root: XmlElement | undefined;
    try {
      root = parseXml(text);
    } catch {
      root = looseError(text);
    }
    if (root !== undefined && root.name === "Error") return s3ErrorFromXml(root, response);
  }
  const code = statusCodeName(response);
  return new S3ServiceError(code, body.byteLength > 0 ? `${code} (the response body is not an S3 error document)` : code, {
    statusCode: response.statusCode,
    requestId: response.headers["x-amz-request-id"],
    hostId: response.headers["x-amz-id-2"],
  });
}

const LOOSE_FIELD = /<(Code|Message|RequestId|HostId)>([^<]*)<\/\1>/g;

/**
 * Reads the fields of an error document that is not well-formed XML: s3rver, for one, echoes the key with
 * HTML entities (`&uuml;`). Only an `<Error>` document with a `<Code>` counts.
 */
function looseError(text: string): XmlElement | undefined {
  if (!/<Error[\s>]/.test(text)) return undefined;
  const children: XmlElement[] = [];
  for (const m of text.matchAll(LOOSE_FIELD)) children.push({ name: m[1] as string, attributes: {}, children: [], text: m[2] as string });
  return children.some((c) => c.name === "Code") ? { name: "Error", attributes: {}, children, text: "" } : undefined;
}
