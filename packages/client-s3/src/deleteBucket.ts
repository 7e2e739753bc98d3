import { type OperationFunction, operationFunction } from "./operationFunction.js";
import { DeleteBucket } from "./operations.js";
import type { DeleteBucketInput, DeleteBucketOutput } from "./shapes.js";

/**
 * Deletes an empty bucket.
 */
export const deleteBucket: OperationFunction<DeleteBucketInput, DeleteBucketOutput> = /* @__PURE__ */ operationFunction(DeleteBucket);
