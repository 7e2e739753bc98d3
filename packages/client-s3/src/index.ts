export { buildRequest } from "./buildRequest.js";
export { copySource, encodeKey } from "./encodeKey.js";
export {
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
export { needsPathStyle, type S3EndpointOptions, s3Endpoint } from "./endpoint.js";
export { type ListObjectsV2PaginatorConfig, paginateListObjectsV2 } from "./paginateListObjectsV2.js";
export { type PresignOptions, presignGetObject, presignPutObject } from "./presign.js";
export { S3, type S3Constructor } from "./S3.js";
export type { OperationFunction } from "./operationFunction.js";
export { S3Client } from "./S3Client.js";
export { copyObject } from "./copyObject.js";
export { createBucket } from "./createBucket.js";
export { deleteBucket } from "./deleteBucket.js";
export { deleteObject } from "./deleteObject.js";
export { deleteObjects } from "./deleteObjects.js";
export { getObject } from "./getObject.js";
export { headBucket } from "./headBucket.js";
export { headObject } from "./headObject.js";
export { listBuckets } from "./listBuckets.js";
export { listObjectsV2 } from "./listObjectsV2.js";
export { putObject } from "./putObject.js";
export { ERROR_IN_200_CONTEXT_KEY, S3Handlers } from "./S3Handlers.js";
export { type S3ErrorCode, S3ServiceError, type S3ServiceErrorOptions } from "./S3ServiceError.js";
export type * from "./shapes.js";
