// Start-up cost as data: in a fresh process (with a module-load hook that reports every package file loaded),
// creating a session loads neither STS nor the assume-role provider nor the HTTP transport; the first
// credentials retrieve of a role profile loads STS, and the first request loads the transport.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, test } from "node:test";
import { fileURLToPath, pathToFileURL } from "node:url";

const dist = join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "index.js");
const dir = mkdtempSync(join(tmpdir(), "sk-session-lazy-"));
after(() => rmSync(dir, { recursive: true, force: true }));

writeFileSync(
  join(dir, "hooks.mjs"),
  `export async function load(url, context, next) {
  const m = /\\/packages\\/([^/]+)\\//.exec(url);
  if (m) process.stderr.write("LOADED " + m[1] + "\\n");
  return next(url, context);
}\n`,
);
writeFileSync(join(dir, "register.mjs"), `import { register } from "node:module";\nregister("./hooks.mjs", import.meta.url);\n`);
mkdirSync(join(dir, ".aws"));
writeFileSync(join(dir, ".aws", "credentials"), "[base]\naws_access_key_id = AKID\naws_secret_access_key = SECRET\n");
writeFileSync(join(dir, ".aws", "config"), "[profile dev]\nregion = us-east-1\nrole_arn = arn:aws:iam::123456789012:role/dev\nsource_profile = base\n");

/** Runs `body` after creating `session`; returns the marks and package loads in order. */
function trace(body: string): string[] {
  const child = join(dir, `child-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(
    child,
    `const { newSessionWithOptions, SharedConfigState } = await import(${JSON.stringify(pathToFileURL(dist).href)});
const mark = (m) => process.stderr.write("MARK " + m + "\\n");
${body}\n`,
  );
  const r = spawnSync(process.execPath, ["--import", join(dir, "register.mjs"), child], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stderr.split("\n").filter((l) => l.startsWith("LOADED ") || l.startsWith("MARK "));
  // Keep the first load of each package.
  return lines.filter((l, i) => !l.startsWith("LOADED ") || lines.indexOf(l) === i).map((l) => l.replace(/^(LOADED|MARK) /, ""));
}

const since = (events: string[], mark: string): string[] => events.slice(events.indexOf(mark) + 1);

test("a role profile: STS and the assume-role provider load at the first retrieve, not at creation", () => {
  const events = trace(`
const s = newSessionWithOptions({ profile: "dev", sharedConfigState: SharedConfigState.Enable, env: { HOME: ${JSON.stringify(dir)} },
  config: { transport: { handle: async () => { throw Object.assign(new Error("offline"), { code: "Offline" }); } }, maxRetries: 0 } });
mark("created");
await s.config.credentials.get().catch((e) => mark("get rejected " + e.code));`);
  const beforeGet = events.slice(0, events.indexOf("created"));
  assert.deepEqual(
    beforeGet.filter((e) => /client-sts|credential-provider|^http$/.test(e)),
    [],
  );
  assert.ok(since(events, "created").includes("client-sts"), events.join(", "));
  assert.ok(since(events, "created").includes("credential-provider-assume-role"), events.join(", "));
});

test("the default transport loads @sessionkit/http at the first request", () => {
  const events = trace(`
const s = newSessionWithOptions({ config: { region: "us-east-1" }, env: { HOME: ${JSON.stringify(dir)} } });
mark("created");
await s.config.transport.handle({ method: "GET", protocol: "http:", hostname: "127.0.0.1", port: 9, path: "/", query: {}, headers: {} }).catch(() => mark("request failed"));
s.config.transport.destroy?.();`);
  assert.equal(events.slice(0, events.indexOf("created")).includes("http"), false, events.join(", "));
  assert.ok(since(events, "created").includes("http"), events.join(", "));
});
