import { type OperationFunction, operationFunction } from "./operationFunction.js";
import { DeleteObjects } from "./operations.js";
import type { DeleteObjectsInput, DeleteObjectsOutput } from "./shapes.js";

/**
 * Deletes up to 1000 objects in one request (sent with `Content-MD5`). Keys that could not be deleted are
 * listed in `Errors`; the call itself still resolves.
 */
export const deleteObjects: OperationFunction<DeleteObjectsInput, DeleteObjectsOutput> = /* @__PURE__ */ operationFunction(DeleteObjects);
