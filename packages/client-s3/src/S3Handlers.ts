import { SdkError } from "@sessionkit/errors";
import { readBody } from "@sessionkit/handlers";
import type { NamedHandler, Request } from "@sessionkit/types";
import { parseXml, type XmlElement } from "@sessionkit/xml";
import { encodeKey } from "./encodeKey.js";
import { needsPathStyle } from "./endpoint.js";
import { readMembers, readXml, writeMembers } from "./members.js";
import { isS3Operation, type S3Operation } from "./operations.js";
import { s3ErrorFromResponse } from "./s3ErrorFromResponse.js";
import type { ResponseMetadata } from "./shapes.js";

/** `request.context` key: the error came inside a 200 response (CopyObject), which S3 means as retryable. */
export const ERROR_IN_200_CONTEXT_KEY = "s3.errorIn200";

function operationOf(r: Request): S3Operation {
  if (!isS3Operation(r.operation)) {
    throw new SdkError("InvalidParameter", `operation ${r.operation.name} is not an S3 operation`);
  }
  return r.operation;
}

function stringMember(params: unknown, member: "Bucket" | "Key"): string {
  const v = (params as Record<string, unknown> | null | undefined)?.[member];
  // Checked here too because parameter validation can be switched off; a bad path must not be sent.
  if (typeof v !== "string" || v === "") {
    throw new SdkError("InvalidParameter", `${member} must be a non-empty string`);
  }
  return v;
}

/**
 * build: addresses the bucket and key (virtual-hosted `bucket.host/key`, or path-style `host/bucket/key`
 * when forced or required; see `needsPathStyle`), then lets the operation set its query, headers and body.
 */
function build(r: Request): void {
  const op = operationOf(r);
  const http = r.httpRequest;
  if (op.target !== "service") {
    const bucket = stringMember(r.params, "Bucket");
    const keyPath = op.target === "object" ? `/${encodeKey(stringMember(r.params, "Key"))}` : "/";
    // ServiceClient put the endpoint's base path plus the operation's "/" there.
    const base = http.path.slice(0, -1);
    if (needsPathStyle(http.hostname, bucket, r.config.s3ForcePathStyle, http.protocol === "https:")) {
      http.path = `${base}/${encodeKey(bucket)}${keyPath === "/" ? "" : keyPath}`;
    } else {
      http.hostname = `${bucket}.${http.hostname}`;
      if (http.headers.host !== undefined) http.headers.host = `${bucket}.${http.headers.host}`;
      http.path = base + keyPath;
    }
  }
  const input = (r.params ?? {}) as object;
  writeMembers(http.headers, input, op.headersIn);
  writeMembers(http.query, input, op.queryIn);
  op.buildBody?.(r.params, http, r);
}

function metadataOf(r: Request, statusCode: number): ResponseMetadata {
  const extendedRequestId = r.httpResponse?.headers["x-amz-id-2"];
  return { httpStatusCode: statusCode, requestId: r.requestId, extendedRequestId, attempts: r.retryCount + 1 };
}

/**
 * unmarshal: parses the XML body of XML operations (an `<Error>` root in a 200 — CopyObject's way of
 * failing late — becomes the typed error), leaves GetObject's body to the caller, drains the rest so the
 * connection can be reused, and sets `request.data` with `$metadata`.
 */
async function unmarshal(r: Request): Promise<void> {
  const op = operationOf(r);
  const res = r.httpResponse;
  if (res === undefined) return;
  let root: XmlElement | undefined;
  if (op.responseBody !== "stream") {
    const bytes = await readBody(res.body);
    if (op.responseBody === "xml" && bytes.byteLength > 0) {
      root = parseXml(bytes);
      if (root.name === "Error") {
        r.context.set(ERROR_IN_200_CONTEXT_KEY, true);
        throw s3ErrorFromResponse(res, bytes);
      }
    }
  }
  const data: Record<string, unknown> = {};
  readMembers(data, res, op.headersOut);
  if (root !== undefined && op.xml !== undefined) {
    const fromXml = readXml(root, op.xml);
    if (op.xmlMember === undefined) Object.assign(data, fromXml);
    else data[op.xmlMember] = fromXml;
  }
  op.finish?.(data, res);
  data.$metadata = metadataOf(r, res.statusCode);
  r.data = data;
}

/** unmarshalError: replaces the generic status error with the typed S3 error (code from body or status). */
async function unmarshalError(r: Request): Promise<void> {
  const res = r.httpResponse;
  if (res === undefined) return;
  throw s3ErrorFromResponse(res, await readBody(res.body));
}

/** retry: Go treats an error inside a 200 (CopyObject) as a server error, so it is retried. */
function retryErrorIn200(r: Request): void {
  if (r.context.get(ERROR_IN_200_CONTEXT_KEY) === true) {
    r.context.delete(ERROR_IN_200_CONTEXT_KEY);
    r.retryable = true;
  }
}

/** The REST-XML protocol handlers of the S3 client, named like Go's so they can be swapped or removed. */
export const S3Handlers = /* @__PURE__ */ Object.freeze({
  BuildHandler: Object.freeze<NamedHandler>({ name: "s3.BuildHandler", fn: build }),
  UnmarshalHandler: Object.freeze<NamedHandler>({ name: "s3.UnmarshalHandler", fn: unmarshal }),
  UnmarshalErrorHandler: Object.freeze<NamedHandler>({ name: "s3.UnmarshalErrorHandler", fn: unmarshalError }),
  RetryErrorIn200Handler: Object.freeze<NamedHandler>({ name: "s3.RetryErrorIn200Handler", fn: retryErrorIn200 }),
});
