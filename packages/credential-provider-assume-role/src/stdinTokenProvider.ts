import type { TokenProvider } from "@sessionkit/types";
import { AssumeRoleError } from "./AssumeRoleError.js";

/** Go's prompt text, written without a newline. */
export const MFA_PROMPT = "Assume Role MFA token code: ";

/** The input stream a prompt reads; `process.stdin`, a `PassThrough` or any Node readable stream will do. */
export type PromptInput = Pick<NodeJS.ReadableStream, "on" | "removeListener" | "resume" | "pause"> & {
  readonly readableEnded?: boolean;
};
/** Where the prompt is written; `process.stderr` by default. */
export interface PromptOutput {
  write(text: string): unknown;
}

export interface StdinTokenProviderOptions {
  /** Default `process.stdin` (looked up at the first prompt, not at import). */
  readonly input?: PromptInput;
  /** Default `process.stderr`. */
  readonly output?: PromptOutput;
  /** Default {@link MFA_PROMPT}. */
  readonly prompt?: string;
  /**
   * Give up after this many milliseconds (`AssumeRoleTokenInput`). Default: wait, as Go does; so does a value no
   * timer can hold (`Infinity`, `NaN`, 2^31 ms or more).
   */
  readonly timeoutMs?: number;
}

// Bytes read past the end of a line belong to the next prompt on the same stream (piped input).
const leftovers = new WeakMap<object, string>();
// The last prompt queued on each stream: prompts of different providers take turns, never overlap.
const queues = new WeakMap<object, Promise<unknown>>();

function readLine(input: PromptInput, timeoutMs: number | undefined): Promise<string> {
  const pending = leftovers.get(input) ?? "";
  const nl = pending.indexOf("\n");
  if (nl >= 0) {
    leftovers.set(input, pending.slice(nl + 1));
    return Promise.resolve(pending.slice(0, nl));
  }
  return new Promise<string>((resolve, reject) => {
    let buffer = pending;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (): void => {
      input.removeListener("data", onData);
      input.removeListener("end", onEnd);
      input.removeListener("close", onEnd);
      input.removeListener("error", onError);
      if (timer !== undefined) clearTimeout(timer);
      input.pause();
    };
    const onData = (chunk: Buffer | string): void => {
      buffer += typeof chunk === "string" ? chunk : chunk.toString("utf8");
      const at = buffer.indexOf("\n");
      if (at < 0) return;
      finish();
      leftovers.set(input, buffer.slice(at + 1));
      resolve(buffer.slice(0, at));
    };
    const onEnd = (): void => {
      finish();
      leftovers.delete(input);
      // A last line without a newline still counts; nothing at all is an error, not a hang.
      if (buffer !== "") resolve(buffer);
      else reject(new AssumeRoleError("AssumeRoleTokenInput", "no MFA token code: input ended before a line was read"));
    };
    const onError = (err: Error): void => {
      finish();
      reject(new AssumeRoleError("AssumeRoleTokenInput", "no MFA token code: reading the input failed", { cause: err }));
    };
    if (input.readableEnded === true) {
      onEnd();
      return;
    }
    input.on("data", onData);
    input.on("end", onEnd);
    input.on("close", onEnd);
    input.on("error", onError);
    // A timeout no timer can hold (NaN, Infinity, 2^31 ms or more) is none: setTimeout would fire at once, with a
    // TimeoutOverflowWarning.
    if (timeoutMs !== undefined && timeoutMs < 2 ** 31) {
      timer = setTimeout(() => {
        finish();
        reject(new AssumeRoleError("AssumeRoleTokenInput", `no MFA token code entered within ${timeoutMs} ms`));
      }, timeoutMs);
    }
    input.resume();
  });
}

/**
 * Go's `stscreds.StdinTokenProvider`, made safe to share: writes `Assume Role MFA token code: ` to stderr,
 * reads one line from stdin and trims it.
 * - Calls made while this provider's prompt is open share that prompt and its answer: concurrent refreshes
 *   prompt once (Go and JS v2 prompt several times at once and race for the input).
 * - Prompts of different providers on the same input stream take turns instead of overlapping.
 * An empty answer fails with `AssumeRoleTokenNotAvailable`; the code's length is not checked (the server does).
 */
export function stdinTokenProvider(options: StdinTokenProviderOptions = {}): TokenProvider {
  let open: Promise<string> | undefined;
  const ask = async (input: PromptInput): Promise<string> => {
    (options.output ?? process.stderr).write(options.prompt ?? MFA_PROMPT);
    const code = (await readLine(input, options.timeoutMs)).trim();
    if (code === "") throw new AssumeRoleError("AssumeRoleTokenNotAvailable", "no MFA token code was entered");
    return code;
  };
  return () => {
    if (open !== undefined) return open;
    const input = options.input ?? process.stdin;
    // The queued promise never rejects (see below), so the next prompt always gets its turn.
    const mine = (queues.get(input) ?? Promise.resolve()).then(() => ask(input));
    queues.set(input, mine.catch(() => undefined));
    open = mine.finally(() => {
      open = undefined;
    });
    return open;
  };
}
