import { type OperationFunction, operationFunction } from "./operationFunction.js";
import { GetObject } from "./operations.js";
import type { GetObjectInput, GetObjectOutput } from "./shapes.js";

/**
 * Downloads an object; `Body` streams it (iterate it, or `await Body.transformToString()`).
 */
export const getObject: OperationFunction<GetObjectInput, GetObjectOutput> = /* @__PURE__ */ operationFunction(GetObject);
