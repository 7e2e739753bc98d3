import { ListBuckets } from "./operations.js";
import type { S3Client } from "./S3Client.js";
import type { ListBucketsInput, ListBucketsOutput, S3CallOptions } from "./shapes.js";

/**
 * Lists the caller's buckets.
 */
export function listBuckets(client: S3Client, input: ListBucketsInput = {}, options?: S3CallOptions): Promise<ListBucketsOutput> {
  return client.sendOperation(ListBuckets, input, options);
}
