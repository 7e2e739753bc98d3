// Test-only helpers (not exported): a node:http transport, a session-less ClientConfigProvider that applies
// per-client credentials, and a local STS server that records what it is asked.
import { createServer, type IncomingMessage, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { toCredentials } from "@sessionkit/credentials";
import type { ClientConfigProvider, Config, HttpRequest, HttpResponse, ResolvedConfig, Transport } from "@sessionkit/types";
// A devDependency only: at run time the session brings the handlers.
import { defaultHandlers } from "@sessionkit/handlers";

/** A plain node:http transport (tests only; the real one is `@sessionkit/http`). */
export const httpTransport: Transport = {
  handle(req: HttpRequest): Promise<HttpResponse> {
    return new Promise((resolve, reject) => {
      const out = httpRequest(
        { method: req.method, host: req.hostname, port: req.port, path: req.path, headers: req.headers },
        (res: IncomingMessage) => {
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers[k] = String(v);
          resolve({ statusCode: res.statusCode ?? 0, headers, body: res });
        },
      );
      out.on("error", reject);
      out.end(typeof req.body === "string" ? req.body : undefined);
    });
  },
};

const BASE: Omit<ResolvedConfig, "credentials" | "transport"> = Object.freeze({
  region: "us-east-1",
  maxRetries: 3,
  logLevel: 0,
  logger: { log() {} },
  s3ForcePathStyle: true,
  disableSSL: false,
  stsRegionalEndpoints: "regional",
  s3UsEast1RegionalEndpoint: "regional",
  disableParamValidation: false,
  clock: Date.now,
  sleep: () => Promise.resolve(),
});

/**
 * What a session does for `clientConfig("sts", { credentials })`: the shared settings, the given credentials,
 * fresh default handlers, and the configured endpoint.
 */
export function configProvider(endpoint: string | undefined, settings: Partial<ResolvedConfig> = {}): ClientConfigProvider {
  return {
    clientConfig(_service: string, overrides?: Config) {
      const credentials = toCredentials(overrides?.credentials ?? { accessKeyId: "", secretAccessKey: "" });
      return { config: { ...BASE, transport: httpTransport, ...settings, credentials }, handlers: defaultHandlers(), endpoint };
    },
  };
}

export interface StsCall {
  readonly form: Record<string, string>;
  readonly authorization: string | undefined;
}

export interface StsServer {
  readonly endpoint: string;
  readonly calls: StsCall[];
  close(): Promise<void>;
}

/** A local STS on 127.0.0.1: `reply(call, n)` gives status and XML for the n-th call (0-based). */
export async function stsServer(reply: (call: StsCall, n: number) => { status: number; body: string }): Promise<StsServer> {
  const calls: StsCall[] = [];
  const server: Server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => {
      body += c;
    });
    req.on("end", () => {
      const call: StsCall = { form: Object.fromEntries(new URLSearchParams(body)), authorization: req.headers.authorization };
      const { status, body: xml } = reply(call, calls.length);
      calls.push(call);
      res.writeHead(status, { "content-type": "text/xml", "x-amzn-requestid": `req-${calls.length}` });
      res.end(xml);
    });
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    calls,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

/** An AssumeRole response with the given keys, expiring at `expiration`. */
export function assumeRoleXml(accessKeyId: string, expiration: Date, account = "123456789012"): string {
  return `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult>
<AssumedRoleUser><AssumedRoleId>AROA:s</AssumedRoleId><Arn>arn:aws:sts::${account}:assumed-role/r/s</Arn></AssumedRoleUser>
<Credentials><AccessKeyId>${accessKeyId}</AccessKeyId><SecretAccessKey>SECRET-${accessKeyId}</SecretAccessKey>
<SessionToken>TOKEN-${accessKeyId}</SessionToken><Expiration>${expiration.toISOString()}</Expiration></Credentials>
</AssumeRoleResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></AssumeRoleResponse>`;
}

export const ACCESS_DENIED_XML =
  "<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>not allowed</Message></Error><RequestId>d</RequestId></ErrorResponse>";

interface TrafficEvent {
  readonly connection_id: number;
  readonly action: {
    readonly Request?: { readonly request: { readonly uri: string; readonly method: string; readonly headers: Record<string, string[]> } };
    readonly Response?: { readonly response: { readonly Ok: { readonly status: number; readonly headers: Record<string, string[]> } } };
    readonly Data?: { readonly data: { readonly Utf8: string }; readonly direction: "Request" | "Response" };
  };
}

export interface ReplayedRequest {
  readonly uri: string;
  readonly method: string;
  readonly contentType: string | undefined;
  readonly expected: { readonly uri: string; readonly method: string; readonly contentType: string | undefined };
}

/**
 * Replays a recorded `http-traffic.json` (cross-SDK scenario format): the n-th request sent is answered with
 * connection n's recorded response; what was sent and what was recorded are kept side by side.
 */
export function replayTransport(traffic: { events: readonly TrafficEvent[] }): Transport & { requests: ReplayedRequest[] } {
  const requests: ReplayedRequest[] = [];
  const connections = [...new Set(traffic.events.map((e) => e.connection_id))].sort((a, b) => a - b);
  return {
    requests,
    handle(req: HttpRequest): Promise<HttpResponse> {
      const id = connections[requests.length];
      const events = traffic.events.filter((e) => e.connection_id === id);
      const recorded = events.find((e) => e.action.Request)?.action.Request?.request;
      const response = events.find((e) => e.action.Response)?.action.Response?.response.Ok;
      const body = events
        .filter((e) => e.action.Data?.direction === "Response")
        .map((e) => e.action.Data?.data.Utf8 ?? "")
        .join("");
      const url = new URL(recorded?.uri ?? "http://missing/");
      requests.push({
        uri: `${req.protocol}//${req.hostname}${req.port ? `:${req.port}` : ""}${req.path}`,
        method: req.method,
        contentType: req.headers["content-type"],
        expected: {
          uri: `${url.protocol}//${url.host}${url.pathname}`,
          method: recorded?.method ?? "",
          contentType: recorded?.headers["content-type"]?.[0],
        },
      });
      if (response === undefined) return Promise.reject(new Error(`no recorded response for request ${requests.length}`));
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(response.headers)) if (k !== "content-length") headers[k] = v.join(",");
      const bytes = new TextEncoder().encode(body);
      return Promise.resolve({
        statusCode: response.status,
        headers,
        body: (async function* () {
          yield bytes;
        })(),
      });
    },
  };
}
