// Test-only helpers (not exported from the package): a session-less ClientConfigProvider, credentials,
// a recording canned transport and a fetch transport for the RGW tests.
import { addDebugHandlers, defaultHandlers } from "@sessionkit/handlers";
import type {
  ClientConfigProvider,
  Config,
  Credentials,
  CredentialsValue,
  HttpRequest,
  HttpResponse,
  Logger,
  ResolvedConfig,
  Transport,
} from "@sessionkit/types";

export function keys(accessKeyId: string, secretAccessKey: string, sessionToken?: string): Credentials {
  const value: CredentialsValue = { accessKeyId, secretAccessKey, sessionToken, providerName: "TestKeys" };
  const get = () => Promise.resolve(value);
  return Object.assign(get, {
    providerName: "TestKeys",
    get,
    isExpired: () => false,
    expire: () => {},
    expiresAt: () => undefined,
  });
}

export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, log: (...args: unknown[]) => lines.push(args.map(String).join(" ")) };
}

/**
 * A ClientConfigProvider without a session: `base` plus the per-client overrides, `endpoint` as the
 * configured endpoint (or none), and `names` recording which service asked.
 */
export function testProvider(
  base: Partial<ResolvedConfig> & { transport: Transport },
  endpoint?: string,
): ClientConfigProvider & { names: string[] } {
  const names: string[] = [];
  return {
    names,
    clientConfig(serviceName: string, overrides?: Config) {
      names.push(serviceName);
      const config: ResolvedConfig = {
        region: "us-east-1",
        credentials: keys("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
        maxRetries: 3,
        logLevel: 0,
        logger: { log() {} },
        s3ForcePathStyle: false,
        disableSSL: false,
        stsRegionalEndpoints: "legacy",
        s3UsEast1RegionalEndpoint: "legacy",
        disableParamValidation: false,
        clock: Date.now,
        sleep: () => Promise.resolve(),
        ...base,
        ...(overrides?.region ? { region: overrides.region } : {}),
        ...(overrides?.stsRegionalEndpoints ? { stsRegionalEndpoints: overrides.stsRegionalEndpoints } : {}),
      };
      const handlers = defaultHandlers();
      // As a session does for clients that log.
      if (config.logLevel !== 0) addDebugHandlers(handlers);
      return { config, handlers, endpoint };
    },
  };
}

export interface Reply {
  readonly status?: number;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** Answers from `replies` in turn (the last repeats) and records each request as data. */
export function cannedTransport(...replies: Reply[]): Transport & { requests: RecordedRequest[] } {
  const requests: RecordedRequest[] = [];
  const encoder = new TextEncoder();
  return {
    requests,
    handle(req: HttpRequest): Promise<HttpResponse> {
      requests.push({
        method: req.method,
        url: `${req.protocol}//${req.hostname}${req.port ? `:${req.port}` : ""}${req.path}`,
        headers: { ...req.headers },
        body: typeof req.body === "string" ? req.body : "",
      });
      const reply = replies[Math.min(requests.length - 1, replies.length - 1)] ?? {};
      const bytes = encoder.encode(reply.body ?? "");
      return Promise.resolve({
        statusCode: reply.status ?? 200,
        headers: { "content-length": String(bytes.byteLength), ...reply.headers },
        body: (async function* () {
          yield bytes;
        })(),
      });
    },
  };
}

/** A minimal transport on the global `fetch`, for tests against the local RGW. */
export const fetchTransport: Transport = {
  async handle(req: HttpRequest): Promise<HttpResponse> {
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (k !== "host" && k !== "content-length") headers[k] = v;
    const res = await fetch(`${req.protocol}//${req.hostname}${req.port ? `:${req.port}` : ""}${req.path}`, {
      method: req.method,
      headers,
      body: typeof req.body === "string" ? req.body : undefined,
    });
    const bytes = new Uint8Array(await res.arrayBuffer());
    return {
      statusCode: res.status,
      headers: Object.fromEntries(res.headers),
      body: (async function* () {
        yield bytes;
      })(),
    };
  },
};
