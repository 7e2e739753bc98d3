import { UsageError } from "./UsageError.js";

/** A parsed `s3://bucket/key` (the key is `""` for `s3://bucket` and `s3://bucket/`). */
export interface S3Location {
  readonly bucket: string;
  readonly key: string;
}

/** True when the argument is an `s3://` URL (anything else is a local path). */
export function isS3Url(arg: string): boolean {
  return arg.startsWith("s3://");
}

/** Splits `s3://bucket/key`; a URL without a bucket is a usage error naming the command. */
export function parseS3Url(arg: string, command: string): S3Location {
  if (!isS3Url(arg)) throw new UsageError(`expected an s3://BUCKET[/KEY] URL, got ${JSON.stringify(arg)}`, command);
  const rest = arg.slice("s3://".length);
  const slash = rest.indexOf("/");
  const bucket = slash < 0 ? rest : rest.slice(0, slash);
  if (bucket === "") throw new UsageError(`no bucket in ${JSON.stringify(arg)}`, command);
  return { bucket, key: slash < 0 ? "" : rest.slice(slash + 1) };
}

/** `s3://bucket/key` for printing. */
export function formatS3Url(location: S3Location): string {
  return `s3://${location.bucket}/${location.key}`;
}
