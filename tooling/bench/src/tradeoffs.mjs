// What issue 7's node app (newSession + S3 ListBuckets) would weigh if parts of the Go v1 session were traded
// away: each variant bundled as the bench's bundle section does (esbuild --bundle --minify, default format,
// gzip -9) from the built packages, with a stand-in module for what the variant leaves out. None of these
// variants is a product: they measure what each trade-off is worth. Run after `pnpm build`:
//   pnpm --filter @sessionkit/bench tradeoffs
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const appsDir = join(dirname(fileURLToPath(import.meta.url)), "apps");

const CLASS_APP = `import { S3 } from "@sessionkit/client-s3";
import { newSession } from "@sessionkit/session";
new S3(newSession()).listBuckets({}).then((r) => console.log(r.Buckets));`;
const MODULAR_APP = `import { listBuckets, S3Client } from "@sessionkit/client-s3";
import { newSession } from "@sessionkit/session";
listBuckets(new S3Client(newSession()), {}).then((r) => console.log(r.Buckets));`;

// Stand-ins for the session's lazy entries: a profile that needs the part left out fails loudly.
const STUBS = {
  role: 'export const roleProvider = () => { throw new Error("assume-role left out"); }; export const stsClient = roleProvider;',
  process: 'export const credentialProcess = () => { throw new Error("credential_process left out"); };',
  // The node:http transport of @sessionkit/http instead of the socket one the session loads by default.
  nodeHttp: 'import { createNodeHttpTransport } from "@sessionkit/http"; export const createDefaultTransport = (o) => createNodeHttpTransport(o);',
};

/** Replaces the session's lazy imports named in `out` with the stand-ins, counting each replacement in `hits`. */
const without = (out, hits) => ({
  name: "tradeoffs",
  setup(b) {
    const swap = (filter, stub) => {
      b.onResolve({ filter }, (a) => {
        hits.set(stub, (hits.get(stub) ?? 0) + 1);
        return { path: stub, namespace: "stub", pluginData: a.resolveDir };
      });
    };
    if (out.includes("role")) swap(/^@sessionkit\/credential-provider-assume-role\/role$/, "role");
    if (out.includes("process")) swap(/^@sessionkit\/credential-provider-shared-file\/process$/, "process");
    if (out.includes("nodeHttp")) swap(/^@sessionkit\/http\/node$/, "nodeHttp");
    b.onLoad({ filter: /.*/, namespace: "stub" }, (a) => ({ contents: STUBS[a.path], resolveDir: a.pluginData }));
  },
});

const VARIANTS = [
  ["the issue's app: new S3(newSession())", CLASS_APP, []],
  ["modular: S3Client + listBuckets", MODULAR_APP, []],
  ["modular, without assume-role (and its STS client)", MODULAR_APP, ["role"]],
  ["modular, without assume-role and credential_process", MODULAR_APP, ["role", "process"]],
  ["modular, node:http transport instead of the socket one", MODULAR_APP, ["nodeHttp"]],
  ["modular, all three", MODULAR_APP, ["role", "process", "nodeHttp"]],
];

console.log("node app variants (esbuild --bundle --minify, gzip -9; issue 7's target: 25,000 B gzip)");
for (const [label, source, out] of VARIANTS) {
  const hits = new Map();
  const result = await build({
    stdin: { contents: source, resolveDir: appsDir, sourcefile: "app.mjs" },
    bundle: true,
    minify: true,
    platform: "node",
    write: false,
    logLevel: "silent",
    plugins: [without(out, hits)],
  });
  // A renamed lazy entry would leave a stand-in unused and the figure silently unchanged.
  const unused = out.filter((stub) => !hits.has(stub));
  if (unused.length > 0) throw new Error(`${label}: the session no longer imports what ${unused.join(", ")} replaces`);
  const bytes = result.outputFiles[0]?.contents ?? new Uint8Array();
  const gzip = gzipSync(bytes, { level: 9 }).byteLength;
  console.log(`  ${gzip.toLocaleString("en-US").padStart(7)} B gzip  ${bytes.byteLength.toLocaleString("en-US").padStart(7)} B minified  ${label}`);
}
