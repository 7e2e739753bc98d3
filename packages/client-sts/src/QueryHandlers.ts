import { readBody, type ValidatingOperation } from "@sessionkit/handlers";
import type { NamedHandler, Request } from "@sessionkit/types";
import { parseStsError } from "./parseStsError.js";
import type { ResponseMetadata } from "./shapes.js";

/** An operation of a Query-protocol service: how its params become a form body and its XML an output. */
export interface QueryOperation<Params = unknown, Output = unknown> extends ValidatingOperation {
  serialize(params: Params): string;
  parse(body: Uint8Array): Output;
}

/** The Query operation of a request sent by a Query client (a type, no code). */
type Op = QueryOperation<unknown, { ResponseMetadata: ResponseMetadata }>;

// A frozen handler named `awssdk.query.<name>`.
const handler = (name: string, fn: NamedHandler["fn"]): NamedHandler => Object.freeze({ name: `awssdk.query.${name}`, fn });

/** Go's `protocol/query` handlers, for any operation built as a {@link QueryOperation}. */
export const QueryHandlers = /* @__PURE__ */ Object.freeze({
  /** build: the form-encoded POST body (`Action=…&Version=…&members`) and its content type. */
  BuildHandler: handler("Build", (r: Request): void => {
    const req = r.httpRequest;
    req.method = "POST";
    req.body = (r.operation as unknown as Op).serialize(r.params);
    req.headers["content-type"] = "application/x-www-form-urlencoded";
  }),

  /** unmarshal: parses the XML result into `request.data`; a body without a RequestId gets the header's. */
  UnmarshalHandler: handler("Unmarshal", async (r: Request): Promise<void> => {
    const res = r.httpResponse;
    if (res === undefined) return;
    const data = (r.operation as unknown as Op).parse(await readBody(res.body));
    const meta = data.ResponseMetadata;
    if (meta.RequestId === undefined && r.requestId !== undefined) meta.RequestId = r.requestId;
    r.data = data;
  }),

  /** unmarshalError: replaces the generic status error with a typed `STSServiceError` (both error shapes). */
  UnmarshalErrorHandler: handler("UnmarshalError", async (r: Request): Promise<void> => {
    const res = r.httpResponse;
    if (res === undefined) return;
    throw parseStsError(await readBody(res.body), {
      statusCode: res.statusCode,
      requestId: r.requestId,
      operation: `${r.clientInfo.serviceName}/${r.operation.name}`,
    });
  }),
});
