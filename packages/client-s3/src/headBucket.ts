import { HeadBucket } from "./operations.js";
import type { S3Client } from "./S3Client.js";
import type { HeadBucketInput, HeadBucketOutput, S3CallOptions } from "./shapes.js";

/**
 * Checks that a bucket exists and is accessible: rejects with `NotFound` / `Forbidden` otherwise.
 */
export function headBucket(client: S3Client, input: HeadBucketInput, options?: S3CallOptions): Promise<HeadBucketOutput> {
  return client.sendOperation(HeadBucket, input, options);
}
