import { type OperationFunction, operationFunction } from "./operationFunction.js";
import { CopyObject } from "./operations.js";
import type { CopyObjectInput, CopyObjectOutput } from "./shapes.js";

/**
 * Copies an object server-side; an error S3 reports inside the 200 response rejects (and is retried).
 */
export const copyObject: OperationFunction<CopyObjectInput, CopyObjectOutput> = /* @__PURE__ */ operationFunction(CopyObject);
