import { SdkError } from "@sessionkit/errors";
import type { HttpRequest, HttpResponse, Operation, Request } from "@sessionkit/types";
import { childElement, childElements, childText, escapeXml, type XmlElement } from "@sessionkit/xml";
import { type HeaderMap, readHeaders, readMetadata, writeMembers, writeMetadata } from "./headerMaps.js";
import { md5Base64 } from "./md5.js";
import type {
  Bucket,
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
  Owner,
  PutObjectInput,
  PutObjectOutput,
} from "./shapes.js";
import { toStreamingBody } from "./toStreamingBody.js";

/** What the response body is to the operation: XML to parse, the caller's stream, or nothing of interest. */
export type ResponseBodyKind = "xml" | "stream" | "none";

/** An output before the unmarshal handler adds `$metadata`. */
export type Unmarshalled<O> = Omit<O, "$metadata">;

/**
 * One S3 operation, described as data plus three functions the generic REST-XML handlers call
 * (`s3.Build`, `s3.Unmarshal`). Defined once per module, so a call allocates no closures.
 */
export interface S3Operation<I = unknown, O = unknown> extends Operation {
  /** `Input` shape name used in validation messages, e.g. `GetObjectInput`. */
  readonly shape: string;
  /** Members that must be present (Go's `required` + `min: 1` for strings). */
  readonly required: readonly string[];
  /** The path names a bucket (`/Bucket`) and maybe a key (`/Bucket/Key`). */
  readonly target: "service" | "bucket" | "object";
  readonly responseBody: ResponseBodyKind;
  /** Go's `Validate()`: run by `core.ValidateParametersHandler` unless parameter validation is off. */
  validate(params: I): void;
  /** Sets query, headers and body on a request whose host and path already address the bucket/key. */
  build(input: I, http: HttpRequest, request: Request): void;
  /** Reads the output from the response headers and, for `xml` operations, the parsed body. */
  parse(response: HttpResponse, root: XmlElement | undefined): Unmarshalled<O>;
}

const S3_NS = "http://s3.amazonaws.com/doc/2006-03-01/";

/** Checks required members like Go's `request.ErrInvalidParams`, naming each one. */
function validateRequired(this: S3Operation, params: unknown): void {
  const values = (params ?? {}) as Record<string, unknown>;
  const missing = this.required.filter((m) => values[m] === undefined || values[m] === null || values[m] === "");
  if (missing.length === 0) return;
  const lines = missing.map((m) => `- missing required field, ${this.shape}.${m}.`).join("\n");
  throw new SdkError("InvalidParameter", `${missing.length} validation error(s) found.\n${lines}`);
}

function define<I, O>(
  name: string,
  httpMethod: string,
  target: S3Operation["target"],
  required: readonly string[],
  responseBody: ResponseBodyKind,
  build: (input: I, http: HttpRequest, request: Request) => void,
  parse: (response: HttpResponse, root: XmlElement | undefined) => Unmarshalled<O>,
): S3Operation<I, O> {
  return { name, httpMethod, httpPath: "/", shape: `${name}Input`, required, target, responseBody, validate: validateRequired, build, parse };
}

// ---- XML readers -------------------------------------------------------------------------------------------

function num(el: XmlElement, name: string): number | undefined {
  const t = childText(el, name);
  return t === undefined || t === "" ? undefined : Number(t);
}

function date(el: XmlElement, name: string): Date | undefined {
  const t = childText(el, name);
  return t === undefined || t === "" ? undefined : new Date(t);
}

function bool(el: XmlElement, name: string): boolean | undefined {
  const t = childText(el, name);
  return t === undefined ? undefined : t === "true";
}

/** Copies the text of each named child that is present onto `out` (members named like the elements). */
function texts(out: Record<string, unknown>, el: XmlElement, names: readonly string[]): void {
  for (const n of names) {
    const t = childText(el, n);
    if (t !== undefined) out[n] = t;
  }
}

function owner(el: XmlElement | undefined): Owner | undefined {
  if (el === undefined) return undefined;
  const out: Owner = {};
  texts(out as Record<string, unknown>, el, ["ID", "DisplayName"]);
  return out;
}

/** Drops members whose value is `undefined`, so outputs compare and print cleanly. */
function compact<T extends object>(o: T): T {
  for (const k in o) if (o[k] === undefined) delete o[k];
  return o;
}

function xmlRoot(root: XmlElement | undefined): XmlElement {
  return root ?? { name: "", attributes: {}, children: [], text: "" };
}

// ---- header tables -----------------------------------------------------------------------------------------

const OWNER_HEADER: HeaderMap = [["ExpectedBucketOwner", "x-amz-expected-bucket-owner"]];
const OBJECT_HEADERS: HeaderMap = [...OWNER_HEADER, ["RequestPayer", "x-amz-request-payer"]];

/** Content and storage headers written by PutObject and CopyObject. */
const CONTENT_HEADERS: HeaderMap = [
  ...OBJECT_HEADERS,
  ["ACL", "x-amz-acl"],
  ["CacheControl", "cache-control"],
  ["ContentDisposition", "content-disposition"],
  ["ContentEncoding", "content-encoding"],
  ["ContentLanguage", "content-language"],
  ["ContentType", "content-type"],
  ["Expires", "expires", "d"],
  ["StorageClass", "x-amz-storage-class"],
  ["ServerSideEncryption", "x-amz-server-side-encryption"],
  ["SSEKMSKeyId", "x-amz-server-side-encryption-aws-kms-key-id"],
  ["Tagging", "x-amz-tagging"],
  ["WebsiteRedirectLocation", "x-amz-website-redirect-location"],
  ["ObjectLockMode", "x-amz-object-lock-mode"],
  ["ObjectLockRetainUntilDate", "x-amz-object-lock-retain-until-date", "i"],
  ["ObjectLockLegalHoldStatus", "x-amz-object-lock-legal-hold"],
];

const PUT_HEADERS: HeaderMap = [
  ...CONTENT_HEADERS,
  ["ContentLength", "content-length"],
  ["ContentMD5", "content-md5"],
  ["IfMatch", "if-match"],
  ["IfNoneMatch", "if-none-match"],
];

const READ_HEADERS: HeaderMap = [
  ...OBJECT_HEADERS,
  ["Range", "range"],
  ["IfMatch", "if-match"],
  ["IfNoneMatch", "if-none-match"],
  ["IfModifiedSince", "if-modified-since", "d"],
  ["IfUnmodifiedSince", "if-unmodified-since", "d"],
];

const READ_QUERY: HeaderMap = [
  ["VersionId", "versionId"],
  ["PartNumber", "partNumber"],
];

const GET_QUERY: HeaderMap = [
  ...READ_QUERY,
  ["ResponseCacheControl", "response-cache-control"],
  ["ResponseContentDisposition", "response-content-disposition"],
  ["ResponseContentEncoding", "response-content-encoding"],
  ["ResponseContentLanguage", "response-content-language"],
  ["ResponseContentType", "response-content-type"],
  ["ResponseExpires", "response-expires", "d"],
];

const SSE_OUT: HeaderMap = [
  ["ServerSideEncryption", "x-amz-server-side-encryption"],
  ["SSEKMSKeyId", "x-amz-server-side-encryption-aws-kms-key-id"],
  ["Expiration", "x-amz-expiration"],
  ["VersionId", "x-amz-version-id"],
];

const OBJECT_OUT: HeaderMap = [
  ...SSE_OUT,
  ["AcceptRanges", "accept-ranges"],
  ["CacheControl", "cache-control"],
  ["ContentDisposition", "content-disposition"],
  ["ContentEncoding", "content-encoding"],
  ["ContentLanguage", "content-language"],
  ["ContentLength", "content-length", "n"],
  ["ContentRange", "content-range"],
  ["ContentType", "content-type"],
  ["DeleteMarker", "x-amz-delete-marker", "b"],
  ["ETag", "etag"],
  ["Expires", "expires", "d"],
  ["ExpiresString", "expires"],
  ["LastModified", "last-modified", "d"],
  ["MissingMeta", "x-amz-missing-meta", "n"],
  ["ObjectLockLegalHoldStatus", "x-amz-object-lock-legal-hold"],
  ["ObjectLockMode", "x-amz-object-lock-mode"],
  ["ObjectLockRetainUntilDate", "x-amz-object-lock-retain-until-date", "i"],
  ["PartsCount", "x-amz-mp-parts-count", "n"],
  ["ReplicationStatus", "x-amz-replication-status"],
  ["RequestCharged", "x-amz-request-charged"],
  ["Restore", "x-amz-restore"],
  ["StorageClass", "x-amz-storage-class"],
  ["TagCount", "x-amz-tagging-count", "n"],
  ["WebsiteRedirectLocation", "x-amz-website-redirect-location"],
];

const DELETE_HEADERS: HeaderMap = [
  ...OBJECT_HEADERS,
  ["MFA", "x-amz-mfa"],
  ["BypassGovernanceRetention", "x-amz-bypass-governance-retention"],
];

// ---- shared builders/parsers -------------------------------------------------------------------------------

function buildOwnerOnly(input: object, http: HttpRequest): void {
  writeMembers(http.headers, input, OWNER_HEADER);
}

function parseNothing(): Unmarshalled<DeleteBucketOutput> {
  return {};
}

function buildRead(input: HeadObjectInput, http: HttpRequest): void {
  writeMembers(http.headers, input, READ_HEADERS);
  writeMembers(http.query, input, READ_QUERY);
}

function parseObjectHeaders(response: HttpResponse): Unmarshalled<HeadObjectOutput> {
  const out: Record<string, unknown> = { Metadata: readMetadata(response.headers) };
  readHeaders(out, response.headers, OBJECT_OUT);
  return out as Unmarshalled<HeadObjectOutput>;
}

// ---- operations --------------------------------------------------------------------------------------------

const LIST_BUCKETS_QUERY: HeaderMap = [
  ["MaxBuckets", "max-buckets"],
  ["ContinuationToken", "continuation-token"],
  ["Prefix", "prefix"],
  ["BucketRegion", "bucket-region"],
];

export const ListBuckets = define<ListBucketsInput, ListBucketsOutput>(
  "ListBuckets",
  "GET",
  "service",
  [],
  "xml",
  (input, http) => writeMembers(http.query, input, LIST_BUCKETS_QUERY),
  (_, root) => {
    const el = xmlRoot(root);
    const buckets = childElement(el, "Buckets");
    const out: Unmarshalled<ListBucketsOutput> = {
      Buckets: buckets === undefined ? [] : childElements(buckets, "Bucket").map(parseBucket),
      Owner: owner(childElement(el, "Owner")),
    };
    texts(out as Record<string, unknown>, el, ["ContinuationToken", "Prefix"]);
    return compact(out);
  },
);

function parseBucket(el: XmlElement): Bucket {
  const out: Bucket = { CreationDate: date(el, "CreationDate") };
  texts(out as Record<string, unknown>, el, ["Name", "BucketRegion"]);
  return compact(out);
}

const CREATE_BUCKET_HEADERS: HeaderMap = [
  ["ACL", "x-amz-acl"],
  ["GrantFullControl", "x-amz-grant-full-control"],
  ["GrantRead", "x-amz-grant-read"],
  ["GrantReadACP", "x-amz-grant-read-acp"],
  ["GrantWrite", "x-amz-grant-write"],
  ["GrantWriteACP", "x-amz-grant-write-acp"],
  ["ObjectLockEnabledForBucket", "x-amz-bucket-object-lock-enabled"],
  ["ObjectOwnership", "x-amz-object-ownership"],
];

const AWS_HOST = /\.amazonaws\.com(\.cn)?$/;

export const CreateBucket = define<CreateBucketInput, CreateBucketOutput>(
  "CreateBucket",
  "PUT",
  "bucket",
  ["Bucket"],
  "none",
  (input, http, request) => {
    writeMembers(http.headers, input, CREATE_BUCKET_HEADERS);
    // Go fills LocationConstraint from the region outside us-east-1 (where S3 rejects it). Only on AWS
    // endpoints: an S3-compatible server names its locations differently (RGW wants its zonegroup).
    let location = input.CreateBucketConfiguration?.LocationConstraint;
    const region = request.clientInfo.signingRegion;
    if (input.CreateBucketConfiguration === undefined && region !== "us-east-1" && AWS_HOST.test(http.hostname)) {
      location = region;
    }
    if (location !== undefined && location !== "") {
      http.body = `<CreateBucketConfiguration xmlns="${S3_NS}"><LocationConstraint>${escapeXml(location)}</LocationConstraint></CreateBucketConfiguration>`;
    }
  },
  (response) => {
    const out: Unmarshalled<CreateBucketOutput> = {};
    readHeaders(out as Record<string, unknown>, response.headers, [["Location", "location"]]);
    return out;
  },
);

export const HeadBucket = define<HeadBucketInput, HeadBucketOutput>(
  "HeadBucket",
  "HEAD",
  "bucket",
  ["Bucket"],
  "none",
  buildOwnerOnly,
  (response) => {
    const out: Unmarshalled<HeadBucketOutput> = {};
    readHeaders(out as Record<string, unknown>, response.headers, [
      ["BucketRegion", "x-amz-bucket-region"],
      ["AccessPointAlias", "x-amz-access-point-alias", "b"],
    ]);
    return out;
  },
);

export const DeleteBucket = define<DeleteBucketInput, DeleteBucketOutput>(
  "DeleteBucket",
  "DELETE",
  "bucket",
  ["Bucket"],
  "none",
  buildOwnerOnly,
  parseNothing,
);

/** `request.context` key the signer reads: sign the payload as `UNSIGNED-PAYLOAD`. */
export const UNSIGNED_PAYLOAD = "sigv4.unsignedPayload";

export const PutObject = define<PutObjectInput, PutObjectOutput>(
  "PutObject",
  "PUT",
  "object",
  ["Bucket", "Key"],
  "none",
  (input, http, request) => {
    writeMembers(http.headers, input, PUT_HEADERS);
    writeMetadata(http.headers, input.Metadata);
    const body = input.Body;
    if (body === undefined || typeof body === "string" || body instanceof Uint8Array) {
      http.body = body;
      return;
    }
    // A stream cannot be hashed before sending (it is read once) nor sized: both must come from the caller.
    if (input.ContentLength === undefined) {
      throw new SdkError("InvalidParameter", "PutObjectInput.ContentLength is required when Body is a stream");
    }
    http.body = body;
    request.context.set(UNSIGNED_PAYLOAD, true);
  },
  (response) => {
    const out: Unmarshalled<PutObjectOutput> = {};
    readHeaders(out as Record<string, unknown>, response.headers, [...SSE_OUT, ["ETag", "etag"]]);
    return out;
  },
);

export const GetObject = define<GetObjectInput, GetObjectOutput>(
  "GetObject",
  "GET",
  "object",
  ["Bucket", "Key"],
  "stream",
  (input, http) => {
    writeMembers(http.headers, input, READ_HEADERS);
    writeMembers(http.query, input, GET_QUERY);
  },
  (response) => {
    const out = parseObjectHeaders(response) as Unmarshalled<GetObjectOutput>;
    out.Body = toStreamingBody(response.body);
    return out;
  },
);

export const HeadObject = define<HeadObjectInput, HeadObjectOutput>(
  "HeadObject",
  "HEAD",
  "object",
  ["Bucket", "Key"],
  "none",
  buildRead,
  parseObjectHeaders,
);

const DELETE_OUT: HeaderMap = [
  ["DeleteMarker", "x-amz-delete-marker", "b"],
  ["VersionId", "x-amz-version-id"],
  ["RequestCharged", "x-amz-request-charged"],
];

export const DeleteObject = define<DeleteObjectInput, DeleteObjectOutput>(
  "DeleteObject",
  "DELETE",
  "object",
  ["Bucket", "Key"],
  "none",
  (input, http) => {
    writeMembers(http.headers, input, DELETE_HEADERS);
    writeMembers(http.query, input, [["VersionId", "versionId"]]);
  },
  (response) => {
    const out: Unmarshalled<DeleteObjectOutput> = {};
    readHeaders(out as Record<string, unknown>, response.headers, DELETE_OUT);
    return out;
  },
);

const encoder = new TextEncoder();

export const DeleteObjects = define<DeleteObjectsInput, DeleteObjectsOutput>(
  "DeleteObjects",
  "POST",
  "bucket",
  ["Bucket", "Delete"],
  "xml",
  (input, http) => {
    writeMembers(http.headers, input, DELETE_HEADERS);
    http.query.delete = "";
    let xml = `<Delete xmlns="${S3_NS}">`;
    for (const o of input.Delete?.Objects ?? []) {
      xml += `<Object><Key>${escapeXml(String(o.Key))}</Key>`;
      if (o.VersionId !== undefined) xml += `<VersionId>${escapeXml(o.VersionId)}</VersionId>`;
      xml += "</Object>";
    }
    if (input.Delete?.Quiet) xml += "<Quiet>true</Quiet>";
    const bytes = encoder.encode(`${xml}</Delete>`);
    // S3 requires an integrity header on DeleteObjects; Content-MD5 is the one every S3 server accepts.
    http.headers["content-md5"] = md5Base64(bytes);
    http.headers["content-type"] = "application/xml";
    http.body = bytes;
  },
  (response, root) => {
    const el = xmlRoot(root);
    const out: Unmarshalled<DeleteObjectsOutput> = {
      Deleted: childElements(el, "Deleted").map((d) => {
        const item = { DeleteMarker: bool(d, "DeleteMarker") };
        texts(item, d, ["Key", "VersionId", "DeleteMarkerVersionId"]);
        return compact(item);
      }),
      Errors: childElements(el, "Error").map((e) => {
        const item = {};
        texts(item, e, ["Key", "VersionId", "Code", "Message"]);
        return item;
      }),
    };
    readHeaders(out as Record<string, unknown>, response.headers, [["RequestCharged", "x-amz-request-charged"]]);
    return out;
  },
);

const LIST_V2_QUERY: HeaderMap = [
  ["ContinuationToken", "continuation-token"],
  ["Delimiter", "delimiter"],
  ["EncodingType", "encoding-type"],
  ["FetchOwner", "fetch-owner"],
  ["MaxKeys", "max-keys"],
  ["Prefix", "prefix"],
  ["StartAfter", "start-after"],
];

export const ListObjectsV2 = define<ListObjectsV2Input, ListObjectsV2Output>(
  "ListObjectsV2",
  "GET",
  "bucket",
  ["Bucket"],
  "xml",
  (input, http) => {
    http.query["list-type"] = "2";
    writeMembers(http.query, input, LIST_V2_QUERY);
    writeMembers(http.headers, input, OBJECT_HEADERS);
  },
  (_, root) => {
    const el = xmlRoot(root);
    const out: Unmarshalled<ListObjectsV2Output> = {
      IsTruncated: bool(el, "IsTruncated") === true,
      Contents: childElements(el, "Contents").map((c) => {
        const item = { LastModified: date(c, "LastModified"), Size: num(c, "Size"), Owner: owner(childElement(c, "Owner")) };
        texts(item, c, ["Key", "ETag", "StorageClass"]);
        const algorithms = childElements(c, "ChecksumAlgorithm");
        return compact(algorithms.length === 0 ? item : { ...item, ChecksumAlgorithm: algorithms.map((a) => a.text) });
      }),
      CommonPrefixes: childElements(el, "CommonPrefixes").map((p) => compact({ Prefix: childText(p, "Prefix") })),
      MaxKeys: num(el, "MaxKeys"),
      KeyCount: num(el, "KeyCount"),
    };
    texts(out as Record<string, unknown>, el, [
      "Name",
      "Prefix",
      "Delimiter",
      "ContinuationToken",
      "NextContinuationToken",
      "StartAfter",
      "EncodingType",
    ]);
    return compact(out);
  },
);

const COPY_HEADERS: HeaderMap = [
  ...CONTENT_HEADERS,
  ["CopySource", "x-amz-copy-source"],
  ["MetadataDirective", "x-amz-metadata-directive"],
  ["TaggingDirective", "x-amz-tagging-directive"],
  ["CopySourceIfMatch", "x-amz-copy-source-if-match"],
  ["CopySourceIfNoneMatch", "x-amz-copy-source-if-none-match"],
  ["CopySourceIfModifiedSince", "x-amz-copy-source-if-modified-since", "d"],
  ["CopySourceIfUnmodifiedSince", "x-amz-copy-source-if-unmodified-since", "d"],
  ["ExpectedSourceBucketOwner", "x-amz-source-expected-bucket-owner"],
];

export const CopyObject = define<CopyObjectInput, CopyObjectOutput>(
  "CopyObject",
  "PUT",
  "object",
  ["Bucket", "Key", "CopySource"],
  "xml",
  (input, http) => {
    writeMembers(http.headers, input, COPY_HEADERS);
    writeMetadata(http.headers, input.Metadata);
  },
  (response, root) => {
    const el = xmlRoot(root);
    const result = { LastModified: date(el, "LastModified") };
    texts(result, el, ["ETag"]);
    const out: Unmarshalled<CopyObjectOutput> = { CopyObjectResult: compact(result) };
    readHeaders(out as Record<string, unknown>, response.headers, [
      ...SSE_OUT,
      ["CopySourceVersionId", "x-amz-copy-source-version-id"],
    ]);
    return out;
  },
);

/** True for the operation objects this package defines (the REST-XML handlers act only on those). */
export function isS3Operation(operation: Operation): operation is S3Operation {
  return typeof (operation as Partial<S3Operation>).build === "function" && "target" in operation;
}
