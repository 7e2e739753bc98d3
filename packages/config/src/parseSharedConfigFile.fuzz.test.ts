import assert from "node:assert/strict";
import { test } from "node:test";
import { isSdkError } from "@sessionkit/errors";
import fc from "fast-check";
import {
  type ParsedSharedConfigFile,
  parseSharedConfig,
  parseSharedConfigFile,
  profileChain,
  resolveSharedConfig,
  type SharedConfigFileKind,
  SharedConfigParseError,
} from "./index.js";

const runs = Number(process.env.FUZZ_RUNS ?? "") || 500;
const params = { seed: 20261127, numRuns: runs };
// Round-trips cost ~0.25 ms a run (50 s at `pnpm fuzz`'s 200,000): a quarter keeps the whole fuzz run short.
const heavy = { seed: 20261127, numRuns: Math.max(500, Math.floor(runs / 4)) };
const KINDS: SharedConfigFileKind[] = ["config", "credentials", "any"];

// Pieces that reach every branch of the grammar.
const token = fc.constantFrom(
  "[", "]", "[profile ", "[default]", "[sso-session ", "[services ", "profile", "default", "=", " = ", "#", ";",
  " #", " ;", " ", "\t", "\n", "\r\n", "\r", "  ", "a", "Z", "9", "_", "-", "/", ".", "%", "@", ":", "+", "!", "é",
  "😀", "\u0000", "\ufeff", "__proto__", "constructor", "role_arn", "source_profile", "aws_access_key_id",
  "aws_secret_access_key", "credential_source", "sso_session", "web_identity_token_file", "region", "services",
);
const configText = fc.array(fc.oneof(token, fc.string({ maxLength: 6 })), { maxLength: 80 }).map((p) => p.join(""));

/** Parses, then resolves every profile with both chain rules: only our typed errors may escape. */
function exercise(text: string, kind: SharedConfigFileKind): void {
  let file: ParsedSharedConfigFile;
  try {
    file = parseSharedConfigFile(text, { kind, path: "/fuzz" });
  } catch (e) {
    assert.ok(e instanceof SharedConfigParseError, `unexpected ${String(e)}`);
    const lines = text.split("\n").length;
    assert.ok(e.line >= 1 && e.line <= lines, `line ${e.line} of ${lines}`);
    assert.equal(e.path, "/fuzz");
    return;
  }
  for (const name of file.profiles.keys()) {
    for (const chainRules of ["go", "cross-sdk"] as const) {
      try {
        profileChain(resolveSharedConfig(name, [file], { sharedConfigEnabled: true, chainRules }), { chainRules });
      } catch (e) {
        assert.ok(isSdkError(e), `unexpected ${String(e)}`);
      }
    }
  }
}

test("random config text: only SharedConfigParseError (with a real line), and resolution only throws SdkError", () => {
  fc.assert(
    fc.property(configText, fc.constantFrom(...KINDS), (text, kind) => exercise(text, kind)),
    params,
  );
});

// Valid files built from data, to round-trip and to mutate.
const ident = fc.stringMatching(/^[A-Za-z0-9_\-/.%@:+]{1,12}$/);
const value = fc
  .stringMatching(/^[A-Za-z0-9_\-/.:=+#;'" ]{0,20}$/)
  .map((v) => v.trim().replace(/[ \t][#;]/g, "_"))
  .filter((v) => v.length > 0 && !/^[#;]/.test(v));
const profiles = fc.dictionary(
  ident,
  fc.dictionary(ident.map((k) => k.toLowerCase()), value, { maxKeys: 6 }),
  { maxKeys: 6 },
);

function render(data: Record<string, Record<string, string>>): string {
  return Object.entries(data)
    .map(([name, props]) => `[profile ${name}]\n${Object.entries(props).map(([k, v]) => `${k} = ${v}\n`).join("")}`)
    .join("\n# comment\n");
}

test("rendered profiles parse back to the same data", () => {
  fc.assert(
    fc.property(profiles, (data) => {
      const text = render(data);
      const parsed = JSON.parse(JSON.stringify(parseSharedConfig({ configFile: text }).profiles));
      assert.deepEqual(parsed, JSON.parse(JSON.stringify(data)));
      // The same through lookups by name, before any full index exists.
      const file = parseSharedConfigFile(text, { kind: "config" });
      for (const [name, props] of Object.entries(data)) {
        const got = Object.fromEntries([...(file.profiles.get(name)?.properties ?? [])].map(([k, p]) => [k, p.value]));
        assert.deepEqual(got, { ...props });
      }
    }),
    heavy,
  );
});

test("mutated valid files: only typed errors", () => {
  const mutation = fc.record({
    at: fc.nat(),
    cut: fc.nat({ max: 8 }),
    insert: fc.oneof(token, fc.string({ maxLength: 4 })),
  });
  fc.assert(
    fc.property(profiles, fc.array(mutation, { minLength: 1, maxLength: 5 }), fc.constantFrom(...KINDS), (data, muts, kind) => {
      let text = render(data);
      for (const m of muts) {
        const i = text.length === 0 ? 0 : m.at % (text.length + 1);
        text = text.slice(0, i) + m.insert + text.slice(i + m.cut);
      }
      exercise(text, kind);
    }),
    params,
  );
});

const MB = 1024 * 1024;
const pathological: [string, (n: number) => string][] = [
  ["open header of spaces", (n) => `[${" ".repeat(n)}`],
  ["huge profile name", (n) => `[profile ${"a".repeat(n)}]`],
  ["comment characters after whitespace", (n) => `[default]\nk = ${" ;".repeat(n / 2)}`],
  ["comment characters without whitespace", (n) => `[default]\nk = ${"a#".repeat(n / 2)}`],
  ["equals signs", (n) => `[default]\nk${"=".repeat(n)}`],
  ["whitespace-only line", (n) => `[default]\n${" \t".repeat(n / 2)}`],
  ["continuation", (n) => `[default]\nk = v\n ${"x ".repeat(n / 2)}`],
  ["sub-property", (n) => `[default]\ns3 =\n  ${"k".repeat(n)} = v`],
  ["many short lines", (n) => `[default]\n${"k = v\n".repeat(n / 6)}`],
  ["many sections", (n) => "[profile p]\n".repeat(n / 12)],
];

test("a 10 MB pathological line parses in well under a second, and time grows linearly", () => {
  const time = (text: string) => {
    const start = performance.now();
    try {
      parseSharedConfigFile(text, { kind: "config" });
    } catch (e) {
      assert.ok(e instanceof SharedConfigParseError);
    }
    return performance.now() - start;
  };
  // Best of three runs each: the machine may be busy, and a GC pause is not parsing time.
  const best = (text: string) => Math.min(time(text), time(text), time(text));
  const results = pathological.map(([name, make]) => {
    const small = make(MB);
    const big = make(10 * MB);
    small.indexOf("\u0001"); // flatten the strings before timing
    big.indexOf("\u0001");
    return { name, t1: best(small), t10: best(big) };
  });
  for (const r of results) {
    assert.ok(r.t10 < 1000, `${r.name}: 10 MB took ${r.t10.toFixed(0)} ms`);
    // Linear is ~10x; quadratic would be ~100x. Allow noise on tiny timings.
    assert.ok(r.t10 < 30 * Math.max(r.t1, 5), `${r.name}: 1 MB ${r.t1.toFixed(1)} ms, 10 MB ${r.t10.toFixed(1)} ms`);
  }
});

test("looking a section up by name (scan) and through the full index give the same section", () => {
  const names = fc.array(fc.constantFrom("default", "a", "p", "Z", "__proto__", "in valid", "aws_access_key_id", "a/b"), {
    maxLength: 4,
  });
  fc.assert(
    fc.property(configText, fc.constantFrom(...KINDS), names, (text, kind, extra) => {
      let scanned: ParsedSharedConfigFile;
      let indexed: ParsedSharedConfigFile;
      try {
        scanned = parseSharedConfigFile(text, { kind });
        indexed = parseSharedConfigFile(text, { kind });
      } catch {
        return;
      }
      const show = (s: { line: number; properties: ReadonlyMap<string, unknown> } | undefined) =>
        s === undefined ? null : JSON.stringify([s.line, [...s.properties]]);
      for (const which of ["profiles", "ssoSessions", "services"] as const) {
        const all = [...indexed[which].keys(), ...extra];
        for (const name of all) assert.equal(show(scanned[which].get(name)), show(indexed[which].get(name)), `${which} ${name}`);
      }
    }),
    params,
  );
});
