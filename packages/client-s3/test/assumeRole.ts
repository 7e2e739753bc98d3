// Temporary credentials from RGW's STS, with a raw AssumeRole POST signed by our signer (the STS client is
// a separate package this one must not depend on).
import { SignatureV4 } from "@sessionkit/signature-v4";
import { childElement, childText, parseXml } from "@sessionkit/xml";
import type { Keys } from "./testProvider.js";

export async function assumeRole(endpoint: string, keys: Keys, roleArn: string): Promise<Required<Keys>> {
  const url = new URL(endpoint);
  const body = new URLSearchParams({
    Action: "AssumeRole",
    Version: "2011-06-15",
    RoleArn: roleArn,
    RoleSessionName: "sessionkit-client-s3-test",
    DurationSeconds: "900",
  }).toString();
  const signer = new SignatureV4({ service: "sts", region: "us-east-1", credentials: keys });
  const signed = await signer.sign({
    method: "POST",
    protocol: url.protocol,
    hostname: url.hostname,
    port: Number(url.port),
    path: "/",
    query: {},
    headers: { host: url.host, "content-type": "application/x-www-form-urlencoded" },
    body,
  });
  const { host: _host, ...headers } = signed.headers;
  const res = await fetch(`${endpoint}/`, { method: "POST", headers, body });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`AssumeRole failed with ${res.status}: ${text}`);
  const result = childElement(parseXml(text), "AssumeRoleResult");
  const creds = result && childElement(result, "Credentials");
  const accessKeyId = creds && childText(creds, "AccessKeyId");
  const secretAccessKey = creds && childText(creds, "SecretAccessKey");
  const sessionToken = creds && childText(creds, "SessionToken");
  if (!accessKeyId || !secretAccessKey || !sessionToken) throw new Error("AssumeRole response has no credentials");
  return { accessKeyId, secretAccessKey, sessionToken };
}
