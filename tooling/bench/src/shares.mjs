// Where the bytes of issue 7's apps come from: each app bundled as the bench's bundle section does (esbuild
// --bundle --minify, default format), its gzip size, and every package's minified share (esbuild's metafile
// `bytesInOutput`) or, with --files, every source file's. Run after `pnpm build`:
//   pnpm --filter @sessionkit/bench shares [--files] [app ...]
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const appsDir = join(dirname(fileURLToPath(import.meta.url)), "apps");
const repo = join(appsDir, "..", "..", "..", "..");

// name → [app file, platform]: the node app with newSession (issue 7's node budget), the modular client without a
// session in a browser (the browser budget), and the session's browser build with the S3 class.
const APPS = {
  "node-session": ["ours-s3.mjs", "node"],
  "browser-client": ["ours-s3client-static.mjs", "browser"],
  "browser-session": ["ours-s3-static.mjs", "browser"],
};

const args = process.argv.slice(2);
const byFile = args.includes("--files");
const wanted = args.filter((a) => !a.startsWith("--"));
for (const [name, [app, platform]] of Object.entries(APPS)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  const result = await build({ entryPoints: [join(appsDir, app)], bundle: true, minify: true, platform, write: false, metafile: true, logLevel: "silent" });
  const bytes = result.outputFiles[0]?.contents ?? new Uint8Array();
  const shares = new Map();
  for (const [input, { bytesInOutput }] of Object.entries(Object.values(result.metafile.outputs)[0]?.inputs ?? {})) {
    const path = relative(repo, input);
    const key = byFile ? path : (/^packages\/([^/]+)\//.exec(path)?.[1] ?? path);
    shares.set(key, (shares.get(key) ?? 0) + bytesInOutput);
  }
  console.log(`${name} (${platform}, ${app}): ${bytes.byteLength} B minified, ${gzipSync(bytes, { level: 9 }).byteLength} B gzip`);
  for (const [key, n] of [...shares].sort((a, b) => b[1] - a[1])) if (n > 0) console.log(`  ${String(n).padStart(6)} B  ${key}`);
}
