import type { EnvConfig } from "./loadEnvConfig.js";
import { maskSecret, type SecretKind, secretKind } from "./maskSecret.js";
import type { SharedConfig } from "./resolveSharedConfig.js";
import { formatSource, type Sourced, type ValueSource } from "./ValueSource.js";

/** One line of `explain` output. `value` is already masked when it is a secret. */
export interface ExplainRow {
  /** Dotted path, e.g. `region`, `shared.credentials.accessKeyId`, `shared.sourceProfile.roleArn`. */
  readonly name: string;
  readonly value: string;
  readonly source: ValueSource;
}

export interface ExplainInput {
  /** Final values (e.g. a session's resolved config), listed first. */
  readonly resolved?: Readonly<Record<string, Sourced<unknown> | undefined>>;
  readonly env?: EnvConfig;
  readonly shared?: SharedConfig;
  /** Also list every raw key of the shared profile (and its source profiles). */
  readonly rawProperties?: boolean;
}

const FIELD_SECRETS: Record<string, SecretKind> = {
  accessKeyId: "partial",
  secretAccessKey: "secret",
  sessionToken: "secret",
};

// Bookkeeping fields, not configuration values.
const SKIP = /* @__PURE__ */ new Set(["profile", "files", "properties", "partialCredentials", "revisited", "providerName"]);

function isSourced(v: unknown): v is Sourced<unknown> {
  return typeof v === "object" && v !== null && "source" in v && "value" in v && typeof v.source === "object";
}

function show(value: unknown, kind: SecretKind): string {
  if (typeof value === "string") return maskSecret(value, kind);
  if (typeof value === "object" && value !== null) {
    return Object.entries(value)
      .map(([k, v]) => `${k} = ${maskSecret(String(v), secretKind(k))}`)
      .join("; ");
  }
  return kind === "none" ? String(value) : maskSecret(String(value), kind);
}

function walk(out: ExplainRow[], prefix: string, value: unknown, kind: SecretKind, raw: boolean): void {
  if (isSourced(value)) {
    out.push({ name: prefix, value: show(value.value, kind), source: value.source });
    return;
  }
  if (value instanceof Map) {
    for (const [k, v] of value) walk(out, `${prefix}.${String(k)}`, v, secretKind(String(k)), raw);
    return;
  }
  if (typeof value !== "object" || value === null) return;
  for (const [key, v] of Object.entries(value)) {
    if (key === "properties" && raw && v instanceof Map) {
      for (const [k, p] of v) walk(out, `${prefix}.properties.${String(k)}`, p, secretKind(String(k)), raw);
      continue;
    }
    if (SKIP.has(key)) continue;
    walk(out, `${prefix}.${key}`, v, FIELD_SECRETS[key] ?? "none", raw);
  }
}

/**
 * Every value with where it came from, for `sessionkit config explain`: resolved values, then the
 * environment, then the shared profile (with its `source_profile` chain). Secret keys and session
 * tokens are shown as `****`; an access key id only by its last four characters.
 */
export function explainConfig(input: ExplainInput): ExplainRow[] {
  const out: ExplainRow[] = [];
  const raw = input.rawProperties === true;
  for (const [name, v] of Object.entries(input.resolved ?? {})) {
    if (v !== undefined) out.push({ name, value: show(v.value, FIELD_SECRETS[name] ?? secretKind(name)), source: v.source });
  }
  if (input.env !== undefined) walk(out, "env", input.env, "none", raw);
  if (input.shared !== undefined) walk(out, "shared", input.shared, "none", raw);
  return out;
}

/** The rows as aligned text: `name  value  source`, one per line. */
export function formatExplain(rows: readonly ExplainRow[]): string {
  const w1 = Math.max(0, ...rows.map((r) => r.name.length));
  const w2 = Math.max(0, ...rows.map((r) => r.value.length));
  return rows.map((r) => `${r.name.padEnd(w1)}  ${r.value.padEnd(w2)}  ${formatSource(r.source)}`).join("\n");
}
