const NAMED: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };
// Markup characters, and every C0 control: S3 asks for CR and LF as references (an XML parser would otherwise
// normalise them), and the other controls cannot appear literally in XML 1.0.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const SPECIAL = /[&<>"'\0-\x1f\ufffe\uffff]/g;

const replace = (c: string): string => NAMED[c] ?? `&#${c.charCodeAt(0)};`;

/** Escapes text for an XML element or a quoted attribute value. */
export function escapeXml(value: string): string {
  return value.replace(SPECIAL, replace);
}
