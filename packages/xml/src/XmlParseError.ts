import { SdkError } from "@sessionkit/errors";

/**
 * Malformed XML. The code is Go's `SerializationError` (what a response that cannot be decoded fails with);
 * `offset` (0-based, in UTF-16 units), `line` and `column` (1-based) point at the fault. The message shows
 * positions, never the document, since a response may carry secrets.
 */
export class XmlParseError extends SdkError {
  // Declared (set in the constructor): class fields would repeat the names in every bundle.
  declare readonly offset: number;
  declare readonly line: number;
  declare readonly column: number;

  constructor(reason: string, source: string, offset: number) {
    const lines = source.slice(0, offset).split("\n");
    const line = lines.length;
    const column = (lines[line - 1] as string).length + 1;
    super("SerializationError", `failed to parse XML at line ${line}, column ${column}: ${reason}`);
    this.offset = offset;
    this.line = line;
    this.column = column;
  }
}
