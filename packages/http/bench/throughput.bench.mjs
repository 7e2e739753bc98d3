// GetObject 1 KiB from a trivial local node:http server (in a child process), concurrency 1 and 32:
// raw node:http keep-alive vs our transport vs the whole sessionkit pipeline (and the peer when installed).
// Not a test. Run: pnpm --filter @sessionkit/http bench   (build first: pnpm turbo run build)
import { fork } from "node:child_process";
import { existsSync } from "node:fs";
import * as http from "node:http";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Http1Transport, NodeHttpTransport } from "../dist/index.js";

const here = dirname(fileURLToPath(import.meta.url));
const packages = join(here, "..", "..");
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const SECONDS = Number(process.env.SECONDS ?? 3);

if (process.argv[2] === "server") {
  const body = Buffer.alloc(1024, 97);
  const server = http.createServer((_req, res) => {
    res.writeHead(200, {
      "content-length": "1024",
      "content-type": "application/octet-stream",
      etag: '"0f343b0931126a20f133d67c2b018a3b"',
      "last-modified": "Wed, 26 Nov 2026 10:00:00 GMT",
      "x-amz-request-id": "4442587FB7D0A2F9",
    });
    res.end(body);
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, "127.0.0.1", () => process.send?.(server.address().port));
} else {
  await main();
}

async function main() {
  const child = fork(fileURLToPath(import.meta.url), ["server"], { stdio: "inherit" });
  const port = await new Promise((resolve) => child.once("message", resolve));
  const variants = [];

  const rawAgent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  variants.push({
    name: "raw node:http keep-alive",
    op: () =>
      new Promise((resolve, reject) => {
        const req = http.request({ agent: rawAgent, host: "127.0.0.1", port, path: "/bucket/key", method: "GET" }, (res) => {
          const chunks = [];
          res.on("data", (c) => chunks.push(c));
          res.on("end", () => resolve(Buffer.concat(chunks)));
          res.on("error", reject);
        });
        req.on("error", reject);
        req.end();
      }),
  });

  const nodeHttp = new NodeHttpTransport({ maxSockets: 64 });
  const transport = new Http1Transport({ maxSockets: 64 });
  const request = () => ({ method: "GET", protocol: "http:", hostname: "127.0.0.1", port, path: "/bucket/key", query: {}, headers: { host: `127.0.0.1:${port}` } });
  variants.push({
    name: "@sessionkit/http NodeHttpTransport (handle + bytes)",
    op: async () => (await nodeHttp.handle(request())).body.bytes(),
  });
  variants.push({
    name: "@sessionkit/http Http1Transport, the default (handle + bytes)",
    op: async () => (await transport.handle(request())).body.bytes(),
  });

  const handlersDist = join(packages, "handlers", "dist", "index.js");
  const handlers = existsSync(handlersDist) ? await import(pathToFileURL(handlersDist).href) : undefined;
  const config = {
    region: "us-east-1",
    credentials: fakeCredentials(),
    maxRetries: -1,
    logLevel: 0,
    logger: { log() {} },
    s3ForcePathStyle: true,
    disableSSL: true,
    transport,
    stsRegionalEndpoints: "legacy",
    s3UsEast1RegionalEndpoint: "legacy",
    disableParamValidation: false,
    clock: Date.now,
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  };
  if (handlers !== undefined) {
    const GetObject = { name: "GetObject", httpMethod: "GET", httpPath: "/bucket/key" };
    class MiniS3 extends handlers.ServiceClient {
      constructor() {
        super({ config, handlers: handlers.defaultHandlers(), endpoint: `http://127.0.0.1:${port}` }, { serviceName: "s3", apiVersion: "2006-03-01", defaultEndpoint: () => "" });
        this.handlers.unmarshal.pushBackNamed({
          name: "bench.Unmarshal",
          async fn(r) {
            r.data = { Body: await handlers.readBody(r.httpResponse.body) };
          },
        });
      }
      getObject() {
        return this.send(GetObject, {});
      }
    }
    const mini = new MiniS3();
    variants.push({ name: "sessionkit pipeline (ServiceClient + defaultHandlers, no signing)", op: () => mini.getObject() });

    const s3Dist = join(packages, "client-s3", "dist", "index.js");
    if (existsSync(s3Dist)) {
      const { S3 } = await import(pathToFileURL(s3Dist).href);
      const s3 = new S3({ clientConfig: () => ({ config, handlers: handlers.defaultHandlers(), endpoint: `http://127.0.0.1:${port}` }) });
      variants.push({
        name: "sessionkit @sessionkit/client-s3 getObject (SigV4)",
        op: async () => {
          const out = await s3.getObject({ Bucket: "bucket", Key: "key" });
          for await (const _ of out.Body);
        },
      });
    }
  }

  try {
    const require = createRequire(join(packages, "client-s3", "package.json"));
    const { S3Client, GetObjectCommand } = require("@aws-sdk/client-s3");
    const peer = new S3Client({
      region: "us-east-1",
      endpoint: `http://127.0.0.1:${port}`,
      forcePathStyle: true,
      credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" },
    });
    variants.push({
      name: "peer @aws-sdk/client-s3 GetObjectCommand",
      op: async () => (await peer.send(new GetObjectCommand({ Bucket: "bucket", Key: "key" }))).Body.transformToByteArray(),
    });
  } catch (err) {
    console.log(`(skipping peer: ${err.message})`);
  }

  for (const v of variants) {
    v.results = { 1: [], 32: [] };
    await run(v, 1, 0.3);
    await run(v, 32, 0.3);
  }
  for (let r = 0; r < ROUNDS; r++) {
    for (const v of shuffle(variants)) {
      for (const c of [1, 32]) v.results[c].push(await run(v, c, SECONDS));
    }
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const raw = { 1: median(variants[0].results[1]), 32: median(variants[0].results[32]) };
  console.log(`node ${process.version}; ${ROUNDS} interleaved rounds × ${SECONDS} s; median req/s (ratio to raw)`);
  for (const v of variants) {
    const line = [1, 32].map((c) => {
      const m = median(v.results[c]);
      return `c=${c}: ${Math.round(m).toLocaleString("en")} req/s (${(m / raw[c]).toFixed(2)}×)`;
    });
    console.log(`${v.name}\n  ${line.join("   ")}`);
  }
  transport.destroy();
  rawAgent.destroy();
  child.kill();
}

async function run(v, concurrency, seconds) {
  const end = performance.now() + seconds * 1000;
  let count = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        await v.op();
        count++;
      }
    }),
  );
  return count / seconds;
}

function shuffle(xs) {
  return xs.map((x) => [Math.random(), x]).sort((a, b) => a[0] - b[0]).map(([, x]) => x);
}

function fakeCredentials() {
  const value = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", providerName: "Bench" };
  const get = () => Promise.resolve(value);
  return Object.assign(get, { get, providerName: "Bench", isExpired: () => false, expire() {}, expiresAt: () => undefined });
}
