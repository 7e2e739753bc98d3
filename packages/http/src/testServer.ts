// Test-only helper: a node:http server on 127.0.0.1 port 0 that records connections.
import { once } from "node:events";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import type { Credentials, HttpRequest, ResolvedConfig, Transport } from "@sessionkit/types";

export interface TestServer {
  readonly port: number;
  readonly server: http.Server;
  /** Distinct client sockets seen (by remote port), in order. */
  readonly connections: number[];
  /** Most connections open at once. */
  peakConnections: number;
  close(): Promise<void>;
  request(overrides?: Partial<HttpRequest>): HttpRequest;
}

export async function startServer(handler: http.RequestListener): Promise<TestServer> {
  const server = http.createServer(handler);
  const connections: number[] = [];
  let open = 0;
  const state = {
    peakConnections: 0,
  };
  server.on("connection", (socket) => {
    connections.push(socket.remotePort ?? -1);
    open++;
    state.peakConnections = Math.max(state.peakConnections, open);
    socket.on("close", () => open--);
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    server,
    connections,
    get peakConnections() {
      return state.peakConnections;
    },
    set peakConnections(v: number) {
      state.peakConnections = v;
    },
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, "close");
    },
    request(overrides = {}) {
      return {
        method: "GET",
        protocol: "http:",
        hostname: "127.0.0.1",
        port,
        path: "/",
        query: {},
        headers: {},
        ...overrides,
      };
    },
  };
}

/** A resolved config for pipeline tests over `transport`: no credentials (nothing is signed), no backoff wait. */
export function pipelineConfig(transport: Transport): ResolvedConfig {
  const credentials = Object.assign(() => Promise.reject(new Error("unused")), {
    providerName: "none",
    get: () => Promise.reject(new Error("unused")),
    isExpired: () => false,
    expire() {},
    expiresAt: () => undefined,
  }) as unknown as Credentials;
  return {
    region: "us-east-1",
    credentials,
    maxRetries: 3,
    logLevel: 0,
    logger: { log() {} },
    s3ForcePathStyle: true,
    disableSSL: true,
    transport,
    stsRegionalEndpoints: "legacy",
    s3UsEast1RegionalEndpoint: "legacy",
    disableParamValidation: false,
    clock: Date.now,
    sleep: async () => {},
  };
}
