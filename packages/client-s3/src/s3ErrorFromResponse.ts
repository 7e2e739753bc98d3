import type { HttpResponse } from "@sessionkit/types";
import { S3ServiceError } from "./S3ServiceError.js";

// Bodiless errors (HEAD, 304) get Go's code: the status text without spaces. The usual ones are fixed here
// so the code does not depend on the reason phrase a server or proxy chose; others use the reason.
const STATUS_CODES: Readonly<Record<number, string>> = {
  304: "NotModified",
  400: "BadRequest",
  403: "Forbidden",
  404: "NotFound",
  412: "PreconditionFailed",
};

// The fields of an S3 error document, read without an XML parser: s3rver, for one, sends documents that
// are not well-formed (it echoes keys with HTML entities such as `&uuml;`), and an error must still be typed.
const FIELD = /<(Code|Message|RequestId|HostId|Endpoint)>([^<]*)<\/\1>/g;
const ENTITY = /&(amp|lt|gt|quot|apos);/g;
const ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const decoder = /* @__PURE__ */ new TextDecoder();

/**
 * The typed error for a failed S3 response, or for the `<Error>` document S3 may send inside a 200
 * (CopyObject): `<Code>`/`<Message>` from the body (AWS's and s3rver's namespaces alike; RGW's empty
 * `<Message>` falls back to the code), or for a bodiless response a code from the status, as Go does:
 * `NotFound`, `Forbidden`, `NotModified`…
 */
export function s3ErrorFromResponse(response: HttpResponse, body: Uint8Array): S3ServiceError {
  const text = decoder.decode(body);
  const fields: Record<string, string> = {};
  if (/<Error[\s>]/.test(text)) {
    for (const [, name = "", value = ""] of text.matchAll(FIELD)) fields[name] ??= value.replace(ENTITY, (_, e: string) => ENTITIES[e] ?? e);
  }
  const status = response.statusCode;
  const headers = response.headers;
  const code = fields.Code || STATUS_CODES[status] || response.reason?.replace(/\s/g, "") || `HTTP${status}`;
  let message = fields.Message || code;
  if (text !== "" && fields.Code === undefined) message += " (not an S3 error document)";
  // A wrong-region bucket: S3 names the right endpoint (or region); say it.
  const region = headers["x-amz-bucket-region"];
  if (fields.Endpoint) message += ` (endpoint: ${fields.Endpoint})`;
  else if (region && (status === 301 || status === 400)) message += ` (bucket region: ${region})`;
  return new S3ServiceError(code, message, {
    statusCode: status,
    requestId: headers["x-amz-request-id"] ?? (fields.RequestId || undefined),
    hostId: headers["x-amz-id-2"] ?? (fields.HostId || undefined),
  });
}
