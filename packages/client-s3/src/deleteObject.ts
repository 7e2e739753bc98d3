import { DeleteObject } from "./operations.js";
import type { S3Client } from "./S3Client.js";
import type { DeleteObjectInput, DeleteObjectOutput, S3CallOptions } from "./shapes.js";

/**
 * Deletes one object (S3 answers 204 whether or not it existed).
 */
export function deleteObject(client: S3Client, input: DeleteObjectInput, options?: S3CallOptions): Promise<DeleteObjectOutput> {
  return client.sendOperation(DeleteObject, input, options);
}
