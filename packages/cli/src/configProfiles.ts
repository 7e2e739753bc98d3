import { homedir } from "node:os";
import {
  loadSharedConfig,
  type ProfileChain,
  profileChain,
  type SharedConfigFileKind,
  type SharedConfigFileRef,
  sharedConfigFileCache,
  sharedConfigFilenames,
} from "@sessionkit/config";
import type { CommandSpec } from "./CommandSpec.js";
import { stringFlag } from "./CommandSpec.js";
import { errorMessage } from "./formatError.js";
import { columns } from "./Output.js";

/** A file `config profiles` read. */
interface FileReport {
  readonly path: string;
  readonly kind: SharedConfigFileKind;
  readonly status: "read" | "missing" | "invalid";
  readonly problem?: string;
}

/** One profile of `config profiles`. */
interface ProfileReport {
  readonly name: string;
  /** `static`, `static (session token)`, `role`, `role (mfa)`, `process`, `credential_source`, `web-identity`, `sso`, `none`, `invalid`. */
  readonly type: string;
  /** For roles: the profiles the credentials come from, e.g. `["dev"]`. */
  readonly sourceProfiles: readonly string[];
  readonly region?: string;
  /** `path:line` of each section that defines the profile. */
  readonly definedIn: readonly string[];
  readonly current: boolean;
  readonly problems: readonly string[];
}

const BASE_TYPE: Readonly<Record<ProfileChain[0]["type"], string>> = {
  staticKeys: "static",
  credentialSource: "credential_source",
  credentialProcess: "process",
  webIdentity: "web-identity",
  sso: "sso",
  defaultChain: "none",
};

function typeOf(chain: ProfileChain): { type: string; sourceProfiles: string[] } {
  const [base, ...roles] = chain;
  const last = roles[roles.length - 1];
  if (last === undefined) {
    const token = base.type === "staticKeys" && base.sessionToken !== undefined ? " (session token)" : "";
    return { type: `${BASE_TYPE[base.type]}${token}`, sourceProfiles: [] };
  }
  // Every profile the credentials pass through before the selected one, nearest first.
  const sources = [...roles.slice(0, -1).map((r) => r.profile).reverse()];
  if (base.profile !== last.profile) sources.push(base.profile);
  return { type: last.mfaSerial === undefined ? "role" : "role (mfa)", sourceProfiles: sources };
}

function readFiles(refs: readonly SharedConfigFileRef[]): { files: FileReport[]; sections: Map<string, string[]> } {
  const files: FileReport[] = [];
  const sections = new Map<string, string[]>();
  for (const ref of refs) {
    try {
      const parsed = sharedConfigFileCache.read(ref.path, ref.kind);
      if (parsed === undefined) {
        files.push({ ...ref, status: "missing" });
        continue;
      }
      files.push({ ...ref, status: "read" });
      for (const [name, section] of parsed.profiles) sections.set(name, [...(sections.get(name) ?? []), `${ref.path}:${section.line}`]);
    } catch (err) {
      files.push({ ...ref, status: "invalid", problem: errorMessage(err) });
    }
  }
  return { files, sections };
}

function inspectProfile(name: string, refs: readonly SharedConfigFileRef[], definedIn: string[], current: boolean): ProfileReport {
  try {
    const shared = loadSharedConfig({ profile: name, files: refs, sharedConfigEnabled: true });
    const { type, sourceProfiles } = typeOf(profileChain(shared));
    const problems: string[] = [];
    const partial = shared.partialCredentials;
    if (partial !== undefined && shared.credentials === undefined) {
      const at = partial.present.source.source === "file" ? ` (${partial.present.source.path}:${partial.present.source.line})` : "";
      problems.push(`${partial.missing} is missing, so the keys are ignored${at}`);
    }
    if (type === "none") problems.push("no credentials: the environment or instance metadata must supply them");
    return { name, type, sourceProfiles, ...(shared.region ? { region: shared.region.value } : {}), definedIn, current, problems };
  } catch (err) {
    return { name, type: "invalid", sourceProfiles: [], definedIn, current, problems: [errorMessage(err)] };
  }
}

function text(data: { files: FileReport[]; profiles: ProfileReport[] }): string {
  const files = data.files.map((f) => `${f.path} (${f.kind}${f.status === "read" ? "" : `, ${f.status}`})`).join(", ");
  const lines = [`files: ${files}`];
  for (const f of data.files) if (f.problem !== undefined) lines.push(`problem in ${f.path}: ${f.problem}`);
  if (data.profiles.length === 0) return [...lines, "no profiles found"].join("\n");
  const rows = data.profiles.map((p) => [
    `${p.current ? "*" : " "} ${p.name}`,
    p.sourceProfiles.length === 0 ? p.type : `${p.type} <- ${p.sourceProfiles.join(" <- ")}`,
    p.region ?? "-",
    p.definedIn.join(", "),
    p.problems.length === 0 ? "-" : p.problems.join("; "),
  ]);
  return [...lines, "", columns([["  profile", "type", "region", "defined in", "problems"], ...rows])].join("\n");
}

/** `sessionkit config profiles`. */
export const configProfiles: CommandSpec = {
  name: "config profiles",
  args: "",
  minArgs: 0,
  maxArgs: 0,
  summary: "the profiles found, with their type (static, role, process, ...) and problems",
  description:
    "Reads ~/.aws/config and ~/.aws/credentials (or AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE) and lists\n" +
    "every profile: its credential type (static, role with its source profiles, process, credential_source,\n" +
    "web-identity, sso, none), its region, where it is defined, and what is wrong with it (a missing source\n" +
    "profile, half a key pair, a parse error with its line...). The current profile (--profile, AWS_PROFILE\n" +
    "or default) is marked with *. Nothing is sent and no secret is printed.",
  examples: ["sessionkit config profiles", "sessionkit config profiles --output json"],
  flags: [],
  async run(ctx) {
    const names = sharedConfigFilenames(ctx.io.env, { fallbackHome: homedir() });
    const refs: SharedConfigFileRef[] = [
      { path: names.configFile.value, kind: "config" },
      { path: names.credentialsFile.value, kind: "credentials" },
    ];
    const { files, sections } = readFiles(refs);
    const current = stringFlag(ctx.flags, "profile") ?? (ctx.io.env.AWS_PROFILE || ctx.io.env.AWS_DEFAULT_PROFILE || "default");
    const ordered = [...sections.keys()].sort((a, b) => (a === "default" ? -1 : b === "default" ? 1 : a.localeCompare(b)));
    const readable = refs.filter((_, i) => files[i]?.status !== "invalid");
    const profiles = ordered.map((name) => inspectProfile(name, readable, sections.get(name) ?? [], name === current));
    ctx.out.result({ files, profiles }, text);
  },
};
