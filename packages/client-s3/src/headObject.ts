import { HeadObject } from "./operations.js";
import type { S3Client } from "./S3Client.js";
import type { HeadObjectInput, HeadObjectOutput, S3CallOptions } from "./shapes.js";

/**
 * An object's metadata; a missing key rejects with code `NotFound` (HEAD responses have no body).
 */
export function headObject(client: S3Client, input: HeadObjectInput, options?: S3CallOptions): Promise<HeadObjectOutput> {
  return client.sendOperation(HeadObject, input, options);
}
