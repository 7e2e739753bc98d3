import { isSdkError, onAbort } from "@sessionkit/errors";
import type {
  Clock,
  Credentials,
  CredentialsProvider,
  CredentialsValue,
  GetCredentialsOptions,
} from "@sessionkit/types";
import { RedactedCredentialsValue } from "./createCredentialsValue.js";
import { CredentialsError } from "./CredentialsError.js";
import { credentialsObject } from "./credentialsObject.js";

/** Options of {@link createCredentials}. */
export interface CreateCredentialsOptions {
  /**
   * The value counts as expired this many milliseconds before its `expiration` (Go's `ExpiryWindow`),
   * so requests are never signed with credentials about to lapse. Default 0, as Go's session; as in Go, a window
   * that is not positive (negative, `NaN`) is none.
   */
  readonly expiryWindowMs?: number;
  /** Milliseconds since the epoch; inject to control time in tests. Default `Date.now`. */
  readonly clock?: Clock;
}

/**
 * Wraps a provider in a cache (Go's `credentials.NewCredentials`). The result is callable, so it works
 * wherever an `@smithy/types` `AwsCredentialIdentityProvider` is accepted; the call ignores identity
 * properties and behaves as `get()`.
 *
 * - The first `get()` retrieves; later calls return the cached value until it expires.
 * - Concurrent callers share exactly one in-flight `retrieve()`.
 * - A failed retrieve rejects every waiter and is not cached: the next `get()` retries. Inside the expiry
 *   window, while the old value's real `expiration` is still ahead, waiters get the old value instead (and
 *   the next `get()` retries the refresh).
 * - A caller's `AbortSignal` ends only that caller's wait (`RequestCanceled`); the shared retrieve goes on.
 */
export function createCredentials(provider: CredentialsProvider, options: CreateCredentialsOptions = {}): Credentials {
  const clock = options.clock ?? Date.now;
  // Only a positive window counts, as in Go's SetExpiration: a negative one served keys past their expiration, NaN
  // cached nothing.
  const windowMs = ((options.expiryWindowMs as number) > 0 && options.expiryWindowMs) || 0;
  const providerName = provider.name;

  let cached: Promise<CredentialsValue> | undefined;
  let value: CredentialsValue | undefined;
  // The adjusted expiry (expiration − window) in ms; Infinity for values that never expire.
  let refreshAtMs = Infinity;
  let inflight: Promise<CredentialsValue> | undefined;

  const refresh = (): Promise<CredentialsValue> => {
    // The shared retrieve gets no caller's signal: one caller giving up must not fail the others. A
    // synchronous throw of `retrieve` becomes a rejection.
    inflight = new Promise<CredentialsValue>((resolve) => resolve(provider.retrieve())).then(
      (raw) => {
        inflight = undefined;
        const v = checkValue(raw, providerName);
        value = v;
        cached = Promise.resolve(v);
        refreshAtMs = v.expiration ? v.expiration.getTime() - windowMs : Infinity;
        return v;
      },
      (err: unknown) => {
        inflight = undefined;
        // An early refresh (inside the expiry window) that fails keeps serving the old value while it is
        // really valid: an STS outage must not fail requests that still hold good credentials. The cache
        // stays due, so the next get() tries again. `expire()` drops the value, so it is never served then.
        const old = value;
        if (old !== undefined && clock() < Number(old.expiration)) return old;
        throw isSdkError(err)
          ? err
          : new CredentialsError("CredentialsRetrieveError", `provider ${providerName} failed: ${err instanceof Error ? err.message : String(err)}`, {
              cause: err,
            });
      },
    );
    return inflight;
  };

  // Values that never expire (refreshAtMs = Infinity) skip the clock: the signer asks on every request.
  const fresh = (): boolean => refreshAtMs === Infinity || clock() < refreshAtMs;
  const isExpired = (): boolean => value === undefined || !fresh();

  const get = (opts?: GetCredentialsOptions): Promise<CredentialsValue> => {
    if (cached && fresh()) return cached;
    const signal = opts?.signal;
    if (signal?.aborted) return Promise.reject(canceled(signal));
    const shared = inflight ?? refresh();
    return signal ? waitOrAbort(shared, signal) : shared;
  };

  const expire = (): void => {
    value = cached = undefined;
    refreshAtMs = Infinity;
  };
  // Nothing cached (or expire()d) leaves refreshAtMs at Infinity too.
  const expiresAt = (): Date | undefined => (refreshAtMs === Infinity ? undefined : new Date(refreshAtMs));
  return credentialsObject({ get, isExpired, expire, expiresAt }, providerName);
}

/** Rejects a provider's malformed value with a typed error, and copies foreign values into redacted ones. */
function checkValue(raw: CredentialsValue, providerName: string): CredentialsValue {
  const v: Partial<CredentialsValue> | null | undefined = raw;
  const wrong =
    typeof v?.accessKeyId !== "string" ||
    typeof v.secretAccessKey !== "string" ||
    (v.sessionToken !== undefined && typeof v.sessionToken !== "string")
      ? "no accessKeyId/secretAccessKey strings"
      : v.expiration !== undefined && !(v.expiration instanceof Date && v.expiration.getTime() < Infinity)
      ? "an invalid expiration"
      : undefined;
  if (wrong !== undefined) throw new CredentialsError("CredentialsValueInvalid", `provider ${providerName} returned ${wrong}`);
  if (v instanceof RedactedCredentialsValue) return v;
  // Only the known fields are copied (see createCredentialsValue); a foreign value without a name gets the provider's.
  return new RedactedCredentialsValue({ ...(v as CredentialsValue), providerName: (typeof v.providerName === "string" && v.providerName) || providerName });
}

function canceled(signal: AbortSignal): CredentialsError {
  return new CredentialsError("RequestCanceled", "request context canceled", { cause: signal.reason });
}

/** Waits for the shared refresh, or rejects as soon as this caller's signal aborts. */
function waitOrAbort(shared: Promise<CredentialsValue>, signal: AbortSignal): Promise<CredentialsValue> {
  return new Promise<CredentialsValue>((resolve, reject) => {
    // One listener on the signal however many callers wait on it (onAbort): Node warns past 10.
    const abort = (): void => reject(canceled(signal));
    onAbort(signal, abort, true);
    shared.then(resolve, reject).finally(() => onAbort(signal, abort));
  });
}
