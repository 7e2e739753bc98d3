import assert from "node:assert/strict";
import { test } from "node:test";
import { type FlagSpec, parseArgs } from "./parseArgs.js";

const SPECS: ReadonlyMap<string, FlagSpec> = new Map(
  (
    [
      { name: "profile", type: "string", valueName: "NAME", description: "" },
      { name: "output", type: "string", choices: ["json", "text"], description: "" },
      { name: "debug", type: "boolean", description: "" },
      { name: "help", type: "boolean", description: "" },
    ] satisfies FlagSpec[]
  ).map((f) => [f.name, f]),
);

function parsed(argv: string[]): [string[], [string, string | true][]] {
  const r = parseArgs(argv, SPECS);
  return [[...r.positionals], [...r.flags]];
}

test("flags anywhere, both value forms, booleans, -h, a lone - and everything after --", () => {
  assert.deepEqual(parsed(["--profile", "dev", "s3", "cp", "--debug", "a", "--output=json", "-"]), [
    ["s3", "cp", "a", "-"],
    [
      ["profile", "dev"],
      ["debug", true],
      ["output", "json"],
    ],
  ]);
  assert.deepEqual(parsed(["-h", "config", "--", "--debug", "-x"]), [["config", "--debug", "-x"], [["help", true]]]);
  // A value may start with a single dash (e.g. a negative number or a key), not with two.
  assert.deepEqual(parsed(["--profile", "-odd"]), [[], [["profile", "-odd"]]]);
});

test("every malformed line is a UsageError whose message names the flag", () => {
  const cases: [string[], string][] = [
    [["--nope"], "unknown flag --nope"],
    [["-x"], "unknown flag -x"],
    [["--profile"], "--profile needs a value (NAME)"],
    [["--profile", "--debug"], "--profile needs a value (NAME)"],
    [["--profile="], "--profile needs a value (NAME)"],
    [["--debug=1"], "--debug takes no value"],
    [["--output", "yaml"], '--output must be one of json, text, not "yaml"'],
    [["--debug", "--debug"], "--debug was given twice"],
  ];
  const got = cases.map(([argv]) => {
    try {
      parseArgs(argv, SPECS);
      return "no error";
    } catch (err) {
      return `${(err as { code?: string }).code}|${(err as Error).message}`;
    }
  });
  assert.deepEqual(
    got,
    cases.map(([, message]) => `UsageError|UsageError: ${message}`),
  );
});
