import type { Request } from "@sessionkit/types";

/** `svc/Op`, as errors and log lines name a request (e.g. `s3/GetObject`). */
export const operationName = (r: Request): string => `${r.clientInfo.serviceName}/${r.operation.name}`;
