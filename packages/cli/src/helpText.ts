import { COMMON_FLAGS } from "./commonFlags.js";
import type { CommandSpec } from "./CommandSpec.js";
import { columns } from "./Output.js";
import type { FlagSpec } from "./parseArgs.js";

function flagRows(flags: readonly FlagSpec[]): string[][] {
  return flags.map((f) => [
    `  ${f.name === "help" ? "-h, " : ""}--${f.name}${f.type === "string" ? ` ${f.valueName ?? "VALUE"}` : ""}`,
    f.description,
  ]);
}

/** `sessionkit --help`: the commands, the common flags and the exit codes. */
export function mainHelp(commands: readonly CommandSpec[], version: string): string {
  return [
    `sessionkit ${version}: which credentials and settings a session uses, and S3/STS from the command line`,
    "",
    "Usage: sessionkit <command> [args] [flags]",
    "",
    "Commands:",
    columns(commands.map((c) => [`  ${c.name}`, c.summary])),
    "",
    "Common flags:",
    columns([...flagRows(COMMON_FLAGS), ["  --version", "print the version"]]),
    "",
    "Settings come from flags, then the environment (AWS_PROFILE, AWS_REGION, AWS_ENDPOINT_URL, ...), then",
    "~/.aws/credentials and ~/.aws/config (always read, as with SharedConfigState.Enable).",
    "Exit codes: 0 ok, 1 runtime error, 2 usage error.",
    "Run `sessionkit <command> --help` for a command's flags and examples.",
    "",
  ].join("\n");
}

/** The usage line of a command. */
export function usageLine(spec: CommandSpec): string {
  return `Usage: sessionkit ${spec.name}${spec.args === "" ? "" : ` ${spec.args}`} [flags]`;
}

/** `sessionkit <command> --help`. */
export function commandHelp(spec: CommandSpec): string {
  const parts = [usageLine(spec), "", spec.description, ""];
  if (spec.flags.length > 0) parts.push("Flags:", columns(flagRows(spec.flags)), "");
  parts.push("Common flags:", columns(flagRows(COMMON_FLAGS)), "");
  if (spec.examples.length > 0) parts.push("Examples:", ...spec.examples.map((e) => `  ${e}`), "");
  return parts.join("\n");
}
