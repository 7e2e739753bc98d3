import { isSdkError } from "@sessionkit/errors";
import type {
  Clock,
  Credentials,
  CredentialsProvider,
  CredentialsValue,
  GetCredentialsOptions,
} from "@sessionkit/types";
import { createCredentialsValue, isRedactedCredentialsValue } from "./createCredentialsValue.js";
import { CredentialsError } from "./CredentialsError.js";
import { type InspectFn, inspectCustom } from "./inspectCustom.js";

/** Options of {@link createCredentials}. */
export interface CreateCredentialsOptions {
  /**
   * The value counts as expired this many milliseconds before its `expiration` (Go's `ExpiryWindow`),
   * so requests are never signed with credentials about to lapse. Default 0, as Go's session.
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
  const windowMs = options.expiryWindowMs ?? 0;
  const providerName = provider.name;

  let cached: Promise<CredentialsValue> | undefined;
  let value: CredentialsValue | undefined;
  // The adjusted expiry (expiration − window) in ms; Infinity for values that never expire.
  let refreshAtMs = Number.POSITIVE_INFINITY;
  let inflight: Promise<CredentialsValue> | undefined;

  const store = (raw: CredentialsValue): CredentialsValue => {
    const v = checkValue(raw, providerName);
    value = v;
    cached = Promise.resolve(v);
    refreshAtMs = v.expiration === undefined ? Number.POSITIVE_INFINITY : v.expiration.getTime() - windowMs;
    return v;
  };

  const refresh = (): Promise<CredentialsValue> => {
    // The shared retrieve gets no caller's signal: one caller giving up must not fail the others.
    const p = retrieveSafely(provider).then(
      (v) => {
        inflight = undefined;
        return store(v);
      },
      (err: unknown) => {
        inflight = undefined;
        // An early refresh (inside the expiry window) that fails keeps serving the old value while it is
        // really valid: an STS outage must not fail requests that still hold good credentials. The cache
        // stays due, so the next get() tries again. `expire()` drops the value, so it is never served then.
        const old = value;
        if (old?.expiration !== undefined && clock() < old.expiration.getTime()) return old;
        throw wrapFailure(err, providerName);
      },
    );
    inflight = p;
    return p;
  };

  const isExpired = (): boolean => value === undefined || clock() >= refreshAtMs;

  const get = (opts?: GetCredentialsOptions): Promise<CredentialsValue> => {
    if (cached !== undefined && clock() < refreshAtMs) return cached;
    const signal = opts?.signal;
    if (signal?.aborted) return Promise.reject(canceled(signal));
    const shared = inflight ?? refresh();
    return signal === undefined ? shared : waitOrAbort(shared, signal);
  };

  const expire = (): void => {
    value = undefined;
    cached = undefined;
    refreshAtMs = Number.POSITIVE_INFINITY;
  };
  const expiresAt = (): Date | undefined =>
    value === undefined || refreshAtMs === Number.POSITIVE_INFINITY ? undefined : new Date(refreshAtMs);
  const shown = (): Record<string, unknown> => describe(providerName, isExpired(), value === undefined ? undefined : expiresAt());

  const callable = (_identityProperties?: Record<string, unknown>): Promise<CredentialsValue> => get();
  const credentials: Credentials = Object.assign(callable, { get, isExpired, expire, expiresAt, providerName });
  // Logging a Credentials object shows its state, never the cached value.
  Object.defineProperties(credentials, {
    toJSON: { value: shown },
    toString: { value: () => `[Credentials ${providerName}]` },
    [inspectCustom]: {
      value: (_depth: number, o: unknown, inspect?: InspectFn) =>
        `Credentials ${inspect ? inspect(shown(), o) : JSON.stringify(shown())}`,
    },
  });
  return credentials;
}

/** What logs see of a `Credentials` object: never the cached value. */
function describe(providerName: string, expired: boolean, expiresAt: Date | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = { providerName, expired };
  if (expiresAt !== undefined) out.expiresAt = expiresAt.toISOString();
  return out;
}

/** Calls `retrieve` so that a synchronous throw becomes a rejection. */
function retrieveSafely(provider: CredentialsProvider): Promise<CredentialsValue> {
  try {
    return Promise.resolve(provider.retrieve());
  } catch (err) {
    return Promise.reject(err);
  }
}

/** Rejects a provider's malformed value with a typed error, and copies foreign values into redacted ones. */
function checkValue(raw: CredentialsValue, providerName: string): CredentialsValue {
  if (isRedactedCredentialsValue(raw)) {
    if (raw.expiration === undefined || Number.isFinite(raw.expiration.getTime())) return raw;
  }
  const v: Partial<CredentialsValue> | null | undefined = raw;
  if (
    v === null ||
    typeof v !== "object" ||
    typeof v.accessKeyId !== "string" ||
    typeof v.secretAccessKey !== "string" ||
    (v.sessionToken !== undefined && typeof v.sessionToken !== "string")
  ) {
    throw new CredentialsError(
      "CredentialsValueInvalid",
      `provider ${providerName} returned no accessKeyId/secretAccessKey strings`,
    );
  }
  if (v.expiration !== undefined && !(v.expiration instanceof Date && Number.isFinite(v.expiration.getTime()))) {
    throw new CredentialsError("CredentialsValueInvalid", `provider ${providerName} returned an invalid expiration`);
  }
  return createCredentialsValue({
    accessKeyId: v.accessKeyId,
    secretAccessKey: v.secretAccessKey,
    sessionToken: v.sessionToken,
    expiration: v.expiration,
    providerName: typeof v.providerName === "string" && v.providerName !== "" ? v.providerName : providerName,
    accountId: v.accountId,
    credentialScope: v.credentialScope,
  });
}

/** Provider failures keep their typed error; anything else becomes one, naming the provider. */
function wrapFailure(err: unknown, providerName: string): Error {
  if (isSdkError(err)) return err;
  const why = err instanceof Error ? err.message : String(err);
  return new CredentialsError("CredentialsRetrieveError", `provider ${providerName} failed: ${why}`, { cause: err });
}

function canceled(signal: AbortSignal): CredentialsError {
  return new CredentialsError("RequestCanceled", "request context canceled", { cause: signal.reason });
}

/** Waits for the shared refresh, or rejects as soon as this caller's signal aborts. */
function waitOrAbort(shared: Promise<CredentialsValue>, signal: AbortSignal): Promise<CredentialsValue> {
  return new Promise<CredentialsValue>((resolve, reject) => {
    const onAbort = (): void => reject(canceled(signal));
    signal.addEventListener("abort", onAbort, { once: true });
    shared.then(
      (v) => {
        signal.removeEventListener("abort", onAbort);
        resolve(v);
      },
      (err: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(err);
      },
    );
  });
}
