import { scan } from "./profileFileScan.js";
import { IDENTIFIER } from "./profileFileSyntax.js";
import { ParsedFile } from "./SectionIndex.js";
import { SharedConfigParseError } from "./SharedConfigParseError.js";

/**
 * How section headers are read:
 * - `config` (`~/.aws/config`): `[profile NAME]`, `[default]`, `[sso-session NAME]`, `[services NAME]`;
 *   `[profile default]` hides every `[default]` of the same file.
 * - `credentials` (`~/.aws/credentials`): `[NAME]` only.
 * - `any`: a file given by path with no kind (Go's `SharedConfigFiles`): both `[NAME]` and
 *   `[profile NAME]`, and `[NAME]` wins when both exist (Go v1's lookup order).
 */
export type SharedConfigFileKind = "config" | "credentials" | "any";

/** Sub-properties: `s3 =` followed by indented `key = value` lines. */
export type SubProperties = Readonly<Record<string, string>>;

/** One property of a section, with the line that set it. */
export interface SharedConfigProperty {
  /** The value: a string, or the sub-properties when the key had an empty value and indented lines. */
  readonly value: string | SubProperties;
  /** The cross-SDK raw form: the same string, or `"\nkey = value\n…"` for sub-properties. */
  readonly raw: string;
  /** 1-based line of the key (0 when the data did not come from text). */
  readonly line: number;
  /** For sub-properties: the line of each sub-key. */
  readonly subLines?: Readonly<Record<string, number>>;
}

/** A section after duplicates were merged (the later property wins). */
export interface SharedConfigSection {
  readonly name: string;
  /** Line of the first header that opened it. */
  readonly line: number;
  /** Keys are lower-cased. */
  readonly properties: ReadonlyMap<string, SharedConfigProperty>;
}

/** One parsed file, indexed by name so lookups never rescan. */
export interface ParsedSharedConfigFile {
  readonly path: string | undefined;
  readonly kind: SharedConfigFileKind;
  /** Profiles by name, after the kind's rules (`[profile default]` over `[default]`, …). */
  readonly profiles: ReadonlyMap<string, SharedConfigSection>;
  readonly ssoSessions: ReadonlyMap<string, SharedConfigSection>;
  readonly services: ReadonlyMap<string, SharedConfigSection>;
}

export interface ParseSharedConfigFileOptions {
  readonly kind: SharedConfigFileKind;
  /** The file's path, named by errors and kept for provenance. */
  readonly path?: string;
}

/** True for a valid profile, section or property name (ASCII letters, digits and `_ - / . % @ : +`). */
export function isIdentifier(s: string): boolean {
  return IDENTIFIER.test(s);
}

/**
 * Parses one config or credentials file (text in, data out) by the cross-SDK profile-file rules.
 * One linear pass validates the whole file and records its section headers; sections are found by
 * name on demand and their properties read on first access, so resolving one profile of a large
 * file stays close to the cost of reading it. Invalid names are ignored; grammar errors throw
 * `SharedConfigParseError` with the line (and the path, when given).
 */
export function parseSharedConfigFile(text: string, options: ParseSharedConfigFileOptions): ParsedSharedConfigFile {
  const { kind, path } = options;
  const label = `${kind === "any" ? "shared config" : kind} file`;
  const fail = (reason: string, line: number): never => {
    throw new SharedConfigParseError(reason, line, path, label);
  };
  // A BOM from Windows editors is not content.
  const headers = scan(text, fail, text.charCodeAt(0) === 0xfeff ? 1 : 0, 0);
  return new ParsedFile(text, kind, path, headers);
}
