import type { Session } from "@sessionkit/session";
import pkg from "../package.json" with { type: "json" };
import { type CliIO, processIO } from "./CliIO.js";
import { createCliSession } from "./createCliSession.js";
import { COMMANDS } from "./commands.js";
import { COMMON_FLAGS, VERSION_FLAG } from "./commonFlags.js";
import type { CommandContext, CommandSpec } from "./CommandSpec.js";
import { exitCodeFor, formatError, formatErrorDetails } from "./formatError.js";
import { commandHelp, mainHelp, usageLine } from "./helpText.js";
import { Output, type OutputFormat } from "./Output.js";
import { type FlagSpec, type FlagValues, parseArgs } from "./parseArgs.js";
import { UsageError } from "./UsageError.js";

/** The CLI's version (the package's). */
export const CLI_VERSION: string = pkg.version;

// Every flag any command knows, so flags parse the same wherever they stand on the line.
const ALL_FLAGS: ReadonlyMap<string, FlagSpec> = new Map(
  [...COMMON_FLAGS, VERSION_FLAG, ...COMMANDS.flatMap((c) => c.flags)].map((f) => [f.name, f]),
);
const BY_NAME: ReadonlyMap<string, CommandSpec> = new Map(COMMANDS.map((c) => [c.name, c]));
const GROUPS: ReadonlyMap<string, string[]> = COMMANDS.reduce((m, c) => {
  const [group, sub] = c.name.split(" ");
  if (group !== undefined && sub !== undefined) m.set(group, [...(m.get(group) ?? []), sub]);
  return m;
}, new Map<string, string[]>());

/** The command named by the leading positionals, and the positionals left for it. */
function findCommand(positionals: readonly string[]): { spec: CommandSpec; args: readonly string[] } {
  const [first = "", second] = positionals;
  const two = second === undefined ? undefined : BY_NAME.get(`${first} ${second}`);
  if (two !== undefined) return { spec: two, args: positionals.slice(2) };
  const one = BY_NAME.get(first);
  if (one !== undefined) return { spec: one, args: positionals.slice(1) };
  const subs = GROUPS.get(first);
  if (subs !== undefined) {
    throw new UsageError(
      second === undefined ? `"${first}" needs a command: ${subs.join(", ")}` : `unknown command "${first} ${second}" (known: ${subs.join(", ")})`,
    );
  }
  throw new UsageError(`unknown command "${first}"`);
}

/** For the usage shown with a parse error: the command the words of the line name, if any. */
function guessCommand(argv: readonly string[]): CommandSpec | undefined {
  const words = argv.filter((a) => !a.startsWith("-"));
  for (let i = 0; i < words.length; i++) {
    const spec = BY_NAME.get(`${words[i]} ${words[i + 1] ?? ""}`) ?? BY_NAME.get(words[i] ?? "");
    if (spec !== undefined) return spec;
  }
  return undefined;
}

function checkFlags(spec: CommandSpec, flags: FlagValues): void {
  const allowed = new Set([...COMMON_FLAGS, ...spec.flags].map((f) => f.name));
  for (const name of flags.keys()) {
    if (!allowed.has(name)) throw new UsageError(`--${name} is not a flag of "${spec.name}"`, spec.name);
  }
}

function checkArgs(spec: CommandSpec, args: readonly string[]): void {
  if (args.length < spec.minArgs) {
    throw new UsageError(`"${spec.name}" needs ${spec.args === "" ? "no arguments" : spec.args}`, spec.name);
  }
  if (args.length > spec.maxArgs) {
    const extra = args.slice(spec.maxArgs).join(" ");
    throw new UsageError(`"${spec.name}" got an unexpected argument: ${extra}`, spec.name);
  }
}

function usageFor(err: UsageError, argv: readonly string[]): string {
  const spec = (err.command === undefined ? undefined : BY_NAME.get(err.command)) ?? guessCommand(argv);
  return spec === undefined ? "Usage: sessionkit <command> [args] [flags]\nRun `sessionkit --help` for the commands." : `${usageLine(spec)}\nRun \`sessionkit ${spec.name} --help\` for its flags and examples.`;
}

/**
 * Runs one command line (without `node` and the script) and resolves with the exit code: 0 ok, 1 runtime
 * error, 2 usage error. Never rejects: errors are printed to `io.stderr` as one line (what went wrong — what
 * to do), with the stack only under `--debug`.
 */
export async function runCli(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  let debug = argv.includes("--debug");
  try {
    const { positionals, flags } = parseArgs(argv, ALL_FLAGS);
    debug = flags.get("debug") === true;
    const help = flags.get("help") === true;
    if (positionals[0] === "help") {
      const rest = positionals.slice(1);
      io.stdout.write(rest.length === 0 ? mainHelp(COMMANDS, CLI_VERSION) : commandHelp(findCommand(rest).spec));
      return 0;
    }
    if (positionals.length === 0) {
      if (flags.get("version") === true) {
        io.stdout.write(`${CLI_VERSION}\n`);
        return 0;
      }
      (help ? io.stdout : io.stderr).write(mainHelp(COMMANDS, CLI_VERSION));
      return help ? 0 : 2;
    }
    const { spec, args } = findCommand(positionals);
    checkFlags(spec, flags);
    if (help) {
      io.stdout.write(commandHelp(spec));
      return 0;
    }
    checkArgs(spec, args);
    const out = new Output(io.stdout, (flags.get("output") as OutputFormat | undefined) ?? "text");
    let session: Session | undefined;
    const ctx: CommandContext = {
      args,
      flags,
      io,
      out,
      debug,
      session: () => {
        session ??= createCliSession(flags, io);
        return session;
      },
    };
    await spec.run(ctx);
    return 0;
  } catch (err) {
    io.stderr.write(`sessionkit: ${formatError(err)}\n`);
    if (err instanceof UsageError) io.stderr.write(`${usageFor(err, argv)}\n`);
    else if (debug) io.stderr.write(`${formatErrorDetails(err)}\n`);
    return exitCodeFor(err);
  }
}
