import { type OperationFunction, operationFunction } from "./operationFunction.js";
import { CreateBucket } from "./operations.js";
import type { CreateBucketInput, CreateBucketOutput } from "./shapes.js";

/**
 * Creates a bucket (outside us-east-1 on AWS, `LocationConstraint` defaults to the client's region).
 */
export const createBucket: OperationFunction<CreateBucketInput, CreateBucketOutput> = /* @__PURE__ */ operationFunction(CreateBucket);
