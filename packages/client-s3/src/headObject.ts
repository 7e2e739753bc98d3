import { type OperationFunction, operationFunction } from "./operationFunction.js";
import { HeadObject } from "./operations.js";
import type { HeadObjectInput, HeadObjectOutput } from "./shapes.js";

/**
 * An object's metadata; a missing key rejects with code `NotFound` (HEAD responses have no body).
 */
export const headObject: OperationFunction<HeadObjectInput, HeadObjectOutput> = /* @__PURE__ */ operationFunction(HeadObject);
