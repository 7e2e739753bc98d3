// Inputs and outputs of the S3 operations, with AWS's member names. Lists in outputs are always arrays
// (empty when S3 sent none), so callers never need `?? []`.

/** Facts about the HTTP exchange behind an output (as in the AWS SDK v3). */
export interface ResponseMetadata {
  readonly httpStatusCode: number;
  /** `x-amz-request-id`; s3rver sends none. */
  readonly requestId?: string;
  /** `x-amz-id-2`. */
  readonly extendedRequestId?: string;
  /** Attempts made, retries included. */
  readonly attempts: number;
}

/** Every output carries `$metadata`. */
export interface MetadataBearer {
  $metadata: ResponseMetadata;
}

/**
 * A request body: text (sent as UTF-8), bytes (a `Uint8Array`, `Buffer`, any other `ArrayBuffer` view, or an
 * `ArrayBuffer`), a `Blob` (its `size` is the `ContentLength`), or a stream of bytes whose `ContentLength` is given.
 */
export type PutBody = string | Uint8Array | ArrayBuffer | ArrayBufferView | Blob | AsyncIterable<Uint8Array>;

/**
 * A response body: read it once, either by iterating (`for await (const chunk of Body)`; in Node,
 * `Readable.from(Body)` makes a stream) or with one of the helpers.
 */
export interface StreamingBody extends AsyncIterable<Uint8Array> {
  /** All bytes of the body. */
  transformToByteArray(): Promise<Uint8Array>;
  /** The body decoded as text (UTF-8 unless another `TextDecoder` label is given). */
  transformToString(encoding?: string): Promise<string>;
}

export interface Owner {
  DisplayName?: string;
  ID?: string;
}

export interface Bucket {
  Name?: string;
  CreationDate?: Date;
  BucketRegion?: string;
}

export interface ListBucketsInput {
  MaxBuckets?: number;
  ContinuationToken?: string;
  Prefix?: string;
  BucketRegion?: string;
}

export interface ListBucketsOutput extends MetadataBearer {
  Buckets: Bucket[];
  Owner?: Owner;
  ContinuationToken?: string;
  Prefix?: string;
}

/** Members every bucket-level input shares. */
export interface BucketInput {
  Bucket: string;
  /** Fails the call with 403 when the bucket belongs to another account. */
  ExpectedBucketOwner?: string;
}

/** Members every object-level input shares. */
export interface ObjectInput extends BucketInput {
  Key: string;
  RequestPayer?: "requester";
}

export type BucketCannedACL = "private" | "public-read" | "public-read-write" | "authenticated-read";
export type ObjectCannedACL = BucketCannedACL | "aws-exec-read" | "bucket-owner-read" | "bucket-owner-full-control";
export type StorageClass =
  | "STANDARD"
  | "REDUCED_REDUNDANCY"
  | "STANDARD_IA"
  | "ONEZONE_IA"
  | "INTELLIGENT_TIERING"
  | "GLACIER"
  | "DEEP_ARCHIVE"
  | "GLACIER_IR"
  | "EXPRESS_ONEZONE"
  | (string & {});
export type ServerSideEncryption = "AES256" | "aws:kms" | "aws:kms:dsse" | (string & {});

export interface CreateBucketConfiguration {
  /** The region to create the bucket in; filled from the client's region when omitted on AWS endpoints. */
  LocationConstraint?: string;
}

export interface CreateBucketInput {
  Bucket: string;
  ACL?: BucketCannedACL;
  CreateBucketConfiguration?: CreateBucketConfiguration;
  GrantFullControl?: string;
  GrantRead?: string;
  GrantReadACP?: string;
  GrantWrite?: string;
  GrantWriteACP?: string;
  ObjectLockEnabledForBucket?: boolean;
  ObjectOwnership?: "BucketOwnerPreferred" | "ObjectWriter" | "BucketOwnerEnforced";
}

export interface CreateBucketOutput extends MetadataBearer {
  Location?: string;
}

export type HeadBucketInput = BucketInput;

export interface HeadBucketOutput extends MetadataBearer {
  BucketRegion?: string;
  AccessPointAlias?: boolean;
}

export type DeleteBucketInput = BucketInput;

export type DeleteBucketOutput = MetadataBearer;

/** Headers that describe an object's content, shared by PUT and COPY. */
export interface ObjectContentHeaders {
  CacheControl?: string;
  ContentDisposition?: string;
  ContentEncoding?: string;
  ContentLanguage?: string;
  ContentType?: string;
  Expires?: Date;
  /** User metadata, sent as `x-amz-meta-<name>` headers. */
  Metadata?: Record<string, string>;
  ACL?: ObjectCannedACL;
  StorageClass?: StorageClass;
  ServerSideEncryption?: ServerSideEncryption;
  SSEKMSKeyId?: string;
  Tagging?: string;
  WebsiteRedirectLocation?: string;
  ObjectLockMode?: "GOVERNANCE" | "COMPLIANCE";
  ObjectLockRetainUntilDate?: Date;
  ObjectLockLegalHoldStatus?: "ON" | "OFF";
}

export interface PutObjectInput extends ObjectInput, ObjectContentHeaders {
  Body?: PutBody;
  /** Required when `Body` is a stream; computed for text and bytes. */
  ContentLength?: number;
  /** Base64 MD5 of the body, checked by S3. */
  ContentMD5?: string;
  IfMatch?: string;
  IfNoneMatch?: string;
}

export interface PutObjectOutput extends MetadataBearer {
  ETag?: string;
  VersionId?: string;
  Expiration?: string;
  ServerSideEncryption?: ServerSideEncryption;
  SSEKMSKeyId?: string;
}

/** Conditions and selectors shared by GET and HEAD. */
export interface ObjectReadInput extends ObjectInput {
  VersionId?: string;
  Range?: string;
  PartNumber?: number;
  IfMatch?: string;
  IfNoneMatch?: string;
  IfModifiedSince?: Date;
  IfUnmodifiedSince?: Date;
}

export type HeadObjectInput = ObjectReadInput;

export interface GetObjectInput extends ObjectReadInput {
  ResponseCacheControl?: string;
  ResponseContentDisposition?: string;
  ResponseContentEncoding?: string;
  ResponseContentLanguage?: string;
  ResponseContentType?: string;
  ResponseExpires?: Date;
}

/** What HEAD and GET tell about an object. */
export interface HeadObjectOutput extends MetadataBearer {
  AcceptRanges?: string;
  CacheControl?: string;
  ContentDisposition?: string;
  ContentEncoding?: string;
  ContentLanguage?: string;
  ContentLength?: number;
  ContentRange?: string;
  ContentType?: string;
  DeleteMarker?: boolean;
  ETag?: string;
  Expiration?: string;
  Expires?: Date;
  /** The raw `Expires` header, kept even when it is not a valid date. */
  ExpiresString?: string;
  LastModified?: Date;
  /** User metadata from the `x-amz-meta-*` headers (names lower-cased by HTTP). */
  Metadata: Record<string, string>;
  MissingMeta?: number;
  ObjectLockLegalHoldStatus?: string;
  ObjectLockMode?: string;
  ObjectLockRetainUntilDate?: Date;
  PartsCount?: number;
  ReplicationStatus?: string;
  RequestCharged?: string;
  Restore?: string;
  ServerSideEncryption?: ServerSideEncryption;
  SSEKMSKeyId?: string;
  StorageClass?: StorageClass;
  TagCount?: number;
  VersionId?: string;
  WebsiteRedirectLocation?: string;
}

export interface GetObjectOutput extends HeadObjectOutput {
  Body: StreamingBody;
}

export interface DeleteObjectInput extends ObjectInput {
  VersionId?: string;
  MFA?: string;
  BypassGovernanceRetention?: boolean;
}

export interface DeleteObjectOutput extends MetadataBearer {
  DeleteMarker?: boolean;
  VersionId?: string;
  RequestCharged?: string;
}

export interface ObjectIdentifier {
  Key: string;
  VersionId?: string;
}

export interface Delete {
  Objects: ObjectIdentifier[];
  /** Report only the keys that failed. */
  Quiet?: boolean;
}

export interface DeleteObjectsInput extends BucketInput {
  Delete: Delete;
  MFA?: string;
  BypassGovernanceRetention?: boolean;
  RequestPayer?: "requester";
}

export interface DeletedObject {
  Key?: string;
  VersionId?: string;
  DeleteMarker?: boolean;
  DeleteMarkerVersionId?: string;
}

/** One key DeleteObjects could not delete (S3's `Error` element; the call itself succeeded). */
export interface DeleteError {
  Key?: string;
  VersionId?: string;
  Code?: string;
  Message?: string;
}

export interface DeleteObjectsOutput extends MetadataBearer {
  Deleted: DeletedObject[];
  Errors: DeleteError[];
  RequestCharged?: string;
}

export interface ListObjectsV2Input extends BucketInput {
  Prefix?: string;
  Delimiter?: string;
  MaxKeys?: number;
  ContinuationToken?: string;
  StartAfter?: string;
  FetchOwner?: boolean;
  /** With `url`, S3 URL-encodes keys in the response; they are returned as S3 sent them. */
  EncodingType?: "url";
  RequestPayer?: "requester";
}

export interface S3Object {
  Key?: string;
  LastModified?: Date;
  ETag?: string;
  Size?: number;
  StorageClass?: StorageClass;
  Owner?: Owner;
}

export interface CommonPrefix {
  Prefix?: string;
}

export interface ListObjectsV2Output extends MetadataBearer {
  Name?: string;
  Prefix?: string;
  Delimiter?: string;
  MaxKeys?: number;
  KeyCount?: number;
  IsTruncated?: boolean;
  Contents: S3Object[];
  CommonPrefixes: CommonPrefix[];
  ContinuationToken?: string;
  NextContinuationToken?: string;
  StartAfter?: string;
  EncodingType?: string;
}

export interface CopyObjectInput extends ObjectInput, ObjectContentHeaders {
  /** `source-bucket/source-key[?versionId=…]`, URL-encoded as S3 requires: build it with `copySource()`. */
  CopySource: string;
  MetadataDirective?: "COPY" | "REPLACE";
  TaggingDirective?: "COPY" | "REPLACE";
  CopySourceIfMatch?: string;
  CopySourceIfNoneMatch?: string;
  CopySourceIfModifiedSince?: Date;
  CopySourceIfUnmodifiedSince?: Date;
  ExpectedSourceBucketOwner?: string;
}

export interface CopyObjectResult {
  ETag?: string;
  LastModified?: Date;
}

export interface CopyObjectOutput extends MetadataBearer {
  CopyObjectResult?: CopyObjectResult;
  VersionId?: string;
  CopySourceVersionId?: string;
  Expiration?: string;
  ServerSideEncryption?: ServerSideEncryption;
  SSEKMSKeyId?: string;
}

/** Per-call options. */
export interface S3CallOptions {
  /** Aborts the call (including retries and backoff) with `RequestCanceled`. */
  readonly signal?: AbortSignal;
  /** Sign the body as `UNSIGNED-PAYLOAD` instead of hashing it (streams are always unsigned). */
  readonly unsignedPayload?: boolean;
}
