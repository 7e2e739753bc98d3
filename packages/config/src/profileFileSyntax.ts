/** Character-level helpers shared by the profile-file scanner and the section reader. */

export const SPACE = 32;
export const TAB = 9;
export const HASH = 35;
export const SEMI = 59;
export const BRACKET = 91;
export const CLOSE = 93;

/** The spec's identifiers: ASCII letters and digits and `_ - / . % @ : +`. */
export const IDENTIFIER = /^[A-Za-z0-9_\-/.%@:+]+$/;

/** The spec's whitespace: spaces and tabs (other characters are content). */
export const isBlank = (c: number): boolean =>
  c === SPACE || c === TAB;

/** Whitespace that may precede a comment character. */
// Space, tab, vertical tab, form feed, carriage return.
const isSpace = (c: number): boolean => c === SPACE || (c >= TAB && c <= 13 && c !== 10);

export function trimStartAt(s: string, a: number, b: number): number {
  while (a < b && isBlank(s.charCodeAt(a))) a++;
  return a;
}

export function trimEndAt(s: string, a: number, b: number): number {
  while (b > a && isBlank(s.charCodeAt(b - 1))) b--;
  return b;
}

/**
 * Where a trailing comment starts on a property line: the first `#` or `;` that follows whitespace
 * (`value;x` keeps `;x`), or `line.length`. Each character kind is searched forward once: linear.
 */
export function commentStart(line: string): number {
  let h = line.indexOf("#");
  let s = line.indexOf(";");
  while (h !== -1 || s !== -1) {
    const i = h === -1 ? s : s === -1 ? h : Math.min(h, s);
    if (i > 0 && isSpace(line.charCodeAt(i - 1))) return i;
    if (i === h) h = line.indexOf("#", i + 1);
    else s = line.indexOf(";", i + 1);
  }
  return line.length;
}
