import { type ChildProcess, spawn } from "node:child_process";
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import type { Readable, Writable } from "node:stream";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { inCI, type Needed } from "./require.js";

/** A headless Chromium that runs one page and returns what the page wrote. */
export interface Browser {
  readonly path: string;
  /**
   * Runs `script` (an ES module, already bundled) in a blank page and resolves to the text the page writes
   * into its `<pre id="out">` (the page writes it once, when it is done). Rejects when the page script throws
   * uncaught, or writes nothing within `budgetMs` (real time, default 30 s). `crossOrigin` turns CORS off, so a
   * `file://` page may call local test servers that send no CORS headers.
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

/** The page calls this DevTools binding once: with what it wrote into `#out`, or with the error it threw. */
const BINDING = "__skReport";
/**
 * Sends `#out`'s text as soon as the page writes it, or the first uncaught error. The page is awaited in real
 * time: `--dump-dom` with a virtual-time budget dumped the page as soon as no fetch was pending, which a
 * response body still being read does not count as, so a page reading a slow body was dumped before it wrote.
 */
const REPORTER = `<script>{const out=document.getElementById("out");let sent=false;const report=(r)=>{if(!sent){sent=true;${BINDING}(JSON.stringify(r));}};
new MutationObserver(()=>report({out:out.textContent})).observe(out,{childList:true,characterData:true,subtree:true});
addEventListener("error",(e)=>report({error:String(e.error?.stack??e.message)}));}</script>`;

interface Message {
  id?: number;
  method?: string;
  sessionId?: string;
  params?: { name?: string; payload?: string };
  result?: Record<string, unknown>;
  error?: { message: string };
}

/**
 * A DevTools-protocol client over `--remote-debugging-pipe` (the browser reads commands on fd 3 and writes
 * NUL-terminated JSON messages on fd 4): no port to race for, no dependency.
 */
class Devtools {
  #id = 0;
  #buffer = "";
  readonly #pending = new Map<number, { resolve: (r: Record<string, unknown>) => void; reject: (e: Error) => void }>();
  readonly #out: Writable;
  onEvent: (m: Message) => void = () => {};

  constructor(child: ChildProcess) {
    this.#out = child.stdio[3] as Writable;
    const input = child.stdio[4] as Readable;
    input.setEncoding("utf8");
    input.on("data", (chunk: string) => {
      const parts = (this.#buffer + chunk).split("\0");
      this.#buffer = parts.pop() ?? "";
      for (const part of parts) this.#receive(JSON.parse(part) as Message);
    });
    // A broken pipe means the browser is gone; `exit` reports that.
    this.#out.on("error", () => {});
  }

  #receive(m: Message): void {
    const call = m.id === undefined ? undefined : this.#pending.get(m.id);
    if (call === undefined) return void this.onEvent(m);
    this.#pending.delete(m.id as number);
    if (m.error) call.reject(new Error(`Chromium DevTools: ${m.error.message}`));
    else call.resolve(m.result ?? {});
  }

  send(method: string, params: object = {}, sessionId?: string): Promise<Record<string, unknown>> {
    const id = ++this.#id;
    this.#out.write(`${JSON.stringify({ id, method, params, sessionId })}\0`);
    return new Promise((resolve, reject) => this.#pending.set(id, { resolve, reject }));
  }

  /** Fails every command still waiting for its answer. */
  fail(err: Error): void {
    for (const call of this.#pending.values()) call.reject(err);
    this.#pending.clear();
  }
}

async function runPage(path: string, script: string, options: { crossOrigin?: boolean; budgetMs?: number } = {}): Promise<string> {
  const budgetMs = options.budgetMs ?? 30_000;
  const dir = mkdtempSync(join(tmpdir(), "sk-browser-"));
  const page = join(dir, "page.html");
  // The script is inlined; `</script` inside it would end the element early.
  const body = script.replace(/<\/script/gi, "<\\/script");
  writeFileSync(page, `<!doctype html><html><body><pre id="out"></pre>${REPORTER}<script type="module">${body}</script></body></html>`);
  const args = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    `--user-data-dir=${join(dir, "profile")}`,
    "--remote-debugging-pipe",
    ...(options.crossOrigin ? ["--disable-web-security"] : []),
    "about:blank",
  ];
  const child = spawn(path, args, { stdio: ["ignore", "ignore", "pipe", "pipe", "pipe"] });
  let stderr = "";
  child.stderr?.setEncoding("utf8").on("data", (s: string) => {
    stderr = (stderr + s).slice(-4000);
  });
  // "error" too: a browser that never started has no exit to wait for.
  const exited = new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.once("error", () => resolve());
  });
  const cdp = new Devtools(child);
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await new Promise<string>((resolve, reject) => {
      const fail = (err: Error): void => {
        cdp.fail(err);
        reject(err);
      };
      child.once("error", (e) => fail(new Error(`Chromium did not start (${path}): ${e.message}`)));
      child.once("exit", (code, signal) => fail(new Error(`Chromium exited (${signal ?? code}) before the page wrote its output\n${stderr}`)));
      const start = async (): Promise<void> => {
        const { targetId } = await cdp.send("Target.createTarget", { url: "about:blank" });
        const { sessionId } = (await cdp.send("Target.attachToTarget", { targetId, flatten: true })) as { sessionId: string };
        cdp.onEvent = (m) => {
          if (m.method !== "Runtime.bindingCalled" || m.sessionId !== sessionId || m.params?.name !== BINDING) return;
          const r = JSON.parse(m.params.payload ?? "{}") as { out?: string; error?: string };
          if (r.error !== undefined) reject(new Error(`the page threw: ${r.error}`));
          else resolve(r.out ?? "");
        };
        await cdp.send("Runtime.enable", {}, sessionId);
        await cdp.send("Runtime.addBinding", { name: BINDING }, sessionId);
        await cdp.send("Page.navigate", { url: pathToFileURL(page).href }, sessionId);
        timer = setTimeout(() => {
          const seen = cdp.send("Runtime.evaluate", { expression: 'document.getElementById("out")?.textContent', returnByValue: true }, sessionId);
          seen.then(
            (r) => fail(new Error(`the page wrote no output within ${budgetMs} ms (#out: ${JSON.stringify((r.result as { value?: unknown })?.value)})`)),
            () => fail(new Error(`the page wrote no output within ${budgetMs} ms`)),
          );
        }, budgetMs);
      };
      start().catch(fail);
    });
  } finally {
    clearTimeout(timer);
    // Closed through the protocol; killed (this child only) if it does not go in time.
    cdp.send("Browser.close").catch(() => {});
    const kill = setTimeout(() => child.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(kill);
    rmSync(dir, { recursive: true, force: true });
  }
}
