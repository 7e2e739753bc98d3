// Size budget, enforced in CI: an S3 ListBuckets app bundled by esbuild (--bundle --minify) and gzipped.
// The AWS SDK v3 app measured on this machine is ≈176 KB gzip (node) and ≈82 KB (browser); ours must stay
// ≤ 25 KB on node INCLUDING newSession, and ≤ 12 KB in a browser with static credentials.
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, test } from "node:test";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build, type Platform } from "esbuild";

// As in peer-baselines.md, where 175,855 B is "≈ 176 KB": the issue's "12 KB" is 12,000 B.
const KB = 1000;

/**
 * Gzip budgets. `target` is the issue's; `ceiling` is a ratchet at today's size plus a small margin, so
 * growth fails CI now while the target is still out of reach (lower the ceilings as the sizes drop). A target
 * test is a TODO until its budget says `met: true` (set by hand, never from the measurement, so a met target
 * cannot quietly turn back into a TODO); a met target is also its line's ceiling.
 */
export const BUDGETS = {
  /**
   * The issue's node app: newSession + S3 ListBuckets. It includes the whole credential stack, because esbuild
   * inlines the session's lazy `import()`s (the `./lazy` entries of assume-role + STS and credential_process,
   * the `./node` entry of the transport) into a one-file bundle: 39.4 KB gzip when the session landed, 37.4 KB
   * before the second size pass, 38.1 KB now. That pass took ≈ 14 KB of minified code out of client, pipeline,
   * signer, session, STS and config, and the socket transport (issue 4's throughput: ≈ 2× node:http's requests
   * per CPU second) added ≈ 7 KB back (≈ 2.7 KB gzip). The same app split into chunks (`--splitting`) loads
   * ≈ 31 KB at start (the test below, reported, not the budget line). A third pass (session 3) took it to 36.8 KB,
   * a fourth (session 4: handlers, signer, config, session, STS, client) to 35.9 KB; 35,883 B in session 5.
   * Session 6's fixes (region check, source_profile chain limit, transport hardening, CA-bundle check) took it
   * to 36,414 B as ESM; the apps are now built in esbuild's default format, as the issue's command line and the
   * bench do (cjs here: 36,584 B). The ceiling moved with them (a ratchet against growth, not the budget, which
   * stays unmet). Session 7: +167 B for `Body` as an ArrayBuffer, any view or a Blob, +29 B for refusing a stream chunk
   * that is not bytes, +34 B for refusing invalid Dates (class apps only), 2 B back; +132 B for one abort listener
   * per signal however many calls share it (@sessionkit/handlers and @sessionkit/http, Node builds only); +18 B for
   * Http1Transport's typed error for a port out of range; +595 B for the session's typed errors for options of the wrong
   * kind from plain JavaScript (one table of kinds for every option and Config setting, Node build only); +126 B for DeleteObjects' Go check of each entry's Key (class apps only); +42 B for refusing a Metadata key that is not a header name (class apps only).
   */
  nodeWithSession: { target: 25 * KB, ceiling: 37_791 },
  /** The browser build of the session (code-only config, fetch) + S3 ListBuckets: 21.5 KB gzip when it landed, 19.0 before session 4, 18.2 now; +152 B in session 7 (`Body` kinds), +30 B net for the FetchTransport and Retry-After fixes after the handlers browser build's savings; +132 B for DeleteObjects' Go check of each entry's Key (class apps only); +56 B for refusing a Metadata key that is not a header name (class apps only). */
  browserWithSession: { target: 12 * KB, ceiling: 18_870 },
  /** Client + pipeline + signer + xml + node (socket) transport + static credentials, without the session: 18.6 KB (cjs); +145 B in session 7 (`Body` kinds), +23 B (stream chunks), +29 B (invalid Dates), 7 B back; +144 B (one abort listener per signal, handlers and http); +17 B (Http1Transport: a bad port is a typed error); +123 B for DeleteObjects' Go check of each entry's Key (class apps only); +42 B for refusing a Metadata key that is not a header name (class apps only). */
  nodeClientOnly: { target: undefined, ceiling: 19_166 },
  /** The browser app with the `S3` class: fetch transport, static credentials (19.1 KB gzip before the budget work, 14.7 now; +150 B in session 7 for `Body` kinds, +34 B for invalid Dates, 8 B back); +131 B for DeleteObjects' Go check of each entry's Key (class apps only); +51 B for refusing a Metadata key that is not a header name (class apps only). */
  browser: { target: 12 * KB, ceiling: 15_258 },
  /**
   * This package's own share (everything of @sessionkit/* but client-s3 left external): 5,493 B in session 6.
   * Session 7 raised the ceiling by what its fixes cost: `Metadata` keys that differ only by case refused, nil
   * values skipped (+60 B); `Body` as an ArrayBuffer, any view or a Blob, and a typed error for other kinds (+181 B); a stream chunk that is not bytes refused (+26 B); invalid Dates refused (+33 B); 7 B back when the checks became plain loops; +124 B for DeleteObjects' Go check of each entry's Key (class apps only); +48 B for refusing a Metadata key that is not a header name (class apps only).
   */
  clientS3Alone: { target: 6 * KB, ceiling: 5_965, met: true },
  /**
   * The modular apps: `new S3Client(provider)` + `listBuckets(client, {})`, so the ten other operations fall
   * away (their class methods are what kept them), and so do GetObject's body wrapper, DeleteObjects' XML
   * writer and MD5, the shared tables. Browser, static credentials: 14,802 B gzip with the class, 11,987 B modular
   * (the XML parser is the browser's DOMParser; the app issue 7's browser budget is measured on, with only the
   * settings that have no default: 12,828 B before session 4, 12,283 B after it). Met: the target is the ceiling.
   */
  browserModular: { target: 12 * KB, ceiling: 12 * KB, met: true },
  /** The session's browser build (static config) + the modular app: 18,224 B gzip with the class, 15,491 B modular. */
  browserWithSessionModular: { target: 12 * KB, ceiling: 15_750 },
  /** newSession + the modular app on node (cjs): 36,584 B gzip with the class, 33,695 B modular (session 6); +122 B in session 7 (one abort listener per signal), +12 B (a bad port is a typed error); +608 B (the session's typed errors for options of the wrong kind, Node build only). */
  nodeWithSessionModular: { target: 25 * KB, ceiling: 34_492 },
  /** The node app split into chunks (`--splitting --format=esm`): what loads before the first lazy import (30.0 KB; +165 B in session 7 for `Body` kinds, +75 B for one abort listener per signal, +10 B for Http1Transport's typed bad-port error). +15 B: the abort-listener registry moved into @sessionkit/errors, shared by pipeline, transports and credentials (it was two copies, the transport's loaded lazily). +599 B: the session's typed errors for options of the wrong kind (checked at creation, so not lazy); +128 B for DeleteObjects' Go check of each entry's Key (class apps only); +44 B for refusing a Metadata key that is not a header name (class apps only). */
  nodeWithSessionInitialChunks: { target: undefined, ceiling: 31_441 },
};

const packagesDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const LINKED = ["client-s3", "handlers", "credentials", "http", "session"];

// A throwaway app that depends on our packages through node_modules, as a user's app would.
const appDir = mkdtempSync(join(tmpdir(), "sk-s3-size-"));
mkdirSync(join(appDir, "node_modules", "@sessionkit"), { recursive: true });
for (const name of LINKED) {
  if (existsSync(join(packagesDir, name, "package.json"))) {
    symlinkSync(join(packagesDir, name), join(appDir, "node_modules", "@sessionkit", name), "dir");
  }
}
writeFileSync(join(appDir, "package.json"), JSON.stringify({ name: "size-app", type: "module", private: true }));
after(() => rmSync(appDir, { recursive: true, force: true }));

/** A ListBuckets app that builds its ClientConfigProvider by hand (what a session would hand over). */
const CLIENT_ONLY_APP = `
import { S3 } from "@sessionkit/client-s3";
import { staticCredentials } from "@sessionkit/credentials";
import { defaultHandlers } from "@sessionkit/handlers";
import { createDefaultTransport } from "@sessionkit/http";
// Only what has no default: region, credentials and the platform's transport.
const config = {
  region: "us-east-1",
  credentials: staticCredentials({ accessKeyId: "AKID", secretAccessKey: "SECRET" }),
  transport: createDefaultTransport(),
};
new S3({ clientConfig: () => ({ config, handlers: defaultHandlers() }) }).listBuckets().then((r) => console.log(r.Buckets));
`;

/** The issue's browser app: the session's browser build with static config and credentials. */
const SESSION_BROWSER_APP = `
import { S3 } from "@sessionkit/client-s3";
import { newSession } from "@sessionkit/session";
const sess = newSession({ region: "us-east-1", credentials: { accessKeyId: "AKID", secretAccessKey: "SECRET" } });
new S3(sess).listBuckets().then((r) => console.log(r.Buckets));
`;

/**
 * The modular ListBuckets app: the client without operation methods, and the one operation function. The same
 * text as the bench's app (tooling/bench/src/apps/ours-s3client-static.mjs, what the README quotes against the
 * peer), so this gate and the bench measure the same bytes.
 */
const CLIENT_ONLY_MODULAR_APP = CLIENT_ONLY_APP.replace('import { S3 }', "import { listBuckets, S3Client }").replace(
  "new S3({ clientConfig: () => ({ config, handlers: defaultHandlers() }) }).listBuckets()",
  "const client = new S3Client({ clientConfig: () => ({ config, handlers: defaultHandlers() }) });\nlistBuckets(client, {})",
);

const SESSION_BROWSER_MODULAR_APP = `
import { S3Client, listBuckets } from "@sessionkit/client-s3";
import { newSession } from "@sessionkit/session";
const sess = newSession({ region: "us-east-1", credentials: { accessKeyId: "AKID", secretAccessKey: "SECRET" } });
listBuckets(new S3Client(sess), {}).then((r) => console.log(r.Buckets));
`;

const SESSION_MODULAR_APP = `
import { S3Client, listBuckets } from "@sessionkit/client-s3";
import { newSession } from "@sessionkit/session";
listBuckets(new S3Client(newSession()), {}).then((r) => console.log(r.Buckets));
`;

/** The issue's app: a session from the environment and files, then S3 ListBuckets. */
const SESSION_APP = `
import { S3 } from "@sessionkit/client-s3";
import { newSession } from "@sessionkit/session";
new S3(newSession()).listBuckets().then((r) => console.log(r.Buckets));
`;

interface Measured {
  readonly raw: number;
  readonly gzip: number;
  readonly inputs: string[];
  /** The bundle's text, to check what was tree-shaken. */
  readonly text: string;
}

/**
 * The same app built with `--splitting --format=esm`: the gzip sizes (each file gzipped alone) of the entry chunk
 * and of every chunk it imports statically, i.e. what loads before the first lazy `import()`.
 */
async function measureInitialChunks(name: string, source: string, platform: Platform): Promise<Measured> {
  const entry = join(appDir, `${name}.mjs`);
  writeFileSync(entry, source);
  const outdir = join(appDir, `out-${name}`);
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    splitting: true,
    platform,
    format: "esm",
    outdir,
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const files = new Map(result.outputFiles.map((f) => [f.path, f.contents]));
  const outputs = result.metafile.outputs;
  const entryOut = Object.keys(outputs).find((o) => outputs[o]?.entryPoint !== undefined) ?? "";
  const initial = new Set<string>();
  const walk = (out: string): void => {
    if (initial.has(out)) return;
    initial.add(out);
    for (const i of outputs[out]?.imports ?? []) if (i.kind === "import-statement" && outputs[i.path] !== undefined) walk(i.path);
  };
  walk(entryOut);
  let raw = 0;
  let gzip = 0;
  for (const out of initial) {
    const bytes = files.get(join(process.cwd(), out)) ?? files.get(out) ?? new Uint8Array(0);
    raw += bytes.byteLength;
    gzip += gzipSync(bytes, { level: 9 }).byteLength;
  }
  return { raw, gzip, inputs: [...initial], text: "" };
}

async function measure(name: string, source: string, platform: Platform, external: string[] = []): Promise<Measured> {
  const entry = join(appDir, `${name}.mjs`);
  writeFileSync(entry, source);
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    platform,
    // The apps: esbuild's default format for the platform (iife in a browser, cjs on node), as the issue's command
    // line (`esbuild --bundle --minify`) and the bench build them. A share with externals stays ESM (no require shims).
    format: external.length > 0 ? "esm" : undefined,
    write: false,
    metafile: true,
    logLevel: "silent",
    external,
  });
  const bytes = result.outputFiles[0]?.contents ?? new Uint8Array(0);
  return {
    raw: bytes.byteLength,
    gzip: gzipSync(bytes, { level: 9 }).byteLength,
    inputs: Object.keys(result.metafile.inputs),
    text: new TextDecoder().decode(bytes),
  };
}

/** Checks one app: hard against its ceiling, and against the issue's target once that is met. */
function budgetTests(label: string, measured: Promise<Measured>, budget: { target?: number; ceiling?: number; met?: boolean }): void {
  const ceiling = budget.ceiling;
  test(`${label}: ≤ ${ceiling ?? "∞"} B gzip (ratchet ceiling)`, async () => {
    const m = await measured;
    console.log(`# ${label}: ${m.raw} B raw, ${m.gzip} B gzip (target ${budget.target ?? "none"}, ceiling ${ceiling ?? "none"})`);
    if (ceiling !== undefined) assert.ok(m.gzip <= ceiling, `${m.gzip} B gzip > ${ceiling} B`);
  });
  const target = budget.target;
  if (target === undefined) return;
  test(
    `${label}: ≤ ${target} B gzip (target)`,
    { todo: budget.met === true ? false : `not met yet: ${target} B gzip` },
    async () => {
      const m = await measured;
      assert.ok(m.gzip <= target, `${m.gzip} B gzip > ${target} B`);
    },
  );
}

const clientNode = measure("client-node", CLIENT_ONLY_APP, "node");
const clientBrowser = measure("client-browser", CLIENT_ONLY_APP, "browser");
const modularBrowser = measure("modular-browser", CLIENT_ONLY_MODULAR_APP, "browser");
const alone = measure("alone", 'import { S3 } from "@sessionkit/client-s3"; console.log(S3);', "browser", [
  "@sessionkit/errors",
  "@sessionkit/handlers",
  "@sessionkit/signature-v4",
  "@sessionkit/types",
  "@sessionkit/xml",
]);

// The session-inclusive node budget of the issue. It is measured as soon as @sessionkit/session exports
// newSession; until then it is a visible TODO, never a silent pass.
const sessionDist = join(packagesDir, "session", "dist", "index.js");
const sessionReady = existsSync(sessionDist) && /\bnewSession\b/.test(readFileSync(sessionDist, "utf8"));

const sizes = {
  clientNode: await clientNode,
  clientBrowser: await clientBrowser,
  alone: await alone,
  session: sessionReady ? await measure("session-node", SESSION_APP, "node") : undefined,
  sessionBrowser: sessionReady ? await measure("session-browser", SESSION_BROWSER_APP, "browser") : undefined,
  sessionModular: sessionReady ? await measure("session-node-modular", SESSION_MODULAR_APP, "node") : undefined,
  sessionBrowserModular: sessionReady ? await measure("session-browser-modular", SESSION_BROWSER_MODULAR_APP, "browser") : undefined,
};

budgetTests("client-s3 alone (browser)", alone, BUDGETS.clientS3Alone);
budgetTests("node ListBuckets app, no session", clientNode, BUDGETS.nodeClientOnly);
budgetTests("browser ListBuckets app, static credentials", clientBrowser, BUDGETS.browser);

const modular = await modularBrowser;
budgetTests("browser ListBuckets app, modular (S3Client + listBuckets), static credentials", modularBrowser, BUDGETS.browserModular);

// Operation names live in the operation definitions (and S3 error codes do not use them), so this is the
// list of operations the bundle carries.
const OPERATION_NAMES = ["ListBuckets", "CreateBucket", "HeadBucket", "DeleteBucket", "PutObject", "GetObject", "HeadObject", "DeleteObject", "DeleteObjects", "ListObjectsV2", "CopyObject"];
const operationsIn = (text: string) => OPERATION_NAMES.filter((name) => new RegExp(`"${name}"`).test(text));

test("the modular app bundles only the operation it calls; the class app bundles all of them", async () => {
  assert.deepEqual(operationsIn(modular.text), ["ListBuckets"]);
  assert.deepEqual(operationsIn((await clientBrowser).text), OPERATION_NAMES);
});

// Markers of code ListBuckets does not need: GetObject's body wrapper, DeleteObjects' MD5 and XML writer,
// CreateBucket's body, the object-write header tables.
const UNNEEDED = ["transformToString", "content-md5", "<Delete", "CreateBucketConfiguration", "&amp;", "aws-kms-key-id"];

test("the modular app carries none of the code only other operations need", async () => {
  assert.deepEqual(UNNEEDED.filter((marker) => modular.text.includes(marker)), []);
  const classText = (await clientBrowser).text;
  assert.deepEqual(UNNEEDED.filter((marker) => classText.includes(marker)), UNNEEDED);
});

test("the browser bundle has no node: imports", () => {
  assert.deepEqual(sizes.clientBrowser.inputs.filter((p) => p.startsWith("node:")), []);
});

if (sizes.session === undefined) {
  test("node ListBuckets app INCLUDING newSession", { todo: "@sessionkit/session does not export newSession yet" }, () => {});
} else {
  const session = sizes.session;
  budgetTests("node ListBuckets app INCLUDING newSession", Promise.resolve(session), BUDGETS.nodeWithSession);
  budgetTests(
    "node ListBuckets app INCLUDING newSession, initial chunks of a --splitting build (reported; the budget line is the one-file bundle)",
    measureInitialChunks("session-node-split", SESSION_APP, "node"),
    BUDGETS.nodeWithSessionInitialChunks,
  );
}
const sessionBrowser = sizes.sessionBrowser;
if (sessionBrowser !== undefined) {
  budgetTests(
    "browser ListBuckets app INCLUDING newSession (static config)",
    Promise.resolve(sessionBrowser),
    BUDGETS.browserWithSession,
  );
  test("the browser session bundle has no node: imports and no STS code", () => {
    assert.deepEqual(
      sessionBrowser.inputs.filter((p) => p.startsWith("node:") || /client-sts|credential-provider-/.test(p)),
      [],
    );
  });
}
/** Budget lines of an app measured only once the session exists. */
function measuredBudget(label: string, m: Measured | undefined, budget: { target: number; ceiling: number }): void {
  if (m !== undefined) budgetTests(label, Promise.resolve(m), budget);
}
measuredBudget("node ListBuckets app INCLUDING newSession, modular (S3Client + listBuckets)", sizes.sessionModular, BUDGETS.nodeWithSessionModular);
measuredBudget(
  "browser ListBuckets app INCLUDING newSession (static config), modular (S3Client + listBuckets)",
  sizes.sessionBrowserModular,
  BUDGETS.browserWithSessionModular,
);
