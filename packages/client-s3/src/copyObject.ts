import { CopyObject } from "./operations.js";
import type { S3Client } from "./S3Client.js";
import type { CopyObjectInput, CopyObjectOutput, S3CallOptions } from "./shapes.js";

/**
 * Copies an object server-side; an error S3 reports inside the 200 response rejects (and is retried).
 */
export function copyObject(client: S3Client, input: CopyObjectInput, options?: S3CallOptions): Promise<CopyObjectOutput> {
  return client.sendOperation(CopyObject, input, options);
}
