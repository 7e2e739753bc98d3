import { type OperationFunction, operationFunction } from "./operationFunction.js";
import { ListObjectsV2 } from "./operations.js";
import type { ListObjectsV2Input, ListObjectsV2Output } from "./shapes.js";

/**
 * One page of a bucket listing; see `paginateListObjectsV2` for all of them.
 */
export const listObjectsV2: OperationFunction<ListObjectsV2Input, ListObjectsV2Output> = /* @__PURE__ */ operationFunction(ListObjectsV2);
