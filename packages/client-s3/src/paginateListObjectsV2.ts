import { SdkError } from "@sessionkit/errors";
import { listObjectsV2 } from "./listObjectsV2.js";
import type { S3Client } from "./S3Client.js";
import type { ListObjectsV2Input, ListObjectsV2Output } from "./shapes.js";

/** Options of {@link paginateListObjectsV2} (shaped like the AWS SDK v3's paginator configuration). */
export interface ListObjectsV2PaginatorConfig {
  readonly client: S3Client;
  /** Keys per page (`MaxKeys`): a whole number from 1 (S3 caps it at 1,000). */
  readonly pageSize?: number;
  /** Resume from this `ContinuationToken`. */
  readonly startingToken?: string;
  /** Aborts the page in flight and ends the iteration with `RequestCanceled`. */
  readonly signal?: AbortSignal;
}

/**
 * Every page of a bucket listing, fetched one at a time as the loop asks for it:
 *
 * ```ts
 * for await (const page of paginateListObjectsV2({ client: s3 }, { Bucket: "b", Prefix: "logs/" })) {
 *   for (const o of page.Contents) console.log(o.Key);
 * }
 * ```
 *
 * Stops after a page that is not truncated; a server that repeats a continuation token, or sends a truncated page
 * without one, is an error (`InvalidPaginationToken`) instead of an endless loop or a silently partial listing.
 */
export async function* paginateListObjectsV2(
  config: ListObjectsV2PaginatorConfig,
  input: ListObjectsV2Input,
): AsyncGenerator<ListObjectsV2Output, void, undefined> {
  let token = config.startingToken ?? input.ContinuationToken;
  const maxKeys = config.pageSize ?? input.MaxKeys;
  // S3 answers MaxKeys 0 with no keys and IsTruncated false: the loop would end there, the listing empty.
  if (maxKeys !== undefined && !(Number.isInteger(maxKeys) && maxKeys > 0)) {
    throw new SdkError("InvalidParameter", `paginateListObjectsV2's pageSize (or MaxKeys) must be a whole number from 1, got ${maxKeys}`);
  }
  const options = { signal: config.signal };
  for (;;) {
    const page = await listObjectsV2(config.client, { ...input, ContinuationToken: token, MaxKeys: maxKeys }, options);
    yield page;
    const next = page.NextContinuationToken;
    if (!page.IsTruncated) return;
    // Without a token the rest of the listing is unreachable: stopping would pass a partial listing off as whole.
    if (!next || next === token) {
      const what = next ? "the same continuation token twice" : "a truncated page without a NextContinuationToken";
      throw new SdkError("InvalidPaginationToken", `ListObjectsV2 returned ${what} for bucket ${input.Bucket}`);
    }
    token = next;
  }
}
