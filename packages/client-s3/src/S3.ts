import type { ClientConfigProvider, Config } from "@sessionkit/types";
import {
  CopyObject,
  CreateBucket,
  DeleteBucket,
  DeleteObject,
  DeleteObjects,
  GetObject,
  HeadBucket,
  HeadObject,
  ListBuckets,
  ListObjectsV2,
  PutObject,
  type S3Operation,
} from "./operations.js";
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
export interface S3 extends S3Client {
  /** Lists the caller's buckets. */
  listBuckets(input?: ListBucketsInput, options?: S3CallOptions): Promise<ListBucketsOutput>;

  /** Creates a bucket (outside us-east-1 on AWS, `LocationConstraint` defaults to the client's region). */
  createBucket(input: CreateBucketInput, options?: S3CallOptions): Promise<CreateBucketOutput>;

  /** Checks that a bucket exists and is accessible: rejects with `NotFound` / `Forbidden` otherwise. */
  headBucket(input: HeadBucketInput, options?: S3CallOptions): Promise<HeadBucketOutput>;

  /** Deletes an empty bucket. */
  deleteBucket(input: DeleteBucketInput, options?: S3CallOptions): Promise<DeleteBucketOutput>;

  /**
   * Uploads an object. Text and bytes are hashed into `x-amz-content-sha256` (or sent as `UNSIGNED-PAYLOAD`
   * with `{ unsignedPayload: true }`); a stream is always unsigned and needs `ContentLength`.
   */
  putObject(input: PutObjectInput, options?: S3CallOptions): Promise<PutObjectOutput>;

  /** Downloads an object; `Body` streams it (iterate it, or `await Body.transformToString()`). */
  getObject(input: GetObjectInput, options?: S3CallOptions): Promise<GetObjectOutput>;

  /** An object's metadata; a missing key rejects with code `NotFound` (HEAD responses have no body). */
  headObject(input: HeadObjectInput, options?: S3CallOptions): Promise<HeadObjectOutput>;

  /** Deletes one object (S3 answers 204 whether or not it existed). */
  deleteObject(input: DeleteObjectInput, options?: S3CallOptions): Promise<DeleteObjectOutput>;

  /**
   * Deletes up to 1000 objects in one request (sent with `Content-MD5`). Keys that could not be deleted are
   * listed in `Errors`; the call itself still resolves.
   */
  deleteObjects(input: DeleteObjectsInput, options?: S3CallOptions): Promise<DeleteObjectsOutput>;

  /** One page of a bucket listing; see `paginateListObjectsV2` for all of them. */
  listObjectsV2(input: ListObjectsV2Input, options?: S3CallOptions): Promise<ListObjectsV2Output>;

  /** Copies an object server-side; an error S3 reports inside the 200 response rejects (and is retried). */
  copyObject(input: CopyObjectInput, options?: S3CallOptions): Promise<CopyObjectOutput>;
}

/** The constructor of {@link S3}. */
export interface S3Constructor {
  new (provider: ClientConfigProvider, overrides?: Config): S3;
  readonly prototype: S3;
}

// The methods are made from the operation list (`GetObject` → `getObject`): one line each instead of a method
// body each. Built in a pure initialiser, so apps that use only `S3Client` drop it and every operation.
export const S3: S3Constructor = /* @__PURE__ */ (() => {
  const S3 = class extends S3Client {};
  // Named explicitly: an inner `class S3` shadows this module's `S3`, and the bundler renames it (`S32`).
  Object.defineProperty(S3, "name", { value: "S3" });
  const proto = S3.prototype as unknown as Record<string, unknown>;
  const ops: S3Operation[] = [ListBuckets, CreateBucket, HeadBucket, DeleteBucket, PutObject, GetObject, HeadObject, DeleteObject, DeleteObjects, ListObjectsV2, CopyObject];
  for (const op of ops) {
    proto[op.name[0]?.toLowerCase() + op.name.slice(1)] = function (this: S3Client, input: unknown, options?: S3CallOptions) {
      return this.sendOperation(op, input ?? {}, options);
    };
  }
  return S3 as unknown as S3Constructor;
})();
