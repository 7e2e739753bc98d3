/**
 * Where a resolved value came from. `explain` output and error messages are built from these.
 * - `code`: an option passed in code (`option` is its name, e.g. `region`).
 * - `env`: an environment variable (`name`, e.g. `AWS_REGION`).
 * - `file`: a shared config or credentials file: `path` (absent for text parsed without one), 1-based
 *   `line` of the key (0 when unknown, e.g. profiles given as data), the `profile` (or section) and `key`.
 * - `default`: nothing was configured; `note` says what the default is based on.
 */
export type ValueSource =
  | { readonly source: "code"; readonly option: string }
  | { readonly source: "env"; readonly name: string }
  | {
      readonly source: "file";
      readonly path?: string;
      readonly line: number;
      readonly profile: string;
      readonly key: string;
    }
  | { readonly source: "default"; readonly note?: string };

/** A value together with where it came from. */
export interface Sourced<T> {
  readonly value: T;
  readonly source: ValueSource;
}

/** Builds a `Sourced` value (a plain object; secrets use `secretSourced` instead). */
export function sourced<T>(value: T, source: ValueSource): Sourced<T> {
  return { value, source };
}

/**
 * One line of text for a source: `env AWS_REGION`, `/home/u/.aws/config:3 [dev] region`,
 * `code option region`, `default`.
 */
export function formatSource(source: ValueSource): string {
  switch (source.source) {
    case "code":
      return `code option ${source.option}`;
    case "env":
      return `env ${source.name}`;
    case "file": {
      const where = source.line > 0 ? `${source.path ?? "<text>"}:${source.line}` : (source.path ?? "<profiles>");
      return `${where} [${source.profile}] ${source.key}`;
    }
    case "default":
      return source.note === undefined ? "default" : `default (${source.note})`;
  }
}

/** A value given in code, or `undefined` when the option was not set (an empty string counts as unset, as in Go). */
export function fromCode<T>(option: string, value: T | undefined): Sourced<T> | undefined {
  return value === undefined || value === "" ? undefined : { value, source: { source: "code", option } };
}

/** True when a string value is present and not empty (Go treats an empty setting as unset). */
export const isSet = (v: Sourced<string> | undefined): v is Sourced<string> => v !== undefined && v.value !== "";

/**
 * The first candidate that is set (not `undefined`, not an empty string): precedence written as
 * data, e.g. `firstSet(fromCode("region", cfg.region), env.region, shared.region)`.
 */
export function firstSet<T>(...candidates: (Sourced<T> | undefined)[]): Sourced<T> | undefined {
  for (const c of candidates) if (c !== undefined && c.value !== "") return c;
  return undefined;
}
