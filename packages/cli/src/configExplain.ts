import { homedir } from "node:os";
import {
  loadSharedConfig,
  resolveConfiguredEndpoint,
  type SharedConfig,
  sharedConfigFilenames,
  type ValueSource,
} from "@sessionkit/config";
import type { CommandContext, CommandSpec } from "./CommandSpec.js";
import { stringFlag } from "./CommandSpec.js";
import { describeSource } from "./describeSource.js";
import { columns } from "./Output.js";

/** One row of `config explain`. */
interface ExplainRow {
  readonly setting: string;
  readonly value: string;
  /** The source as printed. */
  readonly from: string;
  /** The source as data. */
  readonly source: ValueSource;
}

// The services the CLI talks to: their endpoints are settings users most often get wrong.
const SERVICES = ["s3", "sts"] as const;

function sharedFor(ctx: CommandContext, profile: string): SharedConfig | undefined {
  const names = sharedConfigFilenames(ctx.io.env, { fallbackHome: homedir() });
  try {
    return loadSharedConfig({
      profile,
      files: [
        { path: names.configFile.value, kind: "config" },
        { path: names.credentialsFile.value, kind: "credentials" },
      ],
      sharedConfigEnabled: true,
    });
  } catch {
    // The session was created from the same files, so this only fails for a profile no file defines.
    return undefined;
  }
}

function endpointRows(ctx: CommandContext, profile: string): ExplainRow[] {
  const shared = sharedFor(ctx, profile);
  const endpoint = stringFlag(ctx.flags, "endpoint-url");
  return SERVICES.map((service) => {
    const ep = resolveConfiguredEndpoint(service, { endpoint, env: ctx.io.env, profile: shared });
    const source: ValueSource = ep?.source ?? { source: "default", note: "derived from the region by the client" };
    return { setting: `endpoint (${service})`, value: ep?.value ?? "-", from: describeSource(source), source };
  });
}

/** `sessionkit config explain [--profile P]`. */
export const configExplain: CommandSpec = {
  name: "config explain",
  args: "",
  minArgs: 0,
  maxArgs: 0,
  summary: "every resolved setting with its source (flag, env variable, file:line); secrets masked",
  description:
    "Builds the session the other commands would use and prints every setting with where it came from:\n" +
    "a flag, an environment variable, or a file and line ([profile] key), or a default. Shows the profile,\n" +
    "the files read, the credentials (provider, access key by its last four characters, and the file\n" +
    "line or variable they come from: secret keys and session tokens are never shown), the region, the\n" +
    "endpoints, and the remaining session settings. Nothing is sent: roles are not assumed, no MFA\n" +
    "code is asked for.",
  examples: ["sessionkit config explain", "sessionkit config explain --profile prod --output json", "AWS_REGION=eu-west-1 sessionkit config explain"],
  flags: [],
  async run(ctx) {
    const explanation = ctx.session().explain();
    const rows: ExplainRow[] = explanation.entries.map((e) => ({
      setting: e.setting,
      value: e.value === "" ? "-" : e.value,
      from: describeSource(e.source),
      source: e.source,
    }));
    const profile = explanation.get("profile")?.value ?? "default";
    const at = rows.findIndex((r) => r.setting === "region");
    rows.splice(at < 0 ? rows.length : at + 1, 0, ...endpointRows(ctx, profile));
    ctx.out.result(rows, (r) => columns([["setting", "value", "source"], ...r.map((x) => [x.setting, x.value, x.from])]));
  },
};
