// Test-only helpers: a ClientConfigProvider without a session (config + defaultHandlers + a transport),
// static credentials, and a canned in-process transport. Not part of the published package.
import { addDebugHandlers, CoreHandlers, defaultHandlers, sleep } from "@sessionkit/handlers";
import type {
  ClientConfig,
  ClientConfigProvider,
  Config,
  Credentials,
  CredentialsValue,
  HttpRequest,
  HttpResponse,
  ResolvedConfig,
  Transport,
} from "@sessionkit/types";

export interface Keys {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

/** Fixed keys as a `Credentials` object (callable, like the real one from @sessionkit/credentials). */
export function testCredentials(keys: Keys, providerName = "TestCredentials"): Credentials {
  const value: CredentialsValue = { ...keys, providerName };
  const getter = async () => value;
  return Object.assign(getter, {
    get: getter,
    isExpired: () => false,
    expire: () => {},
    expiresAt: () => undefined,
    providerName,
  });
}

export interface TestProviderOptions extends Config {
  readonly transport: Transport;
  readonly keys?: Keys;
}

/** A ClientConfigProvider in a few lines: what a session does, minus loading anything. */
export function testProvider(options: TestProviderOptions): ClientConfigProvider {
  return {
    clientConfig(_service: string, overrides: Config = {}): ClientConfig {
      const o = { ...options, ...overrides };
      const config: ResolvedConfig = {
        region: o.region ?? "us-east-1",
        credentials: testCredentials(o.keys ?? { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" }),
        maxRetries: o.maxRetries ?? 3,
        logLevel: o.logLevel ?? 0,
        logger: o.logger ?? console,
        s3ForcePathStyle: o.s3ForcePathStyle ?? false,
        disableSSL: o.disableSSL ?? false,
        transport: o.transport,
        stsRegionalEndpoints: o.stsRegionalEndpoints ?? "regional",
        s3UsEast1RegionalEndpoint: o.s3UsEast1RegionalEndpoint ?? "legacy",
        disableParamValidation: o.disableParamValidation ?? false,
        clock: o.clock ?? Date.now,
        sleep: o.sleep ?? sleep,
      };
      const handlers = defaultHandlers();
      if (!config.disableParamValidation) handlers.validate.pushBackNamed(CoreHandlers.ValidateParametersHandler);
      // As a session does for clients that log.
      if (config.logLevel !== 0) addDebugHandlers(handlers);
      return { config, handlers, endpoint: o.endpoint };
    },
  };
}

/** A canned response: status, headers, body text or bytes. */
export interface Canned {
  readonly status?: number;
  readonly reason?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string | Uint8Array;
}

const encoder = new TextEncoder();

function bodyOf(body: string | Uint8Array | undefined): AsyncIterable<Uint8Array> {
  const bytes = typeof body === "string" ? encoder.encode(body) : (body ?? new Uint8Array(0));
  return {
    async *[Symbol.asyncIterator]() {
      if (bytes.byteLength > 0) yield bytes;
    },
  };
}

/** What the canned transport saw: the request as sent, with its body read. */
export interface Sent {
  readonly request: HttpRequest;
  readonly body: Uint8Array;
}

/** An in-process transport answering each request with `respond(request)`; records what was sent. */
export function cannedTransport(respond: (request: HttpRequest, index: number) => Canned): Transport & { sent: Sent[] } {
  const sent: Sent[] = [];
  return {
    sent,
    async handle(request: HttpRequest): Promise<HttpResponse> {
      let body: Uint8Array = new Uint8Array(0);
      const b = request.body;
      if (typeof b === "string") body = encoder.encode(b);
      else if (b instanceof Uint8Array) body = b;
      else if (b !== undefined) {
        const parts: number[] = [];
        for await (const chunk of b) parts.push(...chunk);
        body = Uint8Array.from(parts);
      }
      sent.push({ request: { ...request, headers: { ...request.headers }, query: { ...request.query } }, body });
      const r = respond(request, sent.length - 1);
      return { statusCode: r.status ?? 200, reason: r.reason, headers: r.headers ?? {}, body: bodyOf(r.body) };
    },
  };
}
