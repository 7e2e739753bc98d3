import { CreateBucket } from "./operations.js";
import type { S3Client } from "./S3Client.js";
import type { CreateBucketInput, CreateBucketOutput, S3CallOptions } from "./shapes.js";

/**
 * Creates a bucket (outside us-east-1 on AWS, `LocationConstraint` defaults to the client's region).
 */
export function createBucket(client: S3Client, input: CreateBucketInput, options?: S3CallOptions): Promise<CreateBucketOutput> {
  return client.sendOperation(CreateBucket, input, options);
}
