import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { rename, stat, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { copySource, S3 } from "@sessionkit/client-s3";
import { atS3Url } from "./atS3Url.js";
import type { CliIO } from "./CliIO.js";
import { CliError } from "./CliError.js";
import type { CommandContext, CommandSpec } from "./CommandSpec.js";
import { DEBUG_LOG_LEVEL_NO_BODY } from "./createCliSession.js";
import { formatS3Url, isS3Url, parseS3Url, type S3Location } from "./parseS3Url.js";
import { ProgressBar, wantsProgress } from "./ProgressBar.js";
import { UsageError } from "./UsageError.js";

// Small reads keep memory flat whatever the file size (measured: 64 KiB peaks lower than 1 MiB).
const CHUNK = 64 * 1024;

/** The result `s3 cp` prints. */
interface CopyResult {
  readonly operation: "upload" | "download" | "copy";
  readonly source: string;
  readonly destination: string;
  readonly bytes: number;
  readonly seconds: number;
  readonly etag?: string;
}

function text(r: CopyResult): string {
  const mib = (r.bytes / (1024 * 1024)).toFixed(1);
  return `${r.operation}: ${r.source} to ${r.destination} (${r.bytes} bytes, ${mib} MiB in ${r.seconds.toFixed(2)} s)`;
}

/** Yields the chunks unchanged, counting them into the bar. */
async function* counted(source: AsyncIterable<Uint8Array>, bar: ProgressBar | undefined): AsyncGenerator<Uint8Array> {
  for await (const chunk of source) {
    bar?.add(chunk.byteLength);
    yield chunk;
  }
}

// The pipeline never retries a stream body (the failed attempt consumed it), so the upload retries itself, reading
// the file again from the start: Go's default of 3 retries, for the failures Go retries.
const UPLOAD_RETRIES = 3;
const RETRY_CODES = new Set(["RequestError", "ResponseTimeout", "RequestTimeout", "SlowDown", "Throttling", "ThrottlingException"]);

function retryableUpload(err: unknown): boolean {
  const e = err as { code?: unknown; statusCode?: unknown } | null;
  const status = typeof e?.statusCode === "number" ? e.statusCode : 0;
  return (status >= 500 && status !== 501) || (typeof e?.code === "string" && RETRY_CODES.has(e.code));
}

/** Writes every chunk, waiting for `drain` whenever the stream's buffer is full (constant memory). */
async function writeAll(source: AsyncIterable<Uint8Array>, out: NodeJS.WritableStream): Promise<number> {
  let bytes = 0;
  for await (const chunk of source) {
    bytes += chunk.byteLength;
    if (!out.write(chunk)) await once(out, "drain");
  }
  return bytes;
}

function objectKeyFor(dest: S3Location, localPath: string): string {
  return dest.key === "" || dest.key.endsWith("/") ? `${dest.key}${basename(localPath)}` : dest.key;
}

async function localFileSize(path: string): Promise<number> {
  const st = await stat(path);
  if (st.isDirectory()) {
    throw new CliError("IsADirectory", `${path} is a directory`, { hint: "copy one file at a time (s3 cp has no --recursive)" });
  }
  return st.size;
}

function s3Client(ctx: CommandContext): S3 {
  // A logged body is held whole in memory: transfers log headers only.
  return new S3(ctx.session(), ctx.debug ? { logLevel: DEBUG_LOG_LEVEL_NO_BODY } : undefined);
}

function progressFor(io: CliIO, label: string, bytes: number): ProgressBar | undefined {
  return wantsProgress(io.stderr, bytes, io.env) ? new ProgressBar(io.stderr, label, bytes, io.now) : undefined;
}

async function upload(ctx: CommandContext, src: string, dst: string): Promise<CopyResult> {
  const dest = parseS3Url(dst, "s3 cp");
  const key = objectKeyFor(dest, src);
  const size = await localFileSize(src);
  const s3 = s3Client(ctx);
  const start = ctx.io.now();
  const destination = formatS3Url({ bucket: dest.bucket, key });
  const bar = progressFor(ctx.io, "upload", size);
  try {
    let out: Awaited<ReturnType<S3["putObject"]>> | undefined;
    for (let attempt = 0; out === undefined; attempt++) {
      bar?.restart();
      const body = size === 0 ? new Uint8Array(0) : counted(createReadStream(src, { highWaterMark: CHUNK }), bar);
      try {
        out = await atS3Url(destination, () => s3.putObject({ Bucket: dest.bucket, Key: key, Body: body, ContentLength: size }));
      } catch (err) {
        if (attempt >= UPLOAD_RETRIES || !retryableUpload(err)) throw err;
        if (ctx.debug) ctx.io.stderr.write(`DEBUG: retrying the upload of ${src} from its start (attempt ${attempt + 2})\n`);
        await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
      }
    }
    bar?.finish();
    const seconds = (ctx.io.now() - start) / 1000;
    return { operation: "upload", source: src, destination, bytes: size, seconds, ...(out.ETag ? { etag: out.ETag } : {}) };
  } catch (err) {
    bar?.abandon();
    throw err;
  }
}

async function localTarget(dst: string, key: string): Promise<string> {
  if (dst.endsWith("/")) return join(dst, basename(key));
  const st = await stat(dst).catch(() => undefined);
  return st?.isDirectory() ? join(dst, basename(key)) : dst;
}

async function download(ctx: CommandContext, src: string, dst: string): Promise<CopyResult | undefined> {
  const source = parseS3Url(src, "s3 cp");
  if (source.key === "" || source.key.endsWith("/")) throw new UsageError(`${src} names no object key`, "s3 cp");
  const s3 = s3Client(ctx);
  const start = ctx.io.now();
  const res = await atS3Url(src, () => s3.getObject({ Bucket: source.bucket, Key: source.key }));
  const size = res.ContentLength ?? 0;
  if (dst === "-") {
    await writeAll(res.Body, ctx.io.stdout);
    return undefined;
  }
  const target = await localTarget(dst, source.key);
  // Written beside the target and renamed at the end, so a failed download never leaves half a file.
  const part = join(dirname(target), `.${basename(target)}.sessionkit-${process.pid}.part`);
  const bar = progressFor(ctx.io, "download", size);
  const file = createWriteStream(part);
  try {
    await once(file, "open");
    const bytes = await writeAll(counted(res.Body, bar), file);
    file.end();
    await once(file, "close");
    await rename(part, target);
    bar?.finish();
    const seconds = (ctx.io.now() - start) / 1000;
    return { operation: "download", source: src, destination: target, bytes, seconds, ...(res.ETag ? { etag: res.ETag } : {}) };
  } catch (err) {
    bar?.abandon();
    file.destroy();
    await unlink(part).catch(() => undefined);
    throw err;
  }
}

async function copy(ctx: CommandContext, src: string, dst: string): Promise<CopyResult> {
  const source = parseS3Url(src, "s3 cp");
  if (source.key === "" || source.key.endsWith("/")) throw new UsageError(`${src} names no object key`, "s3 cp");
  const dest = parseS3Url(dst, "s3 cp");
  const key = objectKeyFor(dest, source.key);
  const s3 = s3Client(ctx);
  const start = ctx.io.now();
  const destination = formatS3Url({ bucket: dest.bucket, key });
  const head = await atS3Url(src, () => s3.headObject({ Bucket: source.bucket, Key: source.key }));
  // CopyObject's NoSuchBucket or AccessDenied may be about either side: name both.
  const out = await atS3Url(`${src} → ${destination}`, () =>
    s3.copyObject({ Bucket: dest.bucket, Key: key, CopySource: copySource(source.bucket, source.key) }),
  );
  const etag = out.CopyObjectResult?.ETag;
  return {
    operation: "copy",
    source: src,
    destination,
    bytes: head.ContentLength ?? 0,
    seconds: (ctx.io.now() - start) / 1000,
    ...(etag ? { etag } : {}),
  };
}

/** `sessionkit s3 cp SRC DST`. */
export const s3Cp: CommandSpec = {
  name: "s3 cp",
  args: "SRC DST",
  minArgs: 2,
  maxArgs: 2,
  summary: "copy a file to or from S3 (streamed; a progress bar on a terminal)",
  description:
    "Copies a local file to S3, an object to a local file (or to stdout with DST -), or an object to\n" +
    "another S3 location (server-side). Files are streamed in 64 KiB chunks and never held in memory, so\n" +
    "memory stays flat whatever their size. A DST ending in / (or an existing directory) keeps the\n" +
    "source's name. A download is written to a temporary file and renamed when complete.\n" +
    "On a terminal, transfers of 8 MiB or more show a progress bar on stderr\n" +
    "(SESSIONKIT_PROGRESS=always|never overrides).",
  examples: [
    "sessionkit s3 cp ./backup.tar s3://my-bucket/backups/",
    "sessionkit s3 cp s3://my-bucket/backups/backup.tar ./restore.tar",
    "sessionkit s3 cp s3://my-bucket/notes.txt -",
    "sessionkit s3 cp s3://my-bucket/a.txt s3://other-bucket/b.txt",
  ],
  flags: [],
  async run(ctx) {
    const [src = "", dst = ""] = ctx.args;
    let result: CopyResult | undefined;
    if (isS3Url(src) && isS3Url(dst)) result = await copy(ctx, src, dst);
    else if (isS3Url(dst)) {
      if (src === "-") throw new UsageError("uploading from stdin is not supported: S3 needs the length up front; save it to a file first", "s3 cp");
      result = await upload(ctx, src, dst);
    } else if (isS3Url(src)) result = await download(ctx, src, dst);
    else throw new UsageError("one of SRC and DST must be an s3:// URL", "s3 cp");
    if (result !== undefined) ctx.out.result(result, text);
  },
};
