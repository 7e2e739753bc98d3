import { createRequire } from "node:module";
import type * as NodeCrypto from "node:crypto";
import { formatSource, readUserFile, type Sourced, type ValueSource } from "@sessionkit/config";
import { LoadCustomCABundleError } from "./LoadCustomCABundleError.js";
import { codeSource } from "./resolveConfig.js";

const PEM_CERTIFICATES = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/**
 * The last bundle's text and the certificates of it that parse (a documented cache): parsing costs ≈0.13 ms a
 * certificate, ≈20 ms for a system bundle, which every session made with the same `AWS_CA_BUNDLE` paid again.
 */
let lastText: string | undefined;
let lastCertificates: string[] | undefined;

/**
 * The custom CA bundle (spec §1.8, §7.7): the `customCABundle` option beats `AWS_CA_BUNDLE`, which beats the
 * profile's `ca_bundle`; the two last are file paths, read now. Go's errors: a file that cannot be read is
 * `failed to open custom CA bundle PEM file`, text in which no PEM certificate parses `failed to load custom CA
 * bundle PEM file`. The value returned is the certificates that parse, one PEM block each.
 */
export function loadCustomCABundle(
  option: string | Uint8Array | undefined,
  envPath: Sourced<string> | undefined,
  filePath: Sourced<string> | undefined,
): Sourced<readonly string[]> | undefined {
  const path = envPath ?? filePath;
  let pem: Sourced<string | Uint8Array>;
  if (option != null) pem = { value: option, source: codeSource("customCABundle") };
  else if (path?.value) pem = { value: readBundle(path.value, path.source), source: path.source };
  else return undefined;
  // Go's AppendCertsFromPEM: blocks that do not parse are skipped; none left is the error. Only the good ones go to
  // the transport: Node's TLS stops reading a bundle at its first bad block and drops every certificate after it.
  // Bytes as UTF-8 (Node's Buffer, as in the file's reading; this module is Node's).
  const text = Buffer.from(pem.value).toString();
  if (text !== lastText) {
    const { X509Certificate } = createRequire("/")("node:crypto") as typeof NodeCrypto;
    lastText = text;
    lastCertificates = text.match(PEM_CERTIFICATES)?.filter((block) => {
      try {
        return new X509Certificate(block);
      } catch {
        return false;
      }
    });
  }
  const certificates = lastCertificates;
  if (!certificates?.[0]) {
    throw new LoadCustomCABundleError(`failed to load custom CA bundle PEM file (${formatSource(pem.source)}: no PEM certificate found)`);
  }
  return { value: certificates, source: pem.source };
}

function readBundle(path: string, source: ValueSource): Uint8Array {
  try {
    // Bounded and non-blocking: a path to /dev/zero or to a FIFO must not hang or exhaust the process.
    return readUserFile(path).bytes;
  } catch (cause) {
    throw new LoadCustomCABundleError(`failed to open custom CA bundle PEM file ${path} (${formatSource(source)})`, { cause });
  }
}
