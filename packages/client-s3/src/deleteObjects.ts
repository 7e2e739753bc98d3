import { DeleteObjects } from "./operations.js";
import type { S3Client } from "./S3Client.js";
import type { DeleteObjectsInput, DeleteObjectsOutput, S3CallOptions } from "./shapes.js";

/**
 * Deletes up to 1000 objects in one request (sent with `Content-MD5`). Keys that could not be deleted are
 * listed in `Errors`; the call itself still resolves.
 */
export function deleteObjects(client: S3Client, input: DeleteObjectsInput, options?: S3CallOptions): Promise<DeleteObjectsOutput> {
  return client.sendOperation(DeleteObjects, input, options);
}
