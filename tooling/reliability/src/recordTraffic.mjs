// Preload (`node --import <this file> ...`) that appends every HTTP response body the process receives to the
// file named by SK_TRAFFIC_LOG. The secrets test reads the secret keys and session tokens servers handed out
// from it: the ground truth to search the process's output for. It does not change what the process sees.
import { appendFileSync } from "node:fs";
import { IncomingMessage } from "node:http";

const log = process.env.SK_TRAFFIC_LOG;
if (log) {
  const push = IncomingMessage.prototype.push;
  IncomingMessage.prototype.push = function record(chunk, encoding) {
    if (chunk !== null && chunk !== undefined) appendFileSync(log, chunk);
    return push.call(this, chunk, encoding);
  };
}
