// The binary's command line: usage errors exit 2 with the usage, runtime errors exit 1 with one line, help
// and version exit 0. Runs dist/cli.js (build first).
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { COMMANDS } from "./commands.js";
import { lines, makeHome, sessionkit } from "./testing/cliHarness.js";

const home = makeHome({ config: "[default]\nregion = us-east-2\n", credentials: "[default]\naws_access_key_id = AKIDUSAGE0001\naws_secret_access_key = usageSecret\n" });
after(() => home.remove());

test("bad command lines exit 2 with one error line and the command's usage", async () => {
  const cases: [string[], string, string][] = [
    [["s3", "cp", "a", "b", "--bogus"], "unknown flag --bogus", "Usage: sessionkit s3 cp SRC DST [flags]"],
    [["s3", "cp", "only-one"], '"s3 cp" needs SRC DST', "Usage: sessionkit s3 cp SRC DST [flags]"],
    [["s3", "ls", "s3://a", "s3://b"], '"s3 ls" got an unexpected argument: s3://b', "Usage: sessionkit s3 ls [s3://BUCKET[/PREFIX]] [flags]"],
    [["config", "explain", "--output", "yaml"], '--output must be one of json, text, not "yaml"', "Usage: sessionkit config explain [flags]"],
    [["whoami", "--region"], "--region needs a value (REGION)", "Usage: sessionkit whoami [flags]"],
    [["s3", "ls", "--role-arn", "x"], '--role-arn is not a flag of "s3 ls"', "Usage: sessionkit s3 ls [s3://BUCKET[/PREFIX]] [flags]"],
    [["sts", "assume-role"], "--role-arn is required", "Usage: sessionkit sts assume-role [flags]"],
    [["s3", "cp", "a", "b"], "one of SRC and DST must be an s3:// URL", "Usage: sessionkit s3 cp SRC DST [flags]"],
    [["s3", "rm", "s3://bucket/dir/"], "s3://bucket/dir/ names no object key (use --recursive to delete a prefix)", "Usage: sessionkit s3 rm s3://BUCKET/KEY [flags]"],
    [["s3"], '"s3" needs a command: ls, cp, rm', "Usage: sessionkit <command> [args] [flags]"],
    [["frobnicate"], 'unknown command "frobnicate"', "Usage: sessionkit <command> [args] [flags]"],
  ];
  const results = await Promise.all(cases.map(([argv]) => sessionkit(argv, { env: home.env() })));
  assert.deepEqual(
    results.map((r) => [r.code, lines(r.stderr).slice(0, 2), r.stdout]),
    cases.map(([, message, usage]) => [2, [`sessionkit: ${message} — see the usage below`, usage], ""]),
  );
});

test("no command: the main usage on stderr, exit 2; --help and help print it on stdout, exit 0", async () => {
  const [bare, help, word] = await Promise.all([
    sessionkit([], { env: home.env() }),
    sessionkit(["--help"], { env: home.env() }),
    sessionkit(["help"], { env: home.env() }),
  ]);
  assert.equal(bare.code, 2);
  assert.match(bare.stderr, /^sessionkit .*\n\nUsage: sessionkit <command>/);
  assert.deepEqual([help.code, word.code, help.stdout], [0, 0, word.stdout]);
  // Every command of the table is listed, with the exit codes.
  for (const c of COMMANDS) assert.ok(help.stdout.includes(`  ${c.name}  `), c.name);
  assert.match(help.stdout, /Exit codes: 0 ok, 1 runtime error, 2 usage error\./);
});

test("each command has --help (exit 0, its usage, its flags and the common ones)", async () => {
  const results = await Promise.all(COMMANDS.map((c) => sessionkit([...c.name.split(" "), "--help"], { env: home.env() })));
  results.forEach((r, i) => {
    const c = COMMANDS[i];
    assert.ok(c !== undefined);
    assert.equal(r.code, 0, c.name);
    assert.ok(r.stdout.startsWith(`Usage: sessionkit ${c.name}`), r.stdout);
    for (const f of [...c.flags, { name: "profile" }, { name: "endpoint-url" }, { name: "output" }, { name: "debug" }]) {
      assert.ok(r.stdout.includes(`--${f.name}`), `${c.name} --help lists --${f.name}`);
    }
  });
});

test("--version prints the package version", async () => {
  const r = await sessionkit(["--version"], { env: home.env() });
  const { version } = (await import("../package.json", { with: { type: "json" } })).default;
  assert.deepEqual([r.code, r.stdout], [0, `${version}\n`]);
});

test("an unknown profile exits 1 with one line naming the profile and the files searched", async () => {
  const r = await sessionkit(["config", "explain", "--profile", "nosuch"], { env: home.env() });
  assert.equal(r.code, 1);
  assert.deepEqual(lines(r.stderr), [
    `sessionkit: SharedConfigProfileNotExistsError: failed to get profile, nosuch (looked in ${home.configFile}, ${home.credentialsFile}) — list the profiles with \`sessionkit config profiles\`, or pass another --profile`,
  ]);
  // Through AWS_PROFILE Go ignores a missing profile; the CLI then runs with an empty one.
  const viaEnv = await sessionkit(["config", "explain"], { env: home.env({ AWS_PROFILE: "nosuch" }) });
  assert.equal(viaEnv.code, 0, viaEnv.stderr);
});

test("a runtime error is one line without a stack; --debug adds the stack", async () => {
  const broken = makeHome({ config: "[profile_nam\n" });
  after(() => broken.remove());
  const plain = await sessionkit(["s3", "ls"], { env: broken.env() });
  const debug = await sessionkit(["s3", "ls", "--debug"], { env: broken.env() });
  assert.equal(plain.code, 1);
  assert.equal(lines(plain.stderr).length, 1, plain.stderr);
  assert.match(plain.stderr, new RegExp(`^sessionkit: SharedConfigLoadError: .*${broken.configFile}.* — fix the file at the line named`));
  assert.doesNotMatch(plain.stderr, /\n\s+at /);
  assert.equal(debug.code, 1);
  assert.equal(lines(debug.stderr)[0], lines(plain.stderr)[0]);
  assert.match(debug.stderr, /\n\s+at /);
});
