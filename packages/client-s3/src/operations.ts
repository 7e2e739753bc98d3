import { SdkError } from "@sessionkit/errors";
import type { HttpRequest, HttpResponse, Operation, Request } from "@sessionkit/types";
import { UNSIGNED_PAYLOAD_CONTEXT_KEY } from "@sessionkit/signature-v4";
import { escapeXml } from "@sessionkit/xml";
import { type Addressing, bucketPath, objectPath } from "./addressing.js";
import { type Binding, bindings, readMetadata, type Spec, type XmlShape, writeMetadata, xmlShape } from "./members.js";
import { lengthChecked } from "./lengthChecked.js";
import { md5Base64 } from "./md5.js";
import { toStreamingBody } from "./toStreamingBody.js";
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
} from "./shapes.js";

/** What the response body is to the operation: XML to parse, the caller's stream, or nothing of interest. */
export type ResponseBodyKind = "xml" | "stream" | "none";

/**
 * One S3 operation as data: which members go to headers and query, which come back from headers and XML.
 * The generic REST-XML handlers (`s3.BuildHandler`, `s3.UnmarshalHandler`) interpret it, so a call runs
 * no per-operation code except the few request bodies S3 wants. `I`/`O` type the S3 methods only.
 */
export interface S3Operation<I = unknown, O = unknown> extends Operation {
  /** Members that must be present (Go's `required` + `min: 1` for strings). */
  readonly required: readonly string[];
  /** Puts the bucket (`/Bucket`) and maybe the key (`/Bucket/Key`) into the request; none for ListBuckets. */
  readonly address: Addressing | undefined;
  readonly responseBody: ResponseBodyKind;
  /** Request members by member name, each sent as a header or (`query`) a query parameter. */
  readonly input: ReadonlyMap<string, Binding>;
  /** Response headers by header name. */
  readonly output: ReadonlyMap<string, Binding>;
  /**
   * The output member that collects the `x-amz-meta-*` headers, if the operation has one. The operations
   * with the `Metadata` member read and write those headers in their own hooks (`readMetadata`, `writeMetadata`).
   */
  readonly metadata: string | undefined;
  /** The structure of the XML body; with `xmlMember`, it is nested under that output member. */
  readonly xml: XmlShape | undefined;
  readonly xmlMember: string | undefined;
  /** Sets what tables cannot: a request body. */
  buildBody?(input: I, http: HttpRequest, request: Request): void;
  /** Reshapes what tables cannot express (or takes what they cannot, such as the body stream). */
  finish?(out: Record<string, unknown>, response: HttpResponse): void;
  /**
   * Go's `Validate()`: run by `core.ValidateParametersHandler` unless parameter validation is off. Absent for
   * operations without required members (ListBuckets), so apps with only those do not bundle the check.
   */
  validate?(params: I): void;
  /** Phantom: ties the output type to the operation object. */
  readonly __output?: O;
}

/**
 * Checks required members like Go's `request.ErrInvalidParams`, naming each one, and Date members that are not
 * a time (`new Date("junk")`, which Go's `time.Time` cannot be): they would go out as "Invalid Date", or fail the
 * build with a RangeError naming nothing.
 */
function checkRequired(this: S3Operation, params: unknown, nested = ""): void {
  const values = (params ?? {}) as Record<string, unknown>;
  // Plain loops: this runs on every call, and a passing check allocates nothing.
  let lines = "";
  for (const m of this.required) if (values[m] == null || values[m] === "") lines += `\n- missing required field, ${this.name}Input.${m}.`;
  // After the top-level members, as Go's `AddNested` lists them.
  lines += nested;
  for (const m in values) if (values[m] instanceof Date && Number.isNaN(+values[m])) lines += `\n- invalid Date, ${this.name}Input.${m}.`;
  // One line per error (member names hold no line breaks).
  if (lines) throw new SdkError("InvalidParameter", `${lines.split("\n").length - 1} validation error(s) found.${lines}`);
}

interface Tables<I> {
  /** How the path names the bucket and key. */
  readonly a?: Addressing;
  /** The check of the `required` members. */
  readonly v?: (params: I) => void;
  /** The path after the bucket and key (a sub-resource query), default `/`. */
  readonly p?: string;
  /** Request headers, `bindings()` syntax. */
  readonly h?: Spec;
  /** Query parameters. */
  readonly q?: Spec;
  /** Response headers. */
  readonly o?: Spec;
  /** The XML body's shape (made at first use); `xm`: the output member it goes under. */
  readonly x?: () => XmlShape;
  readonly xm?: string;
  /**
   * The output member of the `x-amz-meta-*` headers (GetObject, HeadObject). No table binds `Metadata`: the
   * operations with it send and read those headers in their hooks (`writeMetadata`, `readMetadata`).
   */
  readonly m?: string;
  /** The body is the caller's stream (GetObject). */
  readonly s?: boolean;
  readonly body?: (input: I, http: HttpRequest, request: Request) => void;
  readonly finish?: (out: Record<string, unknown>, response: HttpResponse) => void;
}

/** The maps an operation's tables compile to, made at its first call (not at import: cold start). */
interface Compiled {
  readonly input: ReadonlyMap<string, Binding>;
  readonly output: ReadonlyMap<string, Binding>;
  readonly xml: XmlShape | undefined;
}

/**
 * An operation from its tables; the tables are parsed when the operation is first used. `required` names the
 * members Go requires. Each table names its `Addressing` and check (`v`), so only apps with operations that
 * address a bucket or require members bundle that code.
 */
class TableOperation<I, O> implements S3Operation<I, O> {
  // Declared, not class fields: the constructor sets each once (no `undefined` first, fewer bytes).
  declare readonly name: string;
  declare readonly httpMethod: string;
  declare readonly httpPath: string;
  declare readonly required: readonly string[];
  declare readonly address: Addressing | undefined;
  declare readonly responseBody: ResponseBodyKind;
  declare readonly xmlMember: string | undefined;
  declare readonly metadata: string | undefined;
  declare readonly buildBody: Tables<I>["body"];
  declare readonly finish: Tables<I>["finish"];
  declare readonly validate: Tables<I>["v"];
  readonly #t: Tables<I>;
  #c: Compiled | undefined;

  constructor(name: string, httpMethod: string, required: string, t: Tables<I>) {
    this.name = name;
    this.httpMethod = httpMethod;
    this.httpPath = t.p ?? "/";
    this.required = required.split(" ").filter(Boolean);
    this.address = t.a;
    this.responseBody = t.x ? "xml" : t.s ? "stream" : "none";
    this.xmlMember = t.xm;
    this.metadata = t.m;
    this.buildBody = t.body;
    this.finish = t.finish;
    this.validate = t.v;
    this.#t = t;
  }

  get #k(): Compiled {
    const t = this.#t;
    this.#c ??= {
      input: new Map([...bindings(t.h), ...bindings(t.q, "q")].map((b) => [b.member, b])),
      // Two members may read one header (`Expires` as a date, `ExpiresString` as sent): they chain.
      output: bindings(t.o).reduce((m, b) => m.set(b.wire, { ...b, also: m.get(b.wire) }), new Map<string, Binding>()),
      xml: t.x?.(),
    };
    return this.#c;
  }

  get input(): ReadonlyMap<string, Binding> {
    return this.#k.input;
  }

  get output(): ReadonlyMap<string, Binding> {
    return this.#k.output;
  }

  get xml(): XmlShape | undefined {
    return this.#k.xml;
  }
}


const S3_NS = "http://s3.amazonaws.com/doc/2006-03-01/";

// ---- member tables (see bindings(): `~` = x-amz-, kebab-case otherwise) --------------------------------------

const OWNER = "~ExpectedBucketOwner";
const PAYER = [OWNER, "~RequestPayer"];
const SSE = "~ServerSideEncryption SSEKMSKeyId=x-amz-server-side-encryption-aws-kms-key-id";
// What PUT/COPY send and GET/HEAD return about an object's content.
const DESCRIBE = [
  SSE,
  "CacheControl ContentDisposition ContentEncoding ContentLanguage ContentType Expires:d ~StorageClass ~WebsiteRedirectLocation ~ObjectLockMode ~ObjectLockRetainUntilDate:i ObjectLockLegalHoldStatus=x-amz-object-lock-legal-hold",
];
const CONTENT = [PAYER, DESCRIBE, "~ACL ~Tagging"];
const READ = [PAYER, "Range IfMatch IfNoneMatch IfModifiedSince:d IfUnmodifiedSince:d"];
const VERSION = "VersionId=versionId";
const READ_QUERY = [VERSION, "PartNumber=partNumber"];
const WRITE_OUT = "~Expiration ~VersionId";
const OBJECT_OUT = [
  DESCRIBE,
  WRITE_OUT,
  "ETag AcceptRanges ContentLength:n ContentRange ~DeleteMarker:b ExpiresString=expires LastModified:d ~MissingMeta:n PartsCount=x-amz-mp-parts-count:n ~ReplicationStatus ~RequestCharged ~Restore TagCount=x-amz-tagging-count:n",
];
const DELETE = [PAYER, "~MFA ~BypassGovernanceRetention"];

// One constant per shape (not one object of all of them) so an app keeps only the shapes its operations read.
const OWNER_SHAPE = /* @__PURE__ */ xmlShape("ID DisplayName");

// ---- operations --------------------------------------------------------------------------------------------

export const ListBuckets = /* @__PURE__ */ new TableOperation<ListBucketsInput, ListBucketsOutput>("ListBuckets", "GET", "", {
  q: "MaxBuckets ContinuationToken Prefix BucketRegion",
  // S3 wraps the list: <Buckets><Bucket>…</Bucket></Buckets>.
  x: () => xmlShape(
    "Owner:@ Buckets:@ ContinuationToken Prefix",
    OWNER_SHAPE,
    xmlShape("Bucket:@*", xmlShape("Name CreationDate:d BucketRegion")),
  ),
  finish(out) {
    out.Buckets = (out.Buckets as { Bucket?: unknown[] } | undefined)?.Bucket ?? [];
  },
});

const AWS_HOST = /\.amazonaws\.com(\.cn)?$/;

export const CreateBucket = /* @__PURE__ */ new TableOperation<CreateBucketInput, CreateBucketOutput>("CreateBucket", "PUT", "Bucket", {
  a: bucketPath,
  v: checkRequired,
  h: "~ACL ~GrantFullControl ~GrantRead ~GrantReadACP ~GrantWrite ~GrantWriteACP ObjectLockEnabledForBucket=x-amz-bucket-object-lock-enabled ~ObjectOwnership",
  o: "Location",
  body(input, http, request) {
    // Go fills LocationConstraint from the region outside us-east-1 (where S3 rejects it). Only on AWS
    // endpoints: an S3-compatible server names its locations differently (RGW wants its zonegroup).
    let location = input.CreateBucketConfiguration?.LocationConstraint;
    const region = request.clientInfo.signingRegion;
    if (input.CreateBucketConfiguration === undefined && region !== "us-east-1" && AWS_HOST.test(http.hostname)) location = region;
    if (location) {
      http.body = `<CreateBucketConfiguration xmlns="${S3_NS}"><LocationConstraint>${escapeXml(location)}</LocationConstraint></CreateBucketConfiguration>`;
    }
  },
});

export const HeadBucket = /* @__PURE__ */ new TableOperation<HeadBucketInput, HeadBucketOutput>("HeadBucket", "HEAD", "Bucket", {
  a: bucketPath,
  v: checkRequired,
  h: OWNER,
  o: "~BucketRegion ~AccessPointAlias:b",
});

export const DeleteBucket = /* @__PURE__ */ new TableOperation<DeleteBucketInput, DeleteBucketOutput>("DeleteBucket", "DELETE", "Bucket", { a: bucketPath, v: checkRequired, h: OWNER });

/** A Blob's bytes as a one-chunk stream, read when the transport sends it. */
async function* blobBytes(blob: Blob): AsyncGenerator<Uint8Array> {
  yield new Uint8Array(await blob.arrayBuffer());
}

export const PutObject = /* @__PURE__ */ new TableOperation<PutObjectInput, PutObjectOutput>("PutObject", "PUT", "Bucket Key", {
  a: objectPath,
  v: checkRequired,
  h: [CONTENT, "ContentLength ContentMD5 IfMatch IfNoneMatch"],
  o: [SSE, WRITE_OUT, "ETag"],
  body(input, http, request) {
    writeMetadata(input, http);
    // `null` is no body, as a null member is no member.
    let body = input.Body ?? undefined;
    if (body === undefined || typeof body === "string" || body instanceof Uint8Array) {
      http.body = body;
      return;
    }
    // Other bytes (as fetch takes them) go out as a Uint8Array over the same memory, hashed like one.
    if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) {
      http.body = ArrayBuffer.isView(body) ? new Uint8Array(body.buffer, body.byteOffset, body.byteLength) : new Uint8Array(body);
      return;
    }
    let length = input.ContentLength;
    if (body instanceof Blob) {
      // A Blob knows its size; read when sent (the hook cannot wait for it), so it goes unsigned like a stream.
      length ??= body.size;
      http.headers["content-length"] = String(length);
      body = blobBytes(body);
    } else if (typeof body[Symbol.asyncIterator] !== "function") {
      throw new SdkError("InvalidParameter", `PutObjectInput.Body must be a string, an ArrayBuffer or a view of one (Uint8Array…), a Blob or an AsyncIterable<Uint8Array>, not ${typeof body}`);
    }
    // A stream cannot be hashed before sending (it is read once) nor sized: both must come from the caller.
    if (length === undefined) throw new SdkError("InvalidParameter", "PutObjectInput.ContentLength is required when Body is a stream");
    http.body = lengthChecked(body, length);
    request.context.set(UNSIGNED_PAYLOAD_CONTEXT_KEY, true);
  },
});

export const GetObject = /* @__PURE__ */ new TableOperation<GetObjectInput, GetObjectOutput>("GetObject", "GET", "Bucket Key", {
  a: objectPath,
  v: checkRequired,
  h: READ,
  q: [READ_QUERY, "ResponseCacheControl ResponseContentDisposition ResponseContentEncoding ResponseContentLanguage ResponseContentType ResponseExpires:d"],
  o: OBJECT_OUT,
  s: true,
  m: "Metadata",
  // Here rather than in the shared header reader, so apps that never download do not bundle the body wrapper.
  finish(out, response) {
    readMetadata(out, response);
    out.Body = toStreamingBody(response.body);
  },
});

export const HeadObject = /* @__PURE__ */ new TableOperation<HeadObjectInput, HeadObjectOutput>("HeadObject", "HEAD", "Bucket Key", {
  a: objectPath,
  v: checkRequired,
  h: READ,
  q: READ_QUERY,
  o: OBJECT_OUT,
  m: "Metadata",
  finish: readMetadata,
});

export const DeleteObject = /* @__PURE__ */ new TableOperation<DeleteObjectInput, DeleteObjectOutput>("DeleteObject", "DELETE", "Bucket Key", {
  a: objectPath,
  v: checkRequired,
  h: DELETE,
  q: VERSION,
  o: "~DeleteMarker:b ~VersionId ~RequestCharged",
});

const encoder = /* @__PURE__ */ new TextEncoder();

/**
 * DeleteObjects' `Validate()`: Go's `Delete.Objects` and each entry's `Key` are required, the Key at least one
 * character long (an empty or missing Key went out as `<Key></Key>`, which the server refuses as a whole).
 */
function checkDelete(this: S3Operation, params: DeleteObjectsInput | undefined): void {
  const d = params?.Delete;
  let lines = d && !d.Objects ? "\n- missing required field, DeleteObjectsInput.Delete.Objects." : "";
  // Go skips a nil entry, keeping the indexes of the others.
  d?.Objects?.forEach((o, i) => {
    if (o && (o.Key == null || o.Key === "")) lines += `\n- ${o.Key == null ? "missing required field" : "minimum field size of 1"}, DeleteObjectsInput.Delete.Objects[${i}].Key.`;
  });
  checkRequired.call(this, params, lines);
}

export const DeleteObjects = /* @__PURE__ */ new TableOperation<DeleteObjectsInput, DeleteObjectsOutput>("DeleteObjects", "POST", "Bucket Delete", {
  a: bucketPath,
  v: checkDelete,
  p: "/?delete",
  h: DELETE,
  o: "~RequestCharged",
  x: () => xmlShape("Deleted:@* Errors=Error:@*", xmlShape("Key VersionId DeleteMarker:b DeleteMarkerVersionId"), xmlShape("Key VersionId Code Message")),
  body(input, http) {
    let xml = `<Delete xmlns="${S3_NS}">`;
    for (const o of input.Delete?.Objects ?? []) {
      // Go's XML writer skips a nil entry and a nil Key (sent only with validation off).
      if (o) xml += `<Object>${o.Key == null ? "" : `<Key>${escapeXml(String(o.Key))}</Key>`}${o.VersionId === undefined ? "" : `<VersionId>${escapeXml(o.VersionId)}</VersionId>`}</Object>`;
    }
    const bytes = encoder.encode(`${xml}${input.Delete?.Quiet ? "<Quiet>true</Quiet>" : ""}</Delete>`);
    // S3 requires an integrity header on DeleteObjects; Content-MD5 is the one every S3 server accepts.
    http.headers["content-md5"] = md5Base64(bytes);
    http.headers["content-type"] = "application/xml";
    http.body = bytes;
  },
});

export const ListObjectsV2 = /* @__PURE__ */ new TableOperation<ListObjectsV2Input, ListObjectsV2Output>("ListObjectsV2", "GET", "Bucket", {
  a: bucketPath,
  v: checkRequired,
  p: "/?list-type=2",
  h: PAYER,
  q: "ContinuationToken Delimiter EncodingType FetchOwner MaxKeys Prefix StartAfter",
  x: () => xmlShape(
    "Name Prefix Delimiter MaxKeys:n KeyCount:n IsTruncated:b ContinuationToken NextContinuationToken StartAfter EncodingType Contents:@* CommonPrefixes:@*",
    xmlShape("Key LastModified:d ETag Size:n StorageClass Owner:@", OWNER_SHAPE),
    xmlShape("Prefix"),
  ),
});

export const CopyObject = /* @__PURE__ */ new TableOperation<CopyObjectInput, CopyObjectOutput>("CopyObject", "PUT", "Bucket Key CopySource", {
  a: objectPath,
  v: checkRequired,
  h: [
    CONTENT,
    "~CopySource ~MetadataDirective ~TaggingDirective ~CopySourceIfMatch ~CopySourceIfNoneMatch ~CopySourceIfModifiedSince:d ~CopySourceIfUnmodifiedSince:d ExpectedSourceBucketOwner=x-amz-source-expected-bucket-owner",
  ],
  o: [SSE, WRITE_OUT, "~CopySourceVersionId"],
  x: () => xmlShape("ETag LastModified:d"),
  xm: "CopyObjectResult",
  body: writeMetadata,
});
