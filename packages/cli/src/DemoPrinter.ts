import { formatSource, maskSecret, type ValueSource } from "@sessionkit/config";

/** Prints the walkthrough: numbered steps, the code each runs, and what it shows. */
export class DemoPrinter {
  readonly #write: (text: string) => void;
  readonly #home: string;
  #step = 0;

  constructor(write: (text: string) => void, home = "") {
    this.#write = write;
    this.#home = home;
  }

  /** A printer that shortens paths in `home` to `~`. */
  withHome(home: string): DemoPrinter {
    // Through the constructor, not `new DemoPrinter`: a class body naming its own class makes bundlers rename it.
    const p = new (this.constructor as new (write: (text: string) => void, home: string) => DemoPrinter)(this.#write, home);
    p.#step = this.#step;
    return p;
  }

  line(text = ""): void {
    this.#write(`${this.tilde(text)}\n`);
  }

  /** A numbered step: its title and what it is about. */
  step(title: string, ...about: string[]): void {
    this.#step++;
    this.line();
    this.line(`== ${this.#step}. ${title}`);
    for (const a of about) this.line(`   ${a}`);
  }

  /** A setup or teardown heading (not numbered). */
  section(title: string): void {
    this.line();
    this.line(`== ${title}`);
  }

  /** The TypeScript a step runs. */
  code(...lines: string[]): void {
    for (const l of lines) this.line(`   | ${l}`);
  }

  /** What a step shows. */
  show(text: string): void {
    this.line(`   -> ${text}`);
  }

  /** A note under a step. */
  note(text: string): void {
    this.line(`      ${text}`);
  }

  /** Explain rows, aligned: `setting  value  source`. */
  rows(rows: readonly { readonly setting: string; readonly value: string; readonly source: ValueSource }[]): void {
    const shown = rows.map((r) => [r.setting, r.value === "" ? "-" : this.tilde(r.value), this.tilde(formatSource(r.source))] as const);
    const w0 = Math.max(...shown.map((r) => r[0].length));
    const w1 = Math.max(...shown.map((r) => r[1].length));
    for (const [a, b, c] of shown) this.line(`      ${a.padEnd(w0)}  ${b.padEnd(w1)}  ${c}`);
  }

  /** A file's lines, numbered, with secret values masked. */
  file(path: string, text: string): void {
    this.line(`   ${path}`);
    text
      .trimEnd()
      .split("\n")
      .forEach((l, i) => {
        this.line(`   ${String(i + 1).padStart(4)}  ${maskLine(l)}`);
      });
  }

  tilde(text: string): string {
    return this.#home === "" ? text : text.replaceAll(this.#home, "~");
  }
}

/** A `key = value` line with the value masked when the key holds a secret or an access key id. */
function maskLine(line: string): string {
  const m = /^(\s*)(aws_secret_access_key|aws_session_token|aws_access_key_id)(\s*=\s*)(.*)$/.exec(line);
  if (m === null) return line;
  const kind = m[2] === "aws_access_key_id" ? "partial" : "secret";
  return `${m[1]}${m[2]}${m[3]}${maskSecret(m[4] ?? "", kind)}`;
}
