import type { CliOutput } from "./CliIO.js";

/** `--output`: `text` for people (the default), `json` for scripts. */
export type OutputFormat = "text" | "json";

/**
 * Where a command's result goes: stdout, as JSON (one document, pretty-printed) or as the command's text.
 * Progress, logs and errors go to stderr so stdout stays parseable.
 */
export class Output {
  readonly format: OutputFormat;
  readonly #stdout: CliOutput;

  constructor(stdout: CliOutput, format: OutputFormat) {
    this.format = format;
    this.#stdout = stdout;
  }

  /** Prints `data` as JSON, or `text(data)` (with a trailing newline unless empty). */
  result<T>(data: T, text: (data: T) => string): void {
    if (this.format === "json") {
      this.#stdout.write(`${JSON.stringify(data, null, 2)}\n`);
      return;
    }
    const out = text(data);
    if (out !== "") this.#stdout.write(out.endsWith("\n") ? out : `${out}\n`);
  }
}

/** Rows as aligned columns (two spaces between), the last column unpadded. */
export function columns(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cell.length);
    });
  }
  return rows
    .map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join("  "))
    .join("\n");
}
