import { execFile } from "node:child_process";
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { build } from "esbuild";
import { inCI, type Needed } from "./require.js";

/** A headless Chromium that runs one page and returns what the page wrote. */
export interface Browser {
  readonly path: string;
  /**
   * Runs `script` (an ES module, already bundled) in a blank page and resolves to the text of the page's
   * `<pre id="out">` once the page is idle. `crossOrigin` turns CORS off, so a `file://` page may call
   * local test servers that send no CORS headers.
   */
  run(script: string, options?: { crossOrigin?: boolean; budgetMs?: number }): Promise<string>;
  /**
   * Bundles `source` (an ES module; TypeScript allowed) as an app's bundler would for a browser: esbuild,
   * platform browser, so packages' `browser` builds are picked, plus any extra export `conditions`. Imports
   * resolve from `resolveDir`.
   */
  bundle(source: string, resolveDir: string, conditions?: string[]): Promise<string>;
}

const NAMES = ["chromium", "chromium-browser", "google-chrome"];

function findOnPath(): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    for (const name of NAMES) {
      const file = join(dir, name);
      try {
        accessSync(file, constants.X_OK);
        return file;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

/** Chromium from `SESSIONKIT_CHROMIUM` or PATH (Debian's `chromium`); a visible skip without one, an error in CI. */
export function browser(): Needed<Browser> {
  const path = process.env.SESSIONKIT_CHROMIUM || findOnPath();
  if (path === undefined) {
    const reason = "no Chromium found (apt-get install chromium, or set SESSIONKIT_CHROMIUM)";
    if (inCI) throw new Error(`CI must not skip: ${reason}`);
    return { value: undefined, skip: reason };
  }
  return { skip: false, value: { path, run: (script, options) => runPage(path, script, options), bundle } };
}

async function bundle(source: string, resolveDir: string, conditions: string[] = []): Promise<string> {
  const out = await build({
    stdin: { contents: source, resolveDir, sourcefile: "app.ts", loader: "ts" },
    bundle: true,
    format: "esm",
    platform: "browser",
    conditions,
    write: false,
    logLevel: "error",
  });
  return out.outputFiles[0]?.text ?? "";
}

const OUT = /<pre id="out">([\s\S]*?)<\/pre>/;
const UNESCAPE: Record<string, string> = { "&lt;": "<", "&gt;": ">", "&amp;": "&", "&quot;": '"', "&#39;": "'" };

function runPage(path: string, script: string, options: { crossOrigin?: boolean; budgetMs?: number } = {}): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "sk-browser-"));
  const page = join(dir, "page.html");
  // The script is inlined; `</script` inside it would end the element early.
  const body = script.replace(/<\/script/gi, "<\\/script");
  writeFileSync(page, `<!doctype html><html><body><pre id="out"></pre><script type="module">${body}</script></body></html>`);
  const args = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    `--user-data-dir=${join(dir, "profile")}`,
    `--virtual-time-budget=${options.budgetMs ?? 10_000}`,
    ...(options.crossOrigin ? ["--disable-web-security"] : []),
    "--dump-dom",
    `file://${page}`,
  ];
  return new Promise((resolve, reject) => {
    execFile(path, args, { timeout: 60_000, maxBuffer: 64 * 1024 * 1024 }, (err, stdout) => {
      rmSync(dir, { recursive: true, force: true });
      const m = OUT.exec(stdout);
      if (m === null) {
        reject(new Error(`Chromium gave no page output${err ? `: ${err.message}` : ""}`));
        return;
      }
      resolve((m[1] as string).replace(/&(lt|gt|amp|quot|#39);/g, (e) => UNESCAPE[e] as string));
    });
  });
}
