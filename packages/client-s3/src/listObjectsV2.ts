import { ListObjectsV2 } from "./operations.js";
import type { S3Client } from "./S3Client.js";
import type { ListObjectsV2Input, ListObjectsV2Output, S3CallOptions } from "./shapes.js";

/**
 * One page of a bucket listing; see `paginateListObjectsV2` for all of them.
 */
export function listObjectsV2(client: S3Client, input: ListObjectsV2Input, options?: S3CallOptions): Promise<ListObjectsV2Output> {
  return client.sendOperation(ListObjectsV2, input, options);
}
