import type { SharedConfigProperty, SharedConfigSection } from "./parseSharedConfigFile.js";
import { type MutableProperty, scan } from "./profileFileScan.js";

/** The scanner's validation already passed: reading never fails. */
function never(): never {
  throw new Error("unreachable");
}


/**
 * A section of a parsed file: its lines are located by the scanner, and its properties are read
 * on first access. Duplicate sections are segments read in order, so the later property wins.
 */
export class LazySection implements SharedConfigSection {
  declare readonly name: string;
  declare readonly line: number;
  readonly #text: string;
  /** `[start, headerLine]` pairs: where the lines after each header of this section start (up to the next header). */
  readonly #segments: readonly number[];
  #properties: Map<string, MutableProperty> | undefined;

  constructor(name: string, line: number, text: string, segments: readonly number[]) {
    this.name = name;
    this.line = line;
    this.#text = text;
    this.#segments = segments;
  }

  get properties(): ReadonlyMap<string, SharedConfigProperty> {
    if (this.#properties === undefined) {
      // Duplicate headers: their segments are read in order into one map, so the later property wins.
      const props = new Map<string, MutableProperty>();
      const s = this.#segments;
      for (let g = 0; g < s.length; g += 2) scan(this.#text, never, s[g] as number, s[g + 1] as number, props);
      this.#properties = props;
    }
    return this.#properties;
  }
}
