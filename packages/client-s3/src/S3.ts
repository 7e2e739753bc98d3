import { sendRequest, ServiceClient, type ServiceInfo } from "@sessionkit/handlers";
import { UNSIGNED_PAYLOAD_CONTEXT_KEY, v4ClockSkewHandler, v4SignRequestHandler } from "@sessionkit/signature-v4";
import type { ClientConfigProvider, Config, HttpRequest, ResolvedConfig } from "@sessionkit/types";
import { s3Endpoint } from "./endpoint.js";
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
import { S3Handlers } from "./S3Handlers.js";
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

const S3_INFO: ServiceInfo = {
  serviceName: "s3",
  apiVersion: "2006-03-01",
  signingName: "s3",
  defaultEndpoint: (region: string, config: ResolvedConfig) => s3Endpoint(region, config),
};

/**
 * Amazon S3 on the typed plugin interface. It takes its configuration from any `ClientConfigProvider`
 * (a session, or a few lines of your own) and adds S3's handlers to its copy of the lists:
 *
 * | phase | added |
 * | --- | --- |
 * | build | `s3.BuildHandler` (addressing, query, headers, body) |
 * | sign | `v4.SignRequestHandler` |
 * | unmarshal | `s3.UnmarshalHandler` |
 * | unmarshalError | `s3.UnmarshalErrorHandler` (typed `S3ServiceError`) |
 * | retry | `v4.ClockSkewHandler`, `s3.RetryErrorIn200Handler` |
 */
export class S3 extends ServiceClient {
  constructor(provider: ClientConfigProvider, overrides?: Config) {
    super(provider.clientConfig("s3", overrides), S3_INFO);
    const h = this.handlers;
    h.build.pushBackNamed(S3Handlers.BuildHandler);
    h.sign.pushBackNamed(v4SignRequestHandler);
    h.unmarshal.pushBackNamed(S3Handlers.UnmarshalHandler);
    h.unmarshalError.pushBackNamed(S3Handlers.UnmarshalErrorHandler);
    h.retry.pushBackNamed(v4ClockSkewHandler);
    h.retry.pushBackNamed(S3Handlers.RetryErrorIn200Handler);
  }

  #call<I, O>(operation: S3Operation<I, O>, input: I, options?: S3CallOptions): Promise<O> {
    if (options?.unsignedPayload !== true) return this.send<I, O>(operation, input, options);
    const request = this.newRequest<I, O>(operation, input, options);
    request.context.set(UNSIGNED_PAYLOAD_CONTEXT_KEY, true);
    return sendRequest(request);
  }

  /** Lists the caller's buckets. */
  listBuckets(input: ListBucketsInput = {}, options?: S3CallOptions): Promise<ListBucketsOutput> {
    return this.#call(ListBuckets, input, options);
  }

  /** Creates a bucket (outside us-east-1 on AWS, `LocationConstraint` defaults to the client's region). */
  createBucket(input: CreateBucketInput, options?: S3CallOptions): Promise<CreateBucketOutput> {
    return this.#call(CreateBucket, input, options);
  }

  /** Checks that a bucket exists and is accessible: rejects with `NotFound` / `Forbidden` otherwise. */
  headBucket(input: HeadBucketInput, options?: S3CallOptions): Promise<HeadBucketOutput> {
    return this.#call(HeadBucket, input, options);
  }

  /** Deletes an empty bucket. */
  deleteBucket(input: DeleteBucketInput, options?: S3CallOptions): Promise<DeleteBucketOutput> {
    return this.#call(DeleteBucket, input, options);
  }

  /**
   * Uploads an object. Text and bytes are hashed into `x-amz-content-sha256` (or sent as `UNSIGNED-PAYLOAD`
   * with `{ unsignedPayload: true }`); a stream is always unsigned and needs `ContentLength`.
   */
  putObject(input: PutObjectInput, options?: S3CallOptions): Promise<PutObjectOutput> {
    return this.#call(PutObject, input, options);
  }

  /** Downloads an object; `Body` streams it (iterate it, or `await Body.transformToString()`). */
  getObject(input: GetObjectInput, options?: S3CallOptions): Promise<GetObjectOutput> {
    return this.#call(GetObject, input, options);
  }

  /** An object's metadata; a missing key rejects with code `NotFound` (HEAD responses have no body). */
  headObject(input: HeadObjectInput, options?: S3CallOptions): Promise<HeadObjectOutput> {
    return this.#call(HeadObject, input, options);
  }

  /** Deletes one object (S3 answers 204 whether or not it existed). */
  deleteObject(input: DeleteObjectInput, options?: S3CallOptions): Promise<DeleteObjectOutput> {
    return this.#call(DeleteObject, input, options);
  }

  /**
   * Deletes up to 1000 objects in one request (sent with `Content-MD5`). Keys that could not be deleted are
   * listed in `Errors`; the call itself still resolves.
   */
  deleteObjects(input: DeleteObjectsInput, options?: S3CallOptions): Promise<DeleteObjectsOutput> {
    return this.#call(DeleteObjects, input, options);
  }

  /** One page of a bucket listing; see `paginateListObjectsV2` for all of them. */
  listObjectsV2(input: ListObjectsV2Input, options?: S3CallOptions): Promise<ListObjectsV2Output> {
    return this.#call(ListObjectsV2, input, options);
  }

  /** Copies an object server-side; an error S3 reports inside the 200 response rejects (and is retried). */
  copyObject(input: CopyObjectInput, options?: S3CallOptions): Promise<CopyObjectOutput> {
    return this.#call(CopyObject, input, options);
  }

  /**
   * The wire request an operation would send: validated, addressed and built, but not signed or sent.
   * Used by the presign functions; also handy to inspect addressing.
   */
  buildRequest<I>(operation: S3Operation<I, unknown>, input: I): HttpRequest {
    const request = this.newRequest<I, unknown>(operation, input);
    if (request.error !== undefined) throw request.error;
    if (!this.config.disableParamValidation) operation.validate(input);
    S3Handlers.BuildHandler.fn(request);
    return request.httpRequest;
  }
}
