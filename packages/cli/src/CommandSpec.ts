import type { Session } from "@sessionkit/session";
import type { CliIO } from "./CliIO.js";
import type { Output } from "./Output.js";
import type { FlagSpec, FlagValues } from "./parseArgs.js";

/** What a command's `run` receives. */
export interface CommandContext {
  /** Positional arguments after the command name. */
  readonly args: readonly string[];
  readonly flags: FlagValues;
  readonly io: CliIO;
  readonly out: Output;
  readonly debug: boolean;
  /** The session built from the common flags (created on first call, then reused). */
  session(): Session;
}

/** One command of the table: its name, help text, flags, argument count and implementation. */
export interface CommandSpec {
  /** `"s3 cp"`, `"whoami"`. */
  readonly name: string;
  /** Positional arguments as shown in the usage line, e.g. `SRC DST`. */
  readonly args: string;
  readonly minArgs: number;
  readonly maxArgs: number;
  /** One line for the command list. */
  readonly summary: string;
  /** Paragraphs for `--help`. */
  readonly description: string;
  readonly examples: readonly string[];
  /** Flags of this command beyond the common ones. */
  readonly flags: readonly FlagSpec[];
  run(ctx: CommandContext): Promise<void>;
}

/** A string flag's value, or `undefined` when it was not given. */
export function stringFlag(flags: FlagValues, name: string): string | undefined {
  const v = flags.get(name);
  return typeof v === "string" ? v : undefined;
}
