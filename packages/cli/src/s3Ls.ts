import { paginateListObjectsV2, S3 } from "@sessionkit/client-s3";
import type { CommandContext, CommandSpec } from "./CommandSpec.js";
import { atS3Url } from "./atS3Url.js";
import { columns } from "./Output.js";
import { parseS3Url } from "./parseS3Url.js";

function when(date: Date | undefined): string {
  return date === undefined ? "".padEnd(19) : date.toISOString().slice(0, 19).replace("T", " ");
}

async function listBuckets(ctx: CommandContext, s3: S3): Promise<void> {
  const { Buckets } = await s3.listBuckets();
  const data = Buckets.map((b) => ({ Name: b.Name ?? "", CreationDate: b.CreationDate?.toISOString() }));
  ctx.out.result({ Buckets: data }, () => columns(Buckets.map((b) => [when(b.CreationDate), b.Name ?? ""])));
}

async function listObjects(ctx: CommandContext, s3: S3, url: string): Promise<void> {
  const { bucket, key: prefix } = parseS3Url(url, "s3 ls");
  const recursive = ctx.flags.get("recursive") === true;
  const input = { Bucket: bucket, Prefix: prefix, ...(recursive ? {} : { Delimiter: "/" }) };
  const prefixes: string[] = [];
  const objects: { Key: string; Size: number; LastModified?: string }[] = [];
  for await (const page of paginateListObjectsV2({ client: s3 }, input)) {
    const rows: string[][] = [];
    for (const p of page.CommonPrefixes) {
      if (p.Prefix === undefined) continue;
      prefixes.push(p.Prefix);
      rows.push(["".padEnd(19), "PRE".padStart(12), p.Prefix]);
    }
    for (const o of page.Contents) {
      objects.push({ Key: o.Key ?? "", Size: o.Size ?? 0, LastModified: o.LastModified?.toISOString() });
      rows.push([when(o.LastModified), String(o.Size ?? 0).padStart(12), o.Key ?? ""]);
    }
    // Text streams page by page, so a huge listing starts printing at once and holds one page in memory.
    if (ctx.out.format === "text" && rows.length > 0) ctx.out.result(rows, columns);
  }
  if (ctx.out.format === "json") ctx.out.result({ Bucket: bucket, Prefix: prefix, CommonPrefixes: prefixes, Contents: objects }, () => "");
}

/** `sessionkit s3 ls [s3://bucket[/prefix]]`. */
export const s3Ls: CommandSpec = {
  name: "s3 ls",
  args: "[s3://BUCKET[/PREFIX]]",
  minArgs: 0,
  maxArgs: 1,
  summary: "list buckets, or the objects under s3://BUCKET/PREFIX",
  description:
    "Without an argument, lists your buckets. With s3://BUCKET[/PREFIX], lists the objects and the\n" +
    "\"directories\" (PRE) directly under the prefix; --recursive lists every key under it instead.\n" +
    "Text output: date, size in bytes, key. Pages are fetched as they are printed.",
  examples: ["sessionkit s3 ls", "sessionkit s3 ls s3://my-bucket/logs/", "sessionkit s3 ls s3://my-bucket --recursive --output json"],
  flags: [{ name: "recursive", type: "boolean", description: "list every key under the prefix, not only the first level" }],
  async run(ctx) {
    const s3 = new S3(ctx.session());
    const [url] = ctx.args;
    if (url === undefined) await listBuckets(ctx, s3);
    else await atS3Url(url, () => listObjects(ctx, s3, url));
  },
};
