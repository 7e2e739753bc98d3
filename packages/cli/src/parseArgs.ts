import { UsageError } from "./UsageError.js";

/** One flag a command accepts. */
export interface FlagSpec {
  /** Long name without the dashes, e.g. `profile`. */
  readonly name: string;
  /** `string` flags take a value (`--profile dev` or `--profile=dev`); `boolean` flags take none. */
  readonly type: "string" | "boolean";
  /** Shown in help after the flag, e.g. `NAME`. */
  readonly valueName?: string;
  /** When set, the value must be one of these. */
  readonly choices?: readonly string[];
  readonly description: string;
}

/** Flag values by long name: the string given, or `true` for a boolean flag that was present. */
export type FlagValues = ReadonlyMap<string, string | true>;

/** The argument list split into positionals (in order) and flag values. */
export interface ParsedArgs {
  readonly positionals: readonly string[];
  readonly flags: FlagValues;
}

/**
 * Splits `argv` by the flags in `specs`. Flags may come anywhere; `--` ends them (everything after is
 * positional) and a lone `-` is a positional (stdin/stdout). `-h` is `--help`. Throws {@link UsageError} for an
 * unknown flag, a missing value, a value given to a boolean flag, a value outside `choices`, or a flag
 * given twice.
 */
export function parseArgs(argv: readonly string[], specs: ReadonlyMap<string, FlagSpec>): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === "-h") {
      flags.set("help", true);
      continue;
    }
    if (!arg.startsWith("-") || arg === "-") {
      positionals.push(arg);
      continue;
    }
    if (!arg.startsWith("--")) throw new UsageError(`unknown flag ${arg}`);
    const eq = arg.indexOf("=");
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const spec = specs.get(name);
    if (spec === undefined) throw new UsageError(`unknown flag --${name}`);
    if (flags.has(name)) throw new UsageError(`--${name} was given twice`);
    if (spec.type === "boolean") {
      if (eq >= 0) throw new UsageError(`--${name} takes no value`);
      flags.set(name, true);
      continue;
    }
    let value: string | undefined;
    if (eq >= 0) value = arg.slice(eq + 1);
    else {
      const next = argv[i + 1];
      // A following flag is not a value: `--profile --debug` means the value was forgotten.
      if (next !== undefined && !next.startsWith("--")) {
        value = next;
        i++;
      }
    }
    if (value === undefined || value === "") throw new UsageError(`--${name} needs a value (${spec.valueName ?? "VALUE"})`);
    if (spec.choices !== undefined && !spec.choices.includes(value)) {
      throw new UsageError(`--${name} must be one of ${spec.choices.join(", ")}, not ${JSON.stringify(value)}`);
    }
    flags.set(name, value);
  }
  return { positionals, flags };
}
