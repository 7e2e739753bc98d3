import { paginateListObjectsV2, S3 } from "@sessionkit/client-s3";
import { atS3Url } from "./atS3Url.js";
import { CliError } from "./CliError.js";
import type { CommandContext, CommandSpec } from "./CommandSpec.js";
import { formatS3Url, parseS3Url } from "./parseS3Url.js";
import { UsageError } from "./UsageError.js";

/** Deletes every key under the prefix, one DeleteObjects call per listed page (≤ 1000 keys). */
async function removeRecursive(ctx: CommandContext, s3: S3, bucket: string, prefix: string): Promise<string[]> {
  const deleted: string[] = [];
  const failed: string[] = [];
  for await (const page of paginateListObjectsV2({ client: s3 }, { Bucket: bucket, Prefix: prefix })) {
    const keys = page.Contents.map((o) => o.Key).filter((k): k is string => k !== undefined);
    if (keys.length === 0) continue;
    const out = await s3.deleteObjects({ Bucket: bucket, Delete: { Objects: keys.map((Key) => ({ Key })) } });
    for (const d of out.Deleted) {
      if (d.Key === undefined) continue;
      deleted.push(d.Key);
      if (ctx.out.format === "text") ctx.out.result(d.Key, (k) => `delete: ${formatS3Url({ bucket, key: k })}`);
    }
    for (const e of out.Errors) failed.push(`${e.Key ?? "?"} (${e.Code ?? "error"})`);
  }
  if (failed.length > 0) {
    throw new CliError("DeleteObjectsFailed", `${failed.length} key(s) could not be deleted: ${failed.slice(0, 5).join(", ")}`, {
      hint: "check the permissions on those keys and run the command again",
    });
  }
  return deleted;
}

/** `sessionkit s3 rm s3://bucket/key` and `--recursive`. */
export const s3Rm: CommandSpec = {
  name: "s3 rm",
  args: "s3://BUCKET/KEY",
  minArgs: 1,
  maxArgs: 1,
  summary: "delete an object, or every object under a prefix with --recursive",
  description:
    "Deletes one object. With --recursive, deletes every object whose key starts with the prefix\n" +
    "(s3://BUCKET alone deletes every object of the bucket), 1000 keys per request.",
  examples: ["sessionkit s3 rm s3://my-bucket/old.txt", "sessionkit s3 rm --recursive s3://my-bucket/tmp/"],
  flags: [{ name: "recursive", type: "boolean", description: "delete every key under the prefix" }],
  async run(ctx) {
    const { bucket, key } = parseS3Url(ctx.args[0] ?? "", "s3 rm");
    const s3 = new S3(ctx.session());
    if (ctx.flags.get("recursive") === true) {
      const deleted = await atS3Url(ctx.args[0] ?? "", () => removeRecursive(ctx, s3, bucket, key));
      if (ctx.out.format === "json") ctx.out.result({ Bucket: bucket, Deleted: deleted }, () => "");
      return;
    }
    if (key === "" || key.endsWith("/")) {
      throw new UsageError(`${ctx.args[0]} names no object key (use --recursive to delete a prefix)`, "s3 rm");
    }
    await atS3Url(formatS3Url({ bucket, key }), () => s3.deleteObject({ Bucket: bucket, Key: key }));
    ctx.out.result({ Bucket: bucket, Deleted: [key] }, () => `delete: ${formatS3Url({ bucket, key })}`);
  },
};
