import { SdkError } from "@sessionkit/errors";
import { CliError } from "./CliError.js";

/**
 * Runs S3 calls made for `url` (an `s3://` URL, or `SRC → DST` for a copy). A service error they reject with
 * is raised again naming the URL: S3's messages do not say which bucket or key ("The specified bucket does not
 * exist"), and Ceph RGW sends none at all, which left "NoSuchBucket: NoSuchBucket". The original error stays as
 * the `cause`; code, status, request id and operation are kept, so the hint and `--debug` are unchanged.
 */
export async function atS3Url<T>(url: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    // Only answers from the server: a connection failure is about the endpoint, not the URL.
    if (!(err instanceof SdkError) || err.statusCode === undefined) throw err;
    const prefix = `${err.code}: `;
    const said = err.message.startsWith(prefix) ? err.message.slice(prefix.length) : err.message;
    const message = said === err.code || said === "" ? url : `${said}: ${url}`;
    const { statusCode, requestId, operation } = err;
    throw new CliError(err.code, message, { cause: err, statusCode, requestId, operation });
  }
}
