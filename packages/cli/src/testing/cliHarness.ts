// Test helpers: run the BUILT binaries (dist/cli.js, dist/demo.js) as child processes with a throwaway HOME.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const pkgDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const CLI_BIN = join(pkgDir, "dist", "cli.js");
export const DEMO_BIN = join(pkgDir, "dist", "demo.js");

/** What a finished child printed and how it ended. */
export interface RunResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  /** stdout as bytes (binary downloads to `-`). */
  readonly stdoutBytes: Buffer;
  readonly stderr: string;
  /** Peak RSS the CLI reported (SESSIONKIT_REPORT_MAX_RSS=1), in KiB. */
  readonly maxRssKiB: number | undefined;
}

export interface RunOptions {
  readonly env: NodeJS.ProcessEnv;
  readonly input?: string;
  readonly timeoutMs?: number;
}

/** Runs `node <script> ...args` and resolves when it exits (kills it after the timeout, default 60 s). */
export function runNode(script: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { env: options.env, stdio: ["pipe", "pipe", "pipe"] });
    const out: Buffer[] = [];
    let stderr = "";
    child.stdout.on("data", (b: Buffer) => {
      out.push(b);
    });
    child.stderr.on("data", (b: Buffer) => {
      stderr += b.toString();
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 60_000);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const rss = /maxRSS (\d+) KiB/.exec(stderr)?.[1];
      const stdoutBytes = Buffer.concat(out);
      const stdout = stdoutBytes.toString();
      resolve({ code, signal, stdout, stdoutBytes, stderr, maxRssKiB: rss === undefined ? undefined : Number(rss) });
    });
    child.stdin.end(options.input ?? "");
  });
}

/** Runs the `sessionkit` binary. */
export function sessionkit(args: readonly string[], options: RunOptions): Promise<RunResult> {
  return runNode(CLI_BIN, args, options);
}

/** A throwaway home directory with `.aws/config` and `.aws/credentials` (each only when given). */
export interface TestHome {
  readonly home: string;
  readonly configFile: string;
  readonly credentialsFile: string;
  /** A minimal environment for the child: PATH, HOME and `extra`; none of the parent's AWS_* variables. */
  env(extra?: Readonly<Record<string, string>>): NodeJS.ProcessEnv;
  remove(): void;
}

export function makeHome(files: { config?: string; credentials?: string }): TestHome {
  const home = mkdtempSync(join(tmpdir(), "sk-cli-home-"));
  const aws = join(home, ".aws");
  mkdirSync(aws);
  const configFile = join(aws, "config");
  const credentialsFile = join(aws, "credentials");
  if (files.config !== undefined) writeFileSync(configFile, files.config);
  if (files.credentials !== undefined) writeFileSync(credentialsFile, files.credentials);
  return {
    home,
    configFile,
    credentialsFile,
    env: (extra = {}) => ({ PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: home, ...extra }),
    remove: () => rmSync(home, { recursive: true, force: true }),
  };
}

/** Lines of text as an array, without the trailing empty line. */
export function lines(text: string): string[] {
  return text.split("\n").filter((l, i, all) => !(i === all.length - 1 && l === ""));
}
