import { PutObject } from "./operations.js";
import type { S3Client } from "./S3Client.js";
import type { PutObjectInput, PutObjectOutput, S3CallOptions } from "./shapes.js";

/**
 * Uploads an object. Text and bytes are hashed into `x-amz-content-sha256` (or sent as `UNSIGNED-PAYLOAD`
 * with `{ unsignedPayload: true }`); a stream is always unsigned and needs `ContentLength`.
 */
export function putObject(client: S3Client, input: PutObjectInput, options?: S3CallOptions): Promise<PutObjectOutput> {
  return client.sendOperation(PutObject, input, options);
}
