import { formatSource, type ValueSource } from "./configBrowser.js";

/** One line of `explain()`: a setting, the value shown (secrets masked) and where it came from. */
export interface ExplainEntry {
  readonly setting: string;
  readonly value: string;
  readonly source: ValueSource;
}

/** An {@link ExplainEntry} as the session keeps it until `explain()` is called. */
export type ExplainLine = readonly [setting: string, value: string, source: ValueSource];

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
    const rows = [["setting", "value", "source"], ...this.entries.map((e) => [e.setting, e.value || "-", formatSource(e.source)])];
    const [a, b] = [0, 1].map((i) => Math.max(...rows.map((r) => (r[i] as string).length)));
    return rows.map(([setting, value, source]) => `${setting?.padEnd(a as number)}  ${value?.padEnd(b as number)}  ${source}`).join("\n");
  }
}
