import { SdkError } from "@sessionkit/errors";

/**
 * Malformed XML. The code is Go's `SerializationError` (what a response that cannot be decoded fails with);
 * `offset` (0-based, in UTF-16 units), `line` and `column` (1-based) point at the fault. The message shows
 * positions, never the document, since a response may carry secrets.
 */
export class XmlParseError extends SdkError {
  readonly offset: number;
  readonly line: number;
  readonly column: number;

  constructor(reason: string, source: string, offset: number) {
    let line = 1;
    let lineStart = 0;
    for (let i = source.indexOf("\n"); i !== -1 && i < offset; i = source.indexOf("\n", i + 1)) {
      line++;
      lineStart = i + 1;
    }
    const column = offset - lineStart + 1;
    super("SerializationError", `failed to parse XML at line ${line}, column ${column}: ${reason}`);
    this.offset = offset;
    this.line = line;
    this.column = column;
  }
}
