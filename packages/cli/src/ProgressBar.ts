import type { CliOutput } from "./CliIO.js";

/** Below this size a transfer is quick enough that a bar would only flicker. */
export const PROGRESS_MIN_BYTES = 8 * 1024 * 1024;

const MIB = 1024 * 1024;

function mib(bytes: number): string {
  return (bytes / MIB).toFixed(1);
}

/**
 * A one-line progress bar redrawn in place (`\r`) on a terminal:
 * `upload  [#########.........]  45%  22.5/50.0 MiB  31.2 MiB/s`. Redraws at most every 100 ms, so counting
 * each chunk costs only an addition.
 */
export class ProgressBar {
  readonly #out: CliOutput;
  readonly #label: string;
  readonly #total: number;
  readonly #now: () => number;
  readonly #start: number;
  #done = 0;
  #lastDraw = 0;
  #drawn = false;

  constructor(out: CliOutput, label: string, total: number, now: () => number) {
    this.#out = out;
    this.#label = label;
    this.#total = total;
    this.#now = now;
    this.#start = now();
  }

  /** Counts `bytes` more and redraws when 100 ms have passed since the last redraw. */
  add(bytes: number): void {
    this.#done += bytes;
    const t = this.#now();
    if (t - this.#lastDraw >= 100) {
      this.#lastDraw = t;
      this.#draw(t);
    }
  }

  /** Starts counting again from zero (a retried transfer sends everything again). */
  restart(): void {
    this.#done = 0;
  }

  /** Draws the final state and ends the line. */
  finish(): void {
    this.#draw(this.#now());
    this.#out.write("\n");
  }

  /** Clears the line (on failure, so the error starts at column 0). */
  abandon(): void {
    if (this.#drawn) this.#out.write("\n");
  }

  #draw(t: number): void {
    const width = Math.max(10, Math.min(30, (this.#out.columns ?? 80) - 50));
    const ratio = this.#total > 0 ? Math.min(1, this.#done / this.#total) : 1;
    const filled = Math.round(ratio * width);
    const seconds = Math.max(0.001, (t - this.#start) / 1000);
    const bar = `${"#".repeat(filled)}${".".repeat(width - filled)}`;
    const pct = `${Math.floor(ratio * 100)}%`.padStart(4);
    this.#out.write(`\r${this.#label}  [${bar}] ${pct}  ${mib(this.#done)}/${mib(this.#total)} MiB  ${mib(this.#done / seconds)} MiB/s`);
    this.#drawn = true;
  }
}

/**
 * Whether to show a bar: on a terminal for transfers of {@link PROGRESS_MIN_BYTES} or more.
 * `SESSIONKIT_PROGRESS=always|never` overrides (tests, logs).
 */
export function wantsProgress(out: CliOutput, bytes: number, env: Readonly<Record<string, string | undefined>>): boolean {
  const forced = env.SESSIONKIT_PROGRESS;
  if (forced === "always") return true;
  if (forced === "never") return false;
  return out.isTTY === true && bytes >= PROGRESS_MIN_BYTES;
}
