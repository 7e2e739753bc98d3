import { operationFunction } from "./operationFunction.js";
import { ListBuckets } from "./operations.js";
import type { S3Client } from "./S3Client.js";
import type { ListBucketsInput, ListBucketsOutput, S3CallOptions } from "./shapes.js";

/**
 * Lists the caller's buckets.
 */
export const listBuckets = /* @__PURE__ */ operationFunction(ListBuckets) as (
  client: S3Client,
  input?: ListBucketsInput,
  options?: S3CallOptions,
) => Promise<ListBucketsOutput>;
