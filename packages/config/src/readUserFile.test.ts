import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { readUserFile, SharedConfigFileCache } from "./index.js";

const dir = mkdtempSync(join(tmpdir(), "sk-read-user-file-"));
after(() => rmSync(dir, { recursive: true, force: true }));

test("regular files are read whole; files over maxBytes are refused before reading", () => {
  const path = join(dir, "f");
  writeFileSync(path, "[default]\nregion = x\n");
  const file = readUserFile(path);
  assert.equal(Buffer.from(file.bytes).toString(), "[default]\nregion = x\n");
  assert.equal(file.stat.isFile(), true);
  assert.throws(() => readUserFile(path, { maxBytes: 5 }), { code: "FileTooLarge" });
});

test("endless devices end in FileTooLarge; /dev/null reads as empty", () => {
  assert.throws(() => readUserFile("/dev/zero", { maxBytes: 1024 * 1024 }), { code: "FileTooLarge" });
  assert.equal(readUserFile("/dev/null").bytes.byteLength, 0);
});

test("a FIFO without a writer does not block: it reads as empty", { skip: process.platform === "win32" ? "no FIFOs" : false }, () => {
  const fifo = join(dir, "fifo");
  spawnSync("mkfifo", [fifo]);
  const started = Date.now();
  assert.equal(readUserFile(fifo).bytes.byteLength, 0);
  assert.ok(Date.now() - started < 1000);
});

test("open/read errors pass through for the caller to wrap (ENOENT, EISDIR); the cache wraps them typed", () => {
  assert.throws(() => readUserFile(join(dir, "missing")), { code: "ENOENT" });
  assert.throws(() => readUserFile(dir), { code: "EISDIR" });
  const cache = new SharedConfigFileCache();
  assert.equal(cache.read(join(dir, "missing"), "config"), undefined);
  assert.throws(() => cache.read(dir, "config"), { code: "SharedConfigLoadError" });
  assert.throws(() => cache.read("/dev/zero", "config"), (e: unknown) => {
    const err = e as { code: string; message: string };
    return err.code === "SharedConfigLoadError" && err.message.includes("/dev/zero") && err.message.includes("FileTooLarge");
  });
});
