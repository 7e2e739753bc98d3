import type { HttpRequest } from "@sessionkit/types";
import type { S3Operation } from "./operations.js";
import type { S3Client } from "./S3Client.js";
import { BUILD } from "./S3Handlers.js";

/**
 * The wire request an operation would send: validated, addressed and built, but not signed or sent. The
 * presign functions use it; it is also handy to inspect addressing. A function, not a method, so apps that
 * never call it do not bundle it.
 */
export function buildRequest<I>(client: S3Client, operation: S3Operation<I, unknown>, input: I): HttpRequest {
  const request = client.newRequest<I, unknown>(operation, input);
  if (request.error !== undefined) throw request.error;
  if (!client.config.disableParamValidation) operation.validate?.(input);
  BUILD.fn(request);
  return request.httpRequest;
}
