import { SdkError } from "@sessionkit/errors";
import { readBody } from "@sessionkit/handlers";
import type { NamedHandler, Request } from "@sessionkit/types";
import { parseXml } from "@sessionkit/xml";
import { convert, readXml } from "./members.js";
import type { S3Operation } from "./operations.js";
import { s3ErrorFromResponse } from "./s3ErrorFromResponse.js";
import type { ResponseMetadata } from "./shapes.js";

/** `request.context` key: the error came inside a 200 response (CopyObject), which S3 means as retryable. */
export const ERROR_IN_200_CONTEXT_KEY = "s3.errorIn200";

// The handlers act only on the operation objects this package defines.
function operationOf(r: Request): S3Operation {
  const op = r.operation as Partial<S3Operation>;
  if (!op.input) throw new SdkError("InvalidParameter", `operation ${op.name} is not an S3 operation`);
  return op as S3Operation;
}

/**
 * build: lets the operation address its bucket and key (see `Addressing`), then sets the headers and query
 * parameters of the members present and lets the operation set its body.
 */
function build(r: Request): void {
  const op = operationOf(r);
  const http = r.httpRequest;
  const input = (r.params ?? {}) as Record<string, unknown>;
  op.address?.(r, input);
  // Over the members the caller set (usually a few) rather than over every member the operation knows.
  for (const member in input) {
    const b = op.input.get(member);
    const v = input[member];
    if (!b || v == null) continue;
    (b.query ? http.query : http.headers)[b.wire] = v instanceof Date ? (b.kind === "i" ? v.toISOString() : v.toUTCString()) : String(v);
  }
  op.buildBody?.(r.params, http, r);
}

/**
 * unmarshal: parses the XML body of XML operations (an `<Error>` root in a 200 — CopyObject's way of
 * failing late — becomes the typed error), leaves GetObject's body to the caller, drains the rest so the
 * connection can be reused, and sets `request.data` from the headers and XML, with `$metadata`.
 */
async function unmarshal(r: Request): Promise<void> {
  const op = operationOf(r);
  const { xml, xmlMember, output } = op;
  const res = r.httpResponse;
  if (!res) return;
  const data: Record<string, unknown> = {};
  if (op.responseBody !== "stream") {
    const bytes = await readBody(res.body);
    if (xml && bytes.byteLength > 0) {
      const root = parseXml(bytes);
      if (root.name === "Error") {
        r.context.set(ERROR_IN_200_CONTEXT_KEY, true);
        throw s3ErrorFromResponse(res, bytes);
      }
      if (xmlMember) data[xmlMember] = readXml(root, xml);
      else readXml(root, xml, data);
    }
  }
  const headers = res.headers;
  // One pass over the response's few headers rather than a lookup per member (GetObject knows 30); operations
  // with `Metadata` read the `x-amz-meta-*` headers in their own hook.
  for (const name in headers) {
    for (let b = output.get(name); b; b = b.also) {
      const v = convert(headers[name] as string, b.kind);
      if (v !== undefined) data[b.member] = v;
    }
  }
  op.finish?.(data, res);
  data.$metadata = {
    httpStatusCode: res.statusCode,
    requestId: r.requestId,
    extendedRequestId: headers["x-amz-id-2"],
    attempts: r.retryCount + 1,
  } satisfies ResponseMetadata;
  r.data = data;
}

/** unmarshalError: replaces the generic status error with the typed S3 error (code from body or status). */
async function unmarshalError(r: Request): Promise<void> {
  const res = r.httpResponse;
  if (res) throw s3ErrorFromResponse(res, await readBody(res.body));
}

/** retry: Go treats an error inside a 200 (CopyObject) as a server error, so it is retried. */
function retryErrorIn200(r: Request): void {
  // Only `unmarshal` sets the key (to `true`), so its presence is the flag.
  if (r.context.delete(ERROR_IN_200_CONTEXT_KEY)) r.retryable = true;
}

/* @__NO_SIDE_EFFECTS__ */ function named(name: string, fn: NamedHandler["fn"]): NamedHandler {
  return Object.freeze({ name: `s3.${name}Handler`, fn });
}

// Module constants (not only properties of `S3Handlers`) so the client's handler list names each in one token.
export const BUILD = /* @__PURE__ */ named("Build", build);
export const UNMARSHAL = /* @__PURE__ */ named("Unmarshal", unmarshal);
export const UNMARSHAL_ERROR = /* @__PURE__ */ named("UnmarshalError", unmarshalError);
export const RETRY_ERROR_IN_200 = /* @__PURE__ */ named("RetryErrorIn200", retryErrorIn200);

/** The REST-XML protocol handlers of the S3 client, named like Go's so they can be swapped or removed. */
export const S3Handlers = /* @__PURE__ */ Object.freeze({
  BuildHandler: BUILD,
  UnmarshalHandler: UNMARSHAL,
  UnmarshalErrorHandler: UNMARSHAL_ERROR,
  RetryErrorIn200Handler: RETRY_ERROR_IN_200,
});
