// Test-only helpers (not exported from the package): a resolved config, fake credentials, canned transports.
import type {
  Credentials,
  CredentialsValue,
  HttpRequest,
  HttpResponse,
  Logger,
  ResolvedConfig,
  Transport,
  TransportOptions,
} from "@sessionkit/types";
import { bytesBody } from "./readBody.js";

export interface FakeCredentials extends Credentials {
  expireCalls: number;
}

export function fakeCredentials(): FakeCredentials {
  const value: CredentialsValue = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "SECRET", providerName: "Fake" };
  const fn = (() => Promise.resolve(value)) as unknown as FakeCredentials;
  return Object.assign(fn, {
    expireCalls: 0,
    providerName: "Fake",
    get: () => Promise.resolve(value),
    isExpired: () => false,
    expire(this: FakeCredentials) {
      this.expireCalls++;
    },
    expiresAt: () => undefined,
  });
}

export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, log: (...args: unknown[]) => lines.push(args.map(String).join(" ")) };
}

export interface CannedReply {
  readonly status?: number;
  readonly headers?: Record<string, string>;
  readonly body?: string;
  /** Throw this instead of answering. */
  readonly error?: unknown;
}

/** A transport answering from a list of replies (the last one repeats); records what it was sent. */
export function cannedTransport(...replies: CannedReply[]): Transport & {
  sent: HttpRequest[];
  options: Array<TransportOptions | undefined>;
} {
  const sent: HttpRequest[] = [];
  const options: Array<TransportOptions | undefined> = [];
  const encoder = new TextEncoder();
  return {
    sent,
    options,
    handle(request, opts) {
      sent.push({ ...request, headers: { ...request.headers } });
      options.push(opts);
      const reply = replies[Math.min(sent.length - 1, replies.length - 1)] ?? {};
      if (reply.error !== undefined) return Promise.reject(reply.error);
      const response: HttpResponse = {
        statusCode: reply.status ?? 200,
        headers: { ...(reply.headers ?? {}) },
        body: bytesBody(encoder.encode(reply.body ?? "")),
      };
      return Promise.resolve(response);
    },
  };
}

export function testConfig(overrides: Partial<ResolvedConfig> = {}): ResolvedConfig {
  return {
    region: "us-east-1",
    credentials: fakeCredentials(),
    maxRetries: -1,
    logLevel: 0,
    logger: memoryLogger(),
    s3ForcePathStyle: false,
    disableSSL: false,
    transport: cannedTransport({}),
    stsRegionalEndpoints: "legacy",
    s3UsEast1RegionalEndpoint: "legacy",
    disableParamValidation: false,
    clock: () => 0,
    sleep: () => Promise.resolve(),
    ...overrides,
  };
}
