import { formatSource, readUserFile, type Sourced, type ValueSource } from "@sessionkit/config";
import { LoadCustomCABundleError } from "./LoadCustomCABundleError.js";
import { codeSource } from "./resolveConfig.js";

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/;

/**
 * The custom CA bundle (spec §1.8, §7.7): the `customCABundle` option beats `AWS_CA_BUNDLE`, which beats the
 * profile's `ca_bundle`; the two last are file paths, read now. Go's errors: a file that cannot be read is
 * `failed to open custom CA bundle PEM file`, text without a PEM certificate `failed to load custom CA bundle
 * PEM file`.
 */
export function loadCustomCABundle(
  option: string | Uint8Array | undefined,
  envPath: Sourced<string> | undefined,
  filePath: Sourced<string> | undefined,
): Sourced<string | Uint8Array> | undefined {
  const path = envPath ?? filePath;
  let pem: Sourced<string | Uint8Array>;
  if (option !== undefined) pem = { value: option, source: codeSource("customCABundle") };
  else if (path?.value) pem = { value: readBundle(path.value, path.source), source: path.source };
  else return undefined;
  // Bytes as UTF-8 (Node's Buffer, as in the file's reading; this module is Node's).
  if (!PEM_CERTIFICATE.test(Buffer.from(pem.value).toString())) {
    throw new LoadCustomCABundleError(`failed to load custom CA bundle PEM file (${formatSource(pem.source)}: no PEM certificate found)`);
  }
  return pem;
}

function readBundle(path: string, source: ValueSource): Uint8Array {
  try {
    // Bounded and non-blocking: a path to /dev/zero or to a FIFO must not hang or exhaust the process.
    return readUserFile(path).bytes;
  } catch (cause) {
    throw new LoadCustomCABundleError(`failed to open custom CA bundle PEM file ${path} (${formatSource(source)})`, { cause });
  }
}
