import assert from "node:assert/strict";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, test } from "node:test";
import { fileURLToPath } from "node:url";
import { buildSync } from "esbuild";
import { SharedConfigFileCache, SharedConfigLoadError, SharedConfigParseError } from "./index.js";

const tmp = mkdtempSync(join(tmpdir(), "sk-config-cache-"));
after(() => rmSync(tmp, { recursive: true, force: true }));

test("a file is parsed once and re-read only when size, mtime, ctime or inode change", () => {
  const cache = new SharedConfigFileCache();
  const path = join(tmp, "config");
  writeFileSync(path, "[profile a]\nregion = us-east-1\n");
  const first = cache.read(path, "config");
  assert.equal(first?.profiles.get("a")?.properties.get("region")?.value, "us-east-1");
  assert.equal(cache.read(path, "config"), first, "unchanged file: the same parsed object");

  writeFileSync(path, "[profile a]\nregion = eu-west-1\n"); // same size, new content
  utimesSync(path, new Date(2001, 1, 1), new Date(2001, 1, 1));
  const second = cache.read(path, "config");
  assert.notEqual(second, first);
  assert.equal(second?.profiles.get("a")?.properties.get("region")?.value, "eu-west-1");

  writeFileSync(path, "[profile a]\nregion = ap-south-1\nx = y\n");
  assert.equal(cache.read(path, "config")?.profiles.get("a")?.properties.get("region")?.value, "ap-south-1");

  // Kinds are cached apart: the same text means different profiles.
  assert.deepEqual([...(cache.read(path, "credentials")?.profiles.keys() ?? [])], []);
  assert.equal(cache.size, 2);
  cache.clear(path);
  assert.equal(cache.size, 0);
});

test("at most 100 files are kept, the longest cached dropped first: ever-new paths (a file per tenant) do not pile up", () => {
  const cache = new SharedConfigFileCache();
  const dir = join(tmp, "tenants");
  mkdirSync(dir);
  const paths = Array.from({ length: 150 }, (_, i) => join(dir, `credentials-${i}`));
  for (const [i, path] of paths.entries()) {
    writeFileSync(path, `[default]\naws_access_key_id = AKID${i}\naws_secret_access_key = SECRET${i}\n`);
    cache.read(path, "credentials");
    rmSync(path);
  }
  const newest = join(dir, "newest");
  writeFileSync(newest, "[default]\nregion = r\n");
  const kept = cache.read(newest, "credentials");
  assert.deepEqual([cache.size, cache.read(newest, "credentials") === kept], [100, true]);
});

test("a cached file that is deleted is forgotten at its next read; a full cache re-parsing a changed file keeps the others", () => {
  const cache = new SharedConfigFileCache();
  const dir = join(tmp, "forget");
  mkdirSync(dir);
  const paths = Array.from({ length: 100 }, (_, i) => join(dir, `c-${i}`));
  for (const path of paths) {
    writeFileSync(path, "[default]\naws_access_key_id = AKID\naws_secret_access_key = SECRET\n");
    cache.read(path, "credentials");
  }
  const changed = paths[50] as string;
  writeFileSync(changed, "[default]\nregion = changed-and-longer\n");
  const sizes = [cache.size];
  cache.read(changed, "credentials");
  sizes.push(cache.size);
  rmSync(paths[0] as string);
  sizes.push(cache.read(paths[0] as string, "credentials") === undefined ? cache.size : -1);
  assert.deepEqual(sizes, [100, 100, 99]);
});

test("missing files are skipped; directories and bad text are SharedConfigLoadError (cached too)", () => {
  const cache = new SharedConfigFileCache();
  assert.equal(cache.read(join(tmp, "nope"), "config"), undefined);
  assert.equal(cache.read(join(tmp, "nope", "deeper"), "config"), undefined);

  const d = join(tmp, "a-directory");
  mkdirSync(d);
  assert.throws(() => cache.read(d, "config"), (e: unknown) => e instanceof SharedConfigLoadError && e.path === d);

  const bad = join(tmp, "bad");
  writeFileSync(bad, "[profile a]\nregion = us-east-1\n\naws_secret_access_key\n");
  let thrown: unknown;
  try {
    cache.read(bad, "config");
  } catch (e) {
    thrown = e;
  }
  assert.ok(thrown instanceof SharedConfigLoadError);
  assert.deepEqual([thrown.code, thrown.path, thrown.line], ["SharedConfigLoadError", bad, 4]);
  assert.ok(thrown.cause instanceof SharedConfigParseError);
  assert.equal(
    thrown.message,
    `SharedConfigLoadError: failed to load config file, ${bad}\ncaused by: SharedConfigParseError: Expected an '=' sign defining a property, ${bad} line 4`,
  );
  // The same bytes give the same error without parsing again.
  assert.throws(() => cache.read(bad, "config"), (e: unknown) => e === thrown);
});

test("invalid UTF-8 names the line; a BOM is not content", () => {
  const cache = new SharedConfigFileCache();
  const path = join(tmp, "latin1");
  writeFileSync(path, Buffer.concat([Buffer.from("[default]\nregion = us-east-1\nname = caf"), Buffer.from([0xe9]), Buffer.from("\n")]));
  assert.throws(
    () => cache.read(path, "credentials"),
    (e: unknown) => e instanceof SharedConfigLoadError && e.line === 3 && /file is not valid UTF-8/.test(e.message),
  );
  const bom = join(tmp, "bom");
  writeFileSync(bom, "\ufeff[default]\nregion = us-east-1\n");
  assert.equal(cache.read(bom, "credentials")?.profiles.get("default")?.properties.get("region")?.value, "us-east-1");
  // A real U+FFFD is valid UTF-8 (the text read sees the same character an invalid byte decodes to, so the
  // bytes are checked): it is content, and an invalid byte after it still names its line.
  const replacement = join(tmp, "replacement");
  writeFileSync(replacement, "[default]\nname = a\ufffdb\n");
  assert.equal(cache.read(replacement, "credentials")?.profiles.get("default")?.properties.get("name")?.value, "a\ufffdb");
  const both = join(tmp, "both");
  writeFileSync(both, Buffer.concat([Buffer.from("[default]\nname = a\ufffdb\nx = "), Buffer.from([0xff]), Buffer.from("\n")]));
  assert.throws(
    () => cache.read(both, "credentials"),
    (e: unknown) => e instanceof SharedConfigLoadError && e.line === 3 && /file is not valid UTF-8/.test(e.message),
  );
});

test("a file that exists but cannot be opened is an error, not silently skipped (unlike Go)", () => {
  const a = join(tmp, "loop-a");
  const b = join(tmp, "loop-b");
  symlinkSync(b, a);
  symlinkSync(a, b);
  assert.throws(
    () => new SharedConfigFileCache().read(a, "credentials"),
    (e: unknown) => e instanceof SharedConfigLoadError && e.path === a && /ELOOP/.test(e.message),
  );
});

test("an unreadable file is an error, not silently skipped (unlike Go)", () => {
  const path = join(tmp, "locked");
  writeFileSync(path, "[default]\n");
  chmodSync(path, 0o000);
  chmodSync(tmp, 0o755);
  if (process.getuid?.() !== 0) {
    assert.throws(() => new SharedConfigFileCache().read(path, "credentials"), SharedConfigLoadError);
    return;
  }
  // Root reads anything: try as an unprivileged user, through the built package bundled into the world-readable
  // temp folder (the checkout itself may sit in a folder only root can enter).
  const entry = join(tmp, "config-bundle.mjs");
  buildSync({
    entryPoints: [join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "index.js")],
    bundle: true,
    format: "esm",
    platform: "node",
    outfile: entry,
    logLevel: "silent",
  });
  chmodSync(entry, 0o644);
  const script = `const m = await import(${JSON.stringify(entry)});
try { new m.SharedConfigFileCache().read(${JSON.stringify(path)}, "credentials"); console.log("no error"); }
catch (e) { console.log(e.code, e.cause?.code, e.path === ${JSON.stringify(path)}); }`;
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { uid: 65534, gid: 65534, encoding: "utf8" });
  assert.equal(r.stdout.trim(), "SharedConfigLoadError EACCES true", r.stderr);
});
