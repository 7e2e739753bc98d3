import { DeleteBucket } from "./operations.js";
import type { S3Client } from "./S3Client.js";
import type { DeleteBucketInput, DeleteBucketOutput, S3CallOptions } from "./shapes.js";

/**
 * Deletes an empty bucket.
 */
export function deleteBucket(client: S3Client, input: DeleteBucketInput, options?: S3CallOptions): Promise<DeleteBucketOutput> {
  return client.sendOperation(DeleteBucket, input, options);
}
