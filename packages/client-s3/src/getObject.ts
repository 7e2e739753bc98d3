import { GetObject } from "./operations.js";
import type { S3Client } from "./S3Client.js";
import type { GetObjectInput, GetObjectOutput, S3CallOptions } from "./shapes.js";

/**
 * Downloads an object; `Body` streams it (iterate it, or `await Body.transformToString()`).
 */
export function getObject(client: S3Client, input: GetObjectInput, options?: S3CallOptions): Promise<GetObjectOutput> {
  return client.sendOperation(GetObject, input, options);
}
