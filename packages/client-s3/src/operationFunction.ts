import type { S3Operation } from "./operations.js";
import type { S3Client } from "./S3Client.js";
import type { S3CallOptions } from "./shapes.js";

/** An operation as a standalone function of the client: `getObject(client, input, options?)`. */
export type OperationFunction<I, O> = (client: S3Client, input: I, options?: S3CallOptions) => Promise<O>;

/**
 * The function that sends `operation` with a client. One tiny closure per operation (made at module load,
 * pure, so a bundler drops the ones an app does not import) instead of a function body per operation.
 */
/* @__NO_SIDE_EFFECTS__ */ export function operationFunction<I, O>(operation: S3Operation<I, O>): OperationFunction<I, O> {
  // A missing input is an empty one (ListBuckets needs none; the others fail validation naming each member).
  return (client, input, options) => client.sendOperation(operation, input ?? ({} as I), options);
}
