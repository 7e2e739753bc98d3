import { type OperationFunction, operationFunction } from "./operationFunction.js";
import { PutObject } from "./operations.js";
import type { PutObjectInput, PutObjectOutput } from "./shapes.js";

/**
 * Uploads an object. Text and bytes are hashed into `x-amz-content-sha256` (or sent as `UNSIGNED-PAYLOAD`
 * with `{ unsignedPayload: true }`); a stream is always unsigned and needs `ContentLength`.
 */
export const putObject: OperationFunction<PutObjectInput, PutObjectOutput> = /* @__PURE__ */ operationFunction(PutObject);
