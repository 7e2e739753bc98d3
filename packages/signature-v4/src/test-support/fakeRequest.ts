// Test support: a typed pipeline `Request` for the handlers, with recorded credential reads and log lines.
import type {
  ClientInfo,
  Credentials,
  CredentialsValue,
  GetCredentialsOptions,
  Handlers,
  HttpRequest,
  HttpResponse,
  Request,
  ResolvedConfig,
  SdkErrorShape,
} from "@sessionkit/types";

export interface FakeCredentials extends Credentials {
  /** The options of every `get()` call, in order. */
  readonly calls: (GetCredentialsOptions | undefined)[];
}

/** Credentials that resolve to `value` (or reject with `failure`) and record each `get()`. */
export function fakeCredentials(
  value: Omit<CredentialsValue, "providerName">,
  providerName = "FakeProvider",
  failure?: unknown,
): FakeCredentials {
  const calls: (GetCredentialsOptions | undefined)[] = [];
  const get = (options?: GetCredentialsOptions): Promise<CredentialsValue> => {
    calls.push(options);
    return failure === undefined ? Promise.resolve({ ...value, providerName }) : Promise.reject(failure);
  };
  const callable = (): Promise<CredentialsValue> => get();
  return Object.assign(callable, {
    get,
    calls,
    providerName,
    isExpired: () => false,
    expire: () => {},
    expiresAt: () => undefined,
  });
}

export interface FakeRequestOptions {
  readonly credentials: Credentials;
  readonly signingName?: string;
  readonly signingRegion?: string;
  readonly region?: string;
  readonly endpoint?: string;
  readonly now?: () => number;
  readonly logLevel?: number;
  readonly httpRequest?: HttpRequest;
  readonly error?: SdkErrorShape;
  readonly responseHeaders?: Record<string, string>;
}

export interface FakeRequest extends Request {
  /** Lines the config's logger received. */
  readonly logged: string[];
}

export function fakeRequest(o: FakeRequestOptions): FakeRequest {
  const logged: string[] = [];
  const endpoint = o.endpoint ?? "https://s3.us-east-1.amazonaws.com";
  const clientInfo: ClientInfo = {
    serviceName: o.signingName ?? "s3",
    apiVersion: "2006-03-01",
    endpoint,
    signingName: o.signingName ?? "s3",
    signingRegion: o.signingRegion ?? "us-east-1",
  };
  const config: ResolvedConfig = {
    region: o.region ?? "us-east-1",
    credentials: o.credentials,
    maxRetries: 3,
    logLevel: o.logLevel ?? 0,
    logger: { log: (...args: unknown[]) => logged.push(args.map(String).join(" ")) },
    s3ForcePathStyle: true,
    disableSSL: false,
    transport: { handle: () => Promise.reject(new Error("no transport in this test")) },
    stsRegionalEndpoints: "regional",
    s3UsEast1RegionalEndpoint: "regional",
    disableParamValidation: false,
    clock: o.now ?? (() => Date.UTC(2026, 10, 27, 13, 0, 0)),
    sleep: () => Promise.resolve(),
  };
  const httpRequest: HttpRequest = o.httpRequest ?? {
    method: "GET",
    protocol: "https:",
    hostname: new URL(endpoint).hostname,
    path: "/bucket/key.txt",
    query: {},
    headers: {},
  };
  const request: FakeRequest = {
    operation: { name: "GetObject", httpMethod: httpRequest.method, httpPath: "/{Bucket}/{Key+}" },
    clientInfo,
    config,
    // The handlers under test never touch the request's handler lists.
    handlers: {} as Handlers,
    params: {},
    httpRequest,
    retryCount: 0,
    signal: new AbortController().signal,
    context: new Map(),
    logged,
  };
  if (o.error !== undefined) request.error = o.error;
  if (o.responseHeaders !== undefined) {
    const response: HttpResponse = { statusCode: 403, headers: o.responseHeaders, body: (async function* () {})() };
    request.httpResponse = response;
  }
  return request;
}
