// Preload (`node --import <this file> ...`) that appends every HTTP response the process receives to the file
// named by SK_TRAFFIC_LOG: node:http's bodies and the raw bytes of every socket (the default transport parses
// HTTP on plain net/tls sockets; a TLS socket pushes decrypted bytes). The secrets test reads the secret keys and session tokens servers handed out
// from it: the ground truth to search the process's output for. It does not change what the process sees.
import { appendFileSync } from "node:fs";
import { IncomingMessage } from "node:http";
import { Socket } from "node:net";

const log = process.env.SK_TRAFFIC_LOG;
if (log) {
  for (const proto of [IncomingMessage.prototype, Socket.prototype]) {
    const push = proto.push;
    proto.push = function record(chunk, encoding) {
      if (chunk !== null && chunk !== undefined) appendFileSync(log, chunk);
      return push.call(this, chunk, encoding);
    };
  }
}
