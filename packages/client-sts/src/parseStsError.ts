import { childElement, childText, parseXml, type XmlElement } from "@sessionkit/xml";
import { STSServiceError } from "./STSServiceError.js";

export interface StsErrorContext {
  readonly statusCode: number;
  /** From the response headers (`x-amzn-requestid` / `x-amz-request-id`); the body's `RequestId` wins. */
  readonly requestId?: string;
  /** e.g. `sts/AssumeRole`. */
  readonly operation?: string;
}

function tryParse(body: string | Uint8Array): XmlElement | undefined {
  try {
    return parseXml(body);
  } catch {
    return undefined;
  }
}

function build(
  code: string,
  message: string,
  ctx: StsErrorContext,
  requestId: string | undefined,
  errorType?: string,
): STSServiceError {
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

/**
 * Turns an STS error response into an {@link STSServiceError}. Understands both shapes seen in practice:
 * - the Query protocol's `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>` (AWS);
 * - S3's `<Error><Code/><Message/><RequestId/></Error>` (Ceph RGW answers STS errors this way);
 * - and `<ServiceUnavailableException/>`.
 * A body that is neither (empty, HTML from a proxy…) gives `SerializationError` with the status, as Go does.
 */
export function parseStsError(body: string | Uint8Array, ctx: StsErrorContext): STSServiceError {
  const root = tryParse(body);
  if (root?.name === "ErrorResponse") {
    const error = childElement(root, "Error");
    const code = error === undefined ? undefined : childText(error, "Code")?.trim();
    if (error !== undefined && code) {
      return build(
        code,
        childText(error, "Message")?.trim() ?? "",
        ctx,
        childText(root, "RequestId")?.trim(),
        childText(error, "Type")?.trim() || undefined,
      );
    }
  } else if (root?.name === "Error") {
    const code = childText(root, "Code")?.trim();
    if (code) return build(code, childText(root, "Message")?.trim() ?? "", ctx, childText(root, "RequestId")?.trim());
  } else if (root?.name === "ServiceUnavailableException") {
    return build("ServiceUnavailableException", "service is unavailable", ctx, undefined);
  }
  return build("SerializationError", "failed to decode query XML error response", ctx, undefined);
}
