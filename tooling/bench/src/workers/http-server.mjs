// A trivial S3-shaped HTTP server on loopback: every GET returns the same 1 KiB object. Prints its port.
import { createServer } from "node:http";

const BODY = Buffer.alloc(1024, "sessionkit-bench ");
const HEADERS = {
  "content-type": "application/octet-stream",
  "content-length": String(BODY.length),
  etag: '"d41d8cd98f00b204e9800998ecf8427e"',
  "last-modified": "Fri, 27 Nov 2026 12:00:00 GMT",
  "x-amz-request-id": "4442587FB7D0A2F9",
  "accept-ranges": "bytes",
};
const server = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    res.writeHead(200, HEADERS);
    res.end(req.method === "HEAD" ? undefined : BODY);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => console.log(JSON.stringify({ port: server.address().port })));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
