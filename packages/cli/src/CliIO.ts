/** A writable stream the CLI prints to; `isTTY` / `columns` decide the progress bar. */
export interface CliOutput extends NodeJS.WritableStream {
  readonly isTTY?: boolean;
  readonly columns?: number;
}

/** The readable stream the CLI reads MFA codes and `s3 cp -` uploads from. */
export interface CliInput extends NodeJS.ReadableStream {
  readonly isTTY?: boolean;
}

/** Everything the CLI touches of its process, injectable for tests and embedding. */
export interface CliIO {
  readonly stdout: CliOutput;
  readonly stderr: CliOutput;
  readonly stdin: CliInput;
  /** The environment sessions read (default `process.env`). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Milliseconds clock for progress rates (default `Date.now`). */
  readonly now: () => number;
}

/** The IO of the running process. */
export function processIO(): CliIO {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, now: Date.now };
}
