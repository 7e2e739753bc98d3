import { type SpawnOptions, spawn as nodeSpawn } from "node:child_process";
import type { CredentialsProvider, CredentialsValue } from "@sessionkit/types";
import { PROCESS_PROVIDER_NAME, parseProcessOutput } from "./parseProcessOutput.js";
import { type ProcessProviderError, processError } from "./ProcessProviderError.js";

/** What a child process must offer; `node:child_process`'s `ChildProcess` does. */
export interface SpawnedProcess {
  readonly stdout: NodeJS.ReadableStream | null;
  kill(signal?: NodeJS.Signals | number): boolean;
  on(event: "error", listener: (err: Error) => void): this;
  on(event: "close", listener: (code: number | null, signal: NodeJS.Signals | null) => void): this;
}

export type SpawnFn = (command: string, args: readonly string[], options: SpawnOptions) => SpawnedProcess;

export interface ProcessProviderOptions {
  /**
   * Kill the process and fail after this many milliseconds. Default 60,000 (Go's `DefaultTimeout`). A value no timer
   * can hold (`Infinity`, `NaN`, 2^31 ms or more) is no timeout.
   */
  readonly timeoutMs?: number;
  /** Fail when stdout grows beyond this many bytes. Default 64 KiB. */
  readonly maxBufferBytes?: number;
  /** The process's environment. Default: `process.env` at each retrieve (Go passes `os.Environ()`). */
  readonly env?: NodeJS.ProcessEnv;
  /** Working directory. Default: the current one. */
  readonly cwd?: string;
  /**
   * Where the process's stdin and stderr go. Default `"inherit"` for both, as Go: a process may prompt for MFA
   * on the terminal. stderr is never read into errors.
   */
  readonly stdin?: "inherit" | "ignore";
  readonly stderr?: "inherit" | "ignore";
  /** `win32` runs `cmd.exe /C <command>`; anything else `sh -c <command>`. Default `process.platform`. */
  readonly platform?: string;
  /** The profile's `aws_account_id`, used when the output has no `AccountId`. */
  readonly accountId?: string;
  /** Replaces `node:child_process.spawn` (tests). */
  readonly spawn?: SpawnFn;
}

const execError = (message: string, cause?: unknown): ProcessProviderError => processError("Execution", message, cause);
const runError = (message: string, cause?: unknown): ProcessProviderError => execError(`error in credential_process: ${message}`, cause);

/**
 * Go v1's `processcreds.ProcessProvider` for `credential_process`: runs the command through the platform shell
 * at every retrieve, reads its stdout as JSON (`Version: 1`, …) and returns the credentials with their
 * `Expiration`. Errors carry Go's codes; none of them repeats the process's output.
 */
export function processProvider(command: string, options: ProcessProviderOptions = {}): CredentialsProvider {
  return credentialProcess(
    command,
    options.env,
    options.accountId,
    options.timeoutMs,
    options.maxBufferBytes,
    options.spawn,
    options.platform,
    options.cwd,
    options.stdin,
    options.stderr,
  );
}

/**
 * {@link processProvider} with positional arguments (internal: what the session calls, so its bundle carries no
 * option names); the defaults are the options'.
 */
export function credentialProcess(
  command: string,
  env: NodeJS.ProcessEnv | undefined,
  accountId: string | undefined,
  timeoutMs = 60_000,
  maxBufferBytes = 64 * 1024,
  spawn = nodeSpawn as SpawnFn,
  platform = process.platform as string,
  cwd?: string,
  stdin: "inherit" | "ignore" = "inherit",
  stderr: "inherit" | "ignore" = "inherit",
): CredentialsProvider {
  return {
    name: PROCESS_PROVIDER_NAME,
    async retrieve(): Promise<CredentialsValue> {
      if (command.trim() === "") throw execError("failed to prepare command: command must not be empty");
      const stdout = await new Promise<string>((resolve, reject) => {
          const win = platform === "win32";
          let child: SpawnedProcess;
          try {
            child = spawn(win ? "cmd.exe" : "sh", [win ? "/C" : "-c", command], {
              env: env ?? process.env,
              cwd,
              stdio: [stdin, "pipe", stderr],
              windowsHide: true,
            });
          } catch (err) {
            reject(runError("failed to start the command", err));
            return;
          }
          const chunks: Buffer[] = [];
          let size = 0;
          // Settles once. A failure does not wait for "close": a grandchild of the shell (sh -c "sleep 60") may hold
          // stdout open long after the shell itself was killed.
          let timer: ReturnType<typeof setTimeout> | undefined;
          let settled = false;
          const settle = (err?: ProcessProviderError): void => {
            if (settled) return;
            settled = true;
            clearTimeout(timer);
            if (err) {
              // Close our end (no more data events; late output is ignored anyway, settling is once): a grandchild
              // holding the pipe would otherwise keep this process alive until it exits.
              (child.stdout as { destroy?: () => void } | null)?.destroy?.();
              child.kill();
              reject(err);
            } else {
              const out = Buffer.concat(chunks).toString("utf8");
              // cmd.exe escapes quotes in echoed output (Go v1 undoes it the same way).
              resolve(win ? out.replaceAll('\\"', '"') : out);
            }
          };
          // A timeout no timer can hold (NaN, Infinity, 2^31 ms or more) is none: setTimeout would fire at once, with
          // a TimeoutOverflowWarning.
          if (timeoutMs < 2 ** 31) {
            timer = setTimeout(() => settle(execError(`credential process timed out after ${timeoutMs} ms`)), timeoutMs);
          }
          child.stdout?.on("data", (chunk: Buffer | string) => {
            const buf = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
            size += buf.length;
            if (size > maxBufferBytes) settle(runError(`output exceeds ${maxBufferBytes} bytes`));
            else chunks.push(buf);
          });
          child.on("error", (err) => settle(runError("failed to run the command", err)));
          child.on("close", (code, signal) =>
            settle(code === 0 ? undefined : runError(`the command ${code === null ? `was killed by ${signal ?? "a signal"}` : `exited with code ${code}`}`)),
          );
        });
      return parseProcessOutput(stdout, accountId);
    },
  };
}
