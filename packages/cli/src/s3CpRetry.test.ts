// `s3 cp` against a local stand-in S3 that fails the first upload after reading it: the retry must send the whole
// file again (the body re-opens the file), and a download must leave no partial file behind when it fails.
import assert from "node:assert/strict";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { lines, makeHome, sessionkit } from "./testing/cliHarness.js";

const work = mkdtempSync(join(tmpdir(), "sk-cli-retry-"));
const home = makeHome({});
const file = join(work, "data.bin");
const bytes = randomBytes(3 * 1024 * 1024 + 17);
writeFileSync(file, bytes);
const sha = (b: Buffer): string => createHash("sha256").update(b).digest("hex");

/** What the stand-in server received: one entry per PUT (length and hash of the body). */
const puts: { length: number; sha: string }[] = [];
let server: Server;
let endpoint = "";

function readAll(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

before(async () => {
  server = createServer(async (req, res) => {
    const body = await readAll(req);
    if (req.method === "PUT") {
      puts.push({ length: body.length, sha: sha(body) });
      if (puts.length === 1) {
        res.writeHead(500, { "content-type": "application/xml" });
        res.end("<Error><Code>InternalError</Code><Message>try again</Message></Error>");
        return;
      }
      res.writeHead(200, { etag: '"abc"' });
      res.end();
      return;
    }
    if (req.method === "GET") {
      // Announces more bytes than it sends, then closes: a broken download.
      res.writeHead(200, { "content-length": String(1024 * 1024) });
      res.write(Buffer.alloc(1000));
      res.destroy();
      return;
    }
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => {
  server?.close();
  home.remove();
  rmSync(work, { recursive: true, force: true });
});

function env(): NodeJS.ProcessEnv {
  return home.env({ AWS_ACCESS_KEY_ID: "AKIDRETRY", AWS_SECRET_ACCESS_KEY: "retrySecret", AWS_REGION: "us-east-1" });
}

test("a failed upload is retried with every byte of the file again", async () => {
  const r = await sessionkit(["s3", "cp", file, "s3://bucket/data.bin", "--endpoint-url", endpoint], { env: env() });
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(puts, [
    { length: bytes.length, sha: sha(bytes) },
    { length: bytes.length, sha: sha(bytes) },
  ]);
  assert.match(lines(r.stdout)[0] ?? "", new RegExp(`^upload: ${file} to s3://bucket/data\\.bin \\(${bytes.length} bytes`));
});

test("a download that breaks off leaves no file, and says so in one line", async () => {
  const target = join(work, "out.bin");
  const r = await sessionkit(["s3", "cp", "s3://bucket/data.bin", target, "--endpoint-url", endpoint], { env: env() });
  assert.equal(r.code, 1);
  assert.equal(lines(r.stderr).length, 1, r.stderr);
  assert.match(r.stderr, /^sessionkit: \w+: .* — /);
  assert.equal(existsSync(target), false);
  assert.deepEqual(readdirSync(work).filter((f) => f.includes(".part")), []);
});
