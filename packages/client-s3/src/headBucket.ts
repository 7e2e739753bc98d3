import { type OperationFunction, operationFunction } from "./operationFunction.js";
import { HeadBucket } from "./operations.js";
import type { HeadBucketInput, HeadBucketOutput } from "./shapes.js";

/**
 * Checks that a bucket exists and is accessible: rejects with `NotFound` / `Forbidden` otherwise.
 */
export const headBucket: OperationFunction<HeadBucketInput, HeadBucketOutput> = /* @__PURE__ */ operationFunction(HeadBucket);
