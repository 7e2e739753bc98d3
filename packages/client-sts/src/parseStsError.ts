import { childElement, childText, parseXml, type XmlElement } from "@sessionkit/xml";
import { STSServiceError } from "./STSServiceError.js";

/** A child element's text, trimmed (`undefined` when there is no such child). */
export const trimmedText = (el: XmlElement, name: string): string | undefined => childText(el, name)?.trim();

export interface StsErrorContext {
  readonly statusCode: number;
  /** From the response headers (`x-amzn-requestid` / `x-amz-request-id`); the body's `RequestId` wins. */
  readonly requestId?: string;
  /** e.g. `sts/AssumeRole`. */
  readonly operation?: string;
}

/**
 * Turns an STS error response into an {@link STSServiceError}. Understands both shapes seen in practice:
 * - the Query protocol's `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>` (AWS);
 * - S3's `<Error><Code/><Message/><RequestId/></Error>` (Ceph RGW answers STS errors this way);
 * - and `<ServiceUnavailableException/>`.
 * A body that is neither (empty, HTML from a proxy…) gives `SerializationError` with the status, as Go does.
 */
export function parseStsError(body: string | Uint8Array, ctx: StsErrorContext): STSServiceError {
  let code = "SerializationError";
  let message = "failed to decode query XML error response";
  let requestId: string | undefined;
  let errorType: string | undefined;
  let root: XmlElement | undefined;
  try {
    root = parseXml(body);
  } catch {}
  if (root?.name === "ServiceUnavailableException") {
    code = root.name;
    message = "service is unavailable";
  } else if (root !== undefined) {
    // Both shapes: the Query protocol's <Error> sits in <ErrorResponse> next to its RequestId; RGW's is the root.
    const error = root.name === "ErrorResponse" ? childElement(root, "Error") : root.name === "Error" ? root : undefined;
    const found = error && trimmedText(error, "Code");
    if (error !== undefined && found) {
      code = found;
      message = trimmedText(error, "Message") ?? "";
      requestId = trimmedText(root, "RequestId");
      if (error !== root) errorType = trimmedText(error, "Type") || undefined;
    }
  }
  const id = requestId || ctx.requestId;
  // Go's RequestFailure format; RGW sends empty messages, so the status alone then explains the error.
  const tail = `status code: ${ctx.statusCode}${id ? `, request id: ${id}` : ""}`;
  return new STSServiceError(code, message ? `${message}\n\t${tail}` : tail, {
    statusCode: ctx.statusCode,
    requestId: id,
    operation: ctx.operation,
    errorType,
  });
}
