import { type OperationFunction, operationFunction } from "./operationFunction.js";
import { DeleteObject } from "./operations.js";
import type { DeleteObjectInput, DeleteObjectOutput } from "./shapes.js";

/**
 * Deletes one object (S3 answers 204 whether or not it existed).
 */
export const deleteObject: OperationFunction<DeleteObjectInput, DeleteObjectOutput> = /* @__PURE__ */ operationFunction(DeleteObject);
