import type { ClientConfig, ClientInfo, ClientSettings, Handlers, HttpRequest, NamedHandler, Operation, Phase } from "@sessionkit/types";
import { InvalidEndpointURL, InvalidRegion } from "./errors.js";
import { copyHandlers } from "./newHandlers.js";
import { SdkRequest } from "./SdkRequest.js";
import { sendRequest } from "./sendRequest.js";

/** Static facts a service client passes to {@link ServiceClient}. */
export interface ServiceInfo {
  /** e.g. `s3`, `sts` (used in `operation` strings of errors: `s3/GetObject`). */
  readonly serviceName: string;
  readonly apiVersion: string;
  /** SigV4 service name; defaults to `serviceName`. */
  readonly signingName?: string;
  /** The endpoint to use when the configuration names none, e.g. `https://sts.${region}.amazonaws.com`. */
  defaultEndpoint(region: string, config: ClientSettings): string;
  /**
   * The service's own handlers (protocol, signer), pushed to the back of the client's copy of the lists in this
   * order, as each Go service's `newClient` does.
   */
  readonly handlers?: readonly (readonly [Phase, NamedHandler])[];
}

/** Per-call options of {@link ServiceClient.send}. */
export interface SendOptions {
  /** Aborts the call at any point (including backoff waits) with `RequestCanceled`. */
  readonly signal?: AbortSignal;
}

/** The parsed endpoint: `[protocol, hostname, port, host, basePath]` (a tuple: read by index per request). */
type EndpointParts = readonly [protocol: string, hostname: string, port: number | undefined, host: string, basePath: string];

/** Go's `aws.AddScheme`: a bare host gets `https://`, or `http://` with `disableSSL`. */
export function addScheme(endpoint: string, disableSSL: boolean | undefined): string {
  if (endpoint === "" || /^[a-z][a-z0-9+.-]*:\/\//i.test(endpoint)) return endpoint;
  return `${disableSSL ? "http" : "https"}://${endpoint}`;
}

/** Where a request goes without a usable endpoint (the lifecycle fails before anything is sent). */
const NOWHERE: EndpointParts = ["https:", "", undefined, "", ""];

/** An operation's `[path, query]`; each request gets a copy of the query. */
type OperationTarget = readonly [path: string, query: HttpRequest["query"]];

const operationTargets = new WeakMap<Operation, OperationTarget>();

/** Splits an operation's `httpPath` (e.g. `/{Bucket}?uploads`) once per operation object. */
function targetOf(operation: Operation): OperationTarget {
  let target = operationTargets.get(operation);
  if (target === undefined) {
    const [path = "", search] = operation.httpPath.split("?", 2);
    const query: HttpRequest["query"] = {};
    if (search) {
      for (const part of search.split("&")) {
        // `a=b=c` is `a` → `b=c`; a bare `a` is `a` → null.
        const [name = "", ...value] = part.split("=");
        query[decodeURIComponent(name)] = value.length ? decodeURIComponent(value.join("=")) : null;
      }
    }
    target = [path || "/", query];
    operationTargets.set(operation, target);
  }
  return target;
}

/**
 * The base of every service client (Go's `client.Client`). It copies the handler lists it is given
 * (copy-on-derive: later changes to the session's lists do not reach it), fixes its `clientInfo`, and
 * sends operations through the request lifecycle.
 */
export class ServiceClient {
  declare readonly config: ClientSettings;
  /** This client's own lists; changes here reach requests created afterwards, never the session. */
  declare readonly handlers: Handlers;
  declare readonly clientInfo: ClientInfo;
  readonly #ep: EndpointParts;
  /** Set when the region cannot go in a default endpoint or the endpoint does not parse: every request fails with it. */
  readonly #err: InvalidRegion | InvalidEndpointURL | undefined;

  constructor(clientConfig: ClientConfig, info: ServiceInfo) {
    const config = clientConfig.config;
    this.config = config;
    this.handlers = copyHandlers(clientConfig.handlers);
    for (const [phase, handler] of info.handlers ?? []) this.handlers[phase].pushBackNamed(handler);
    const region = config.region;
    // A default endpoint puts the region in a host name: only a valid one (a configured endpoint needs no check).
    // Refused is what could move the host: anything but letters, digits, `_` and `-` (Go also refuses `_` and a
    // leading or trailing `-`). "" stays MissingRegion's to report.
    const bad = clientConfig.endpoint === undefined && /[^\w-]/.test(region);
    const endpoint = bad ? "" : addScheme(clientConfig.endpoint ?? info.defaultEndpoint(region, config), config.disableSSL);
    this.clientInfo = Object.freeze({
      serviceName: info.serviceName,
      apiVersion: info.apiVersion,
      endpoint,
      signingName: info.signingName ?? info.serviceName,
      signingRegion: clientConfig.signingRegion ?? region,
    });
    let ep = NOWHERE;
    if (bad) this.#err = new InvalidRegion(region);
    // An empty endpoint is reported by core.ValidateEndpointHandler as MissingEndpoint.
    if (endpoint !== "") {
      try {
        const url = new URL(endpoint);
        // "/" becomes "": a request path supplies its own leading slash.
        ep = [url.protocol, url.hostname, url.port === "" ? undefined : Number(url.port), url.host, url.pathname.replace(/\/$/, "")];
      } catch (cause) {
        this.#err = new InvalidEndpointURL(endpoint, { cause });
      }
    }
    this.#ep = ep;
  }

  /** Builds the wire request for an operation: endpoint + `httpPath`, its query, a `host` header. */
  protected buildHttpRequest(operation: Operation): HttpRequest {
    const ep = this.#ep;
    const target = targetOf(operation);
    return {
      method: operation.httpMethod,
      protocol: ep[0],
      hostname: ep[1],
      port: ep[2],
      path: ep[4] + target[0],
      query: { ...target[1] },
      headers: ep[3] ? { host: ep[3] } : {},
    };
  }

  /**
   * Creates a request for an operation without running it (its own handler copy, a fresh `context`); public, as
   * Go's `Client.NewRequest` is, so functions outside the class (presigning, request builders) can use it.
   */
  newRequest<Params, Output>(
    operation: Operation,
    params: Params,
    options?: SendOptions,
  ): SdkRequest<Params, Output> {
    return new SdkRequest<Params, Output>({
      operation,
      params,
      clientInfo: this.clientInfo,
      config: this.config,
      handlers: this.handlers,
      httpRequest: this.buildHttpRequest(operation),
      signal: options?.signal,
      error: this.#err,
    });
  }

  /** Runs an operation; resolves to `request.data`, rejects with a typed error naming `svc/Op`. */
  protected send<Params, Output>(operation: Operation, params: Params, options?: SendOptions): Promise<Output> {
    return sendRequest<Output>(this.newRequest<Params, Output>(operation, params, options));
  }
}
