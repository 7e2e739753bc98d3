// The browser story: an app bundled for browsers gets the WebCrypto build and no trace of node:crypto,
// and that bundle signs correctly (run here on Node's own WebCrypto global).
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const pkgDir = join(dirname(fileURLToPath(import.meta.url)), "..");

async function bundle(platform: "browser" | "node") {
  // A throwaway app that depends on the package through node_modules, as a real app would.
  const appDir = mkdtempSync(join(tmpdir(), "sk-sigv4-app-"));
  try {
    mkdirSync(join(appDir, "node_modules", "@sessionkit"), { recursive: true });
    symlinkSync(pkgDir, join(appDir, "node_modules", "@sessionkit", "signature-v4"), "dir");
    writeFileSync(join(appDir, "package.json"), JSON.stringify({ name: "app", type: "module" }));
    writeFileSync(
      join(appDir, "app.js"),
      [
        'import { SignatureV4 } from "@sessionkit/signature-v4";',
        "const signer = new SignatureV4({ service: 's3', region: 'us-east-1', uriEscapePath: false,",
        "  credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' } });",
        "export const signed = signer.sign({ method: 'GET', protocol: 'https:', hostname: 'examplebucket.s3.amazonaws.com',",
        "  path: '/test.txt', query: {}, headers: { Host: 'examplebucket.s3.amazonaws.com', Range: 'bytes=0-9' } },",
        "  { signingDate: new Date('2013-05-24T00:00:00Z') });",
      ].join("\n"),
    );
    const result = await build({
      entryPoints: [join(appDir, "app.js")],
      bundle: true,
      minify: true,
      write: false,
      format: "esm",
      platform,
      metafile: true,
      logLevel: "silent",
    });
    // Metafile paths are relative to the working directory.
    const inputs = Object.keys(result.metafile.inputs).map((p) => resolve(p));
    return { code: result.outputFiles[0]?.text ?? "", inputs };
  } finally {
    rmSync(appDir, { recursive: true, force: true });
  }
}

test("esbuild --platform=browser picks the browser build, which has no node:crypto", async () => {
  const { code, inputs } = await bundle("browser");
  assert.ok(inputs.includes(join(pkgDir, "dist", "index.browser.js")), inputs.join("\n"));
  assert.doesNotMatch(code, /node:crypto|["']crypto["']|createHmac/);
  assert.match(code, /crypto\.subtle|\.subtle/);
  // The browser bundle runs anywhere WebCrypto exists, Node 20 included: it must produce the S3 docs signature.
  const mod = (await import(`data:text/javascript;base64,${Buffer.from(code).toString("base64")}`)) as {
    signed: Promise<{ headers: Record<string, string> }>;
  };
  assert.match((await mod.signed).headers.authorization ?? "", /Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41$/);
});

test("esbuild --platform=node picks the Node build with node:crypto (so the check above can fail)", async () => {
  const { code, inputs } = await bundle("node");
  assert.ok(inputs.includes(join(pkgDir, "dist", "index.js")), inputs.join("\n"));
  assert.match(code, /node:crypto/);
});
