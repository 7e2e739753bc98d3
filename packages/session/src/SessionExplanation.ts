import { formatSource, type ValueSource } from "./configBrowser.js";

/** One line of `explain()`: a setting, the value shown (secrets masked) and where it came from. */
export interface ExplainEntry {
  readonly setting: string;
  readonly value: string;
  readonly source: ValueSource;
}

/**
 * What `Session.explain()` returns: the entries as data, and `toString()` as an aligned table
 * (`setting  value  source`), ready to print.
 */
export class SessionExplanation {
  readonly entries: readonly ExplainEntry[];

  constructor(entries: readonly ExplainEntry[]) {
    this.entries = Object.freeze([...entries]);
  }

  /** The value of a setting, or `undefined` when the explanation has no such line. */
  get(setting: string): ExplainEntry | undefined {
    return this.entries.find((e) => e.setting === setting);
  }

  toString(): string {
    const rows = this.entries.map((e) => [e.setting, e.value === "" ? "-" : e.value, formatSource(e.source)] as const);
    const w0 = Math.max(7, ...rows.map((r) => r[0].length));
    const w1 = Math.max(5, ...rows.map((r) => r[1].length));
    const line = (a: string, b: string, c: string): string => `${a.padEnd(w0)}  ${b.padEnd(w1)}  ${c}`;
    return [line("setting", "value", "source"), ...rows.map((r) => line(r[0], r[1], r[2]))].join("\n");
  }
}
