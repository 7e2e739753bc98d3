import { copyObject } from "./copyObject.js";
import { createBucket } from "./createBucket.js";
import { deleteBucket } from "./deleteBucket.js";
import { deleteObject } from "./deleteObject.js";
import { deleteObjects } from "./deleteObjects.js";
import { getObject } from "./getObject.js";
import { headBucket } from "./headBucket.js";
import { headObject } from "./headObject.js";
import { listBuckets } from "./listBuckets.js";
import { listObjectsV2 } from "./listObjectsV2.js";
import { putObject } from "./putObject.js";
import { S3Client } from "./S3Client.js";
import type {
  CopyObjectInput,
  CopyObjectOutput,
  CreateBucketInput,
  CreateBucketOutput,
  DeleteBucketInput,
  DeleteBucketOutput,
  DeleteObjectInput,
  DeleteObjectOutput,
  DeleteObjectsInput,
  DeleteObjectsOutput,
  GetObjectInput,
  GetObjectOutput,
  HeadBucketInput,
  HeadBucketOutput,
  HeadObjectInput,
  HeadObjectOutput,
  ListBucketsInput,
  ListBucketsOutput,
  ListObjectsV2Input,
  ListObjectsV2Output,
  PutObjectInput,
  PutObjectOutput,
  S3CallOptions,
} from "./shapes.js";

/**
 * Amazon S3 with every operation as a method: an `S3Client` whose methods call the operation functions.
 * Convenient, but a bundler keeps all eleven operations; `new S3Client(provider)` with the functions
 * (`listBuckets(client, input)`, …) keeps only those an app calls.
 */
export class S3 extends S3Client {
  /** Lists the caller's buckets. */
  listBuckets(input: ListBucketsInput = {}, options?: S3CallOptions): Promise<ListBucketsOutput> {
    return listBuckets(this, input, options);
  }

  /** Creates a bucket (outside us-east-1 on AWS, `LocationConstraint` defaults to the client's region). */
  createBucket(input: CreateBucketInput, options?: S3CallOptions): Promise<CreateBucketOutput> {
    return createBucket(this, input, options);
  }

  /** Checks that a bucket exists and is accessible: rejects with `NotFound` / `Forbidden` otherwise. */
  headBucket(input: HeadBucketInput, options?: S3CallOptions): Promise<HeadBucketOutput> {
    return headBucket(this, input, options);
  }

  /** Deletes an empty bucket. */
  deleteBucket(input: DeleteBucketInput, options?: S3CallOptions): Promise<DeleteBucketOutput> {
    return deleteBucket(this, input, options);
  }

  /**
   * Uploads an object. Text and bytes are hashed into `x-amz-content-sha256` (or sent as `UNSIGNED-PAYLOAD`
   * with `{ unsignedPayload: true }`); a stream is always unsigned and needs `ContentLength`.
   */
  putObject(input: PutObjectInput, options?: S3CallOptions): Promise<PutObjectOutput> {
    return putObject(this, input, options);
  }

  /** Downloads an object; `Body` streams it (iterate it, or `await Body.transformToString()`). */
  getObject(input: GetObjectInput, options?: S3CallOptions): Promise<GetObjectOutput> {
    return getObject(this, input, options);
  }

  /** An object's metadata; a missing key rejects with code `NotFound` (HEAD responses have no body). */
  headObject(input: HeadObjectInput, options?: S3CallOptions): Promise<HeadObjectOutput> {
    return headObject(this, input, options);
  }

  /** Deletes one object (S3 answers 204 whether or not it existed). */
  deleteObject(input: DeleteObjectInput, options?: S3CallOptions): Promise<DeleteObjectOutput> {
    return deleteObject(this, input, options);
  }

  /**
   * Deletes up to 1000 objects in one request (sent with `Content-MD5`). Keys that could not be deleted are
   * listed in `Errors`; the call itself still resolves.
   */
  deleteObjects(input: DeleteObjectsInput, options?: S3CallOptions): Promise<DeleteObjectsOutput> {
    return deleteObjects(this, input, options);
  }

  /** One page of a bucket listing; see `paginateListObjectsV2` for all of them. */
  listObjectsV2(input: ListObjectsV2Input, options?: S3CallOptions): Promise<ListObjectsV2Output> {
    return listObjectsV2(this, input, options);
  }

  /** Copies an object server-side; an error S3 reports inside the 200 response rejects (and is retried). */
  copyObject(input: CopyObjectInput, options?: S3CallOptions): Promise<CopyObjectOutput> {
    return copyObject(this, input, options);
  }
}
