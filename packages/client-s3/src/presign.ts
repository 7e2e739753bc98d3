import { defaultClockSkew, formatUrl, SignatureV4 } from "@sessionkit/signature-v4";
import { buildRequest } from "./buildRequest.js";
import { GetObject, PutObject, type S3Operation } from "./operations.js";
import type { S3Client } from "./S3Client.js";
import type { GetObjectInput, PutObjectInput } from "./shapes.js";

/** Options of the presign functions. */
export interface PresignOptions {
  /** Seconds the URL stays valid: 1 to 604800 (7 days); default 3600. */
  readonly expiresIn?: number;
}

// One presigner per client (made on first use): it shares the client's credentials, region and clock.
const presigners = new WeakMap<S3Client, SignatureV4>();

function presignerOf(client: S3Client): SignatureV4 {
  let signer = presigners.get(client);
  if (signer === undefined) {
    signer = new SignatureV4({
      service: client.clientInfo.signingName,
      region: client.clientInfo.signingRegion,
      credentials: client.config.credentials,
      uriEscapePath: false,
      clock: client.config.clock,
    });
    presigners.set(client, signer);
  }
  // Sign with the server's time when a skewed clock was already detected for this endpoint.
  signer.clockOffset = defaultClockSkew.offset(client.clientInfo.endpoint);
  return signer;
}

// The presigner defaults `expiresIn` to 3600 s and checks its range.
async function presignOperation<I>(client: S3Client, operation: S3Operation<I, unknown>, input: I, options: PresignOptions): Promise<string> {
  const http = buildRequest(client, operation, input);
  return formatUrl(await presignerOf(client).presign(http, { expiresIn: options.expiresIn }));
}

/**
 * A URL that GETs the object without credentials until it expires (query-signed, `UNSIGNED-PAYLOAD`). A
 * separate function, not a method, so apps that never presign do not bundle the presigner.
 */
export function presignGetObject(client: S3Client, input: GetObjectInput, options: PresignOptions = {}): Promise<string> {
  return presignOperation(client, GetObject, input, options);
}

/**
 * A URL that PUTs an object without credentials until it expires. Headers given here (e.g. `ContentType`,
 * `Metadata`) are signed, so the uploader must send the same values.
 */
export function presignPutObject(client: S3Client, input: Omit<PutObjectInput, "Body">, options: PresignOptions = {}): Promise<string> {
  return presignOperation(client, PutObject, input, options);
}
