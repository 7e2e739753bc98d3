import type { Credentials, CredentialsValue } from "@sessionkit/types";
import { credentialsObject } from "./credentialsObject.js";
import { emptyStaticCreds, type StaticKeys, staticValue } from "./staticProvider.js";

/**
 * Credentials for fixed keys (Go's `credentials.NewStaticCredentials`). They never expire. Empty keys make
 * `get()` reject with `EmptyStaticCreds: static credentials are empty`.
 *
 * Not a `createCredentials` cache: a fixed value needs no refresh, expiry window or shared in-flight retrieve,
 * and apps that only sign with fixed keys (a browser app) then carry none of that code. As in Go, it counts
 * as expired until the first successful `get()` and again after `expire()`.
 */
export function staticCredentials(keys: StaticKeys, providerName?: string): Credentials {
  const name = providerName || "StaticProvider";
  const value = staticValue(keys, name);
  const ready = value && Promise.resolve<CredentialsValue>(value);
  let got = false;
  const get = (): Promise<CredentialsValue> => {
    if (!ready) return Promise.reject(emptyStaticCreds());
    got = true;
    return ready;
  };
  const expire = (): void => {
    got = false;
  };
  return credentialsObject({ get, isExpired: () => !got, expire, expiresAt: () => undefined }, name);
}
