/** Error codes that always mean "your clock is off" (S3, STS, and the JSON/query services). */
const SKEW_CODES: ReadonlySet<string> = /* @__PURE__ */ new Set([
  "RequestTimeTooSkewed",
  "RequestExpired",
  "RequestInTheFuture",
]);
/** Codes that mean it only when the server's clock really is far from ours. */
const MAYBE_SKEW_CODES: ReadonlySet<string> = /* @__PURE__ */ new Set([
  "InvalidSignatureException",
  "SignatureDoesNotMatch",
  "AuthFailure",
]);

/** AWS rejects signatures more than 15 minutes off; 5 minutes of difference already counts as skew. */
export const SKEW_THRESHOLD_MS = 5 * 60_000;

/**
 * True when `code` says the signing time was rejected. For the ambiguous codes (`SignatureDoesNotMatch`,
 * `InvalidSignatureException`, `AuthFailure`) the measured `skewMs` must also exceed {@link SKEW_THRESHOLD_MS}.
 */
export function isClockSkewError(code: string | undefined, skewMs = 0): boolean {
  if (code === undefined) return false;
  if (SKEW_CODES.has(code)) return true;
  return MAYBE_SKEW_CODES.has(code) && Math.abs(skewMs) > SKEW_THRESHOLD_MS;
}

/** Milliseconds since the epoch for an HTTP `Date` header value (or a Date/number), NaN when unreadable. */
export function parseServerDate(value: string | number | Date | undefined): number {
  if (value === undefined) return Number.NaN;
  if (typeof value === "number") return value;
  if (value instanceof Date) return value.getTime();
  return Date.parse(value);
}

/**
 * Clock offsets per endpoint: `server time − local time` in milliseconds, learned from the `Date` header
 * of a response that rejected the signing time and added to the clock when signing for that endpoint.
 * Bounded: past `maxEndpoints` the oldest endpoint is forgotten (and signs with offset 0 again).
 */
export class ClockSkew {
  readonly maxEndpoints: number;
  readonly #offsets = new Map<string, number>();

  constructor(maxEndpoints = 100) {
    this.maxEndpoints = Math.max(1, Math.floor(maxEndpoints));
  }

  /** The offset to add to the local clock for `endpoint`; 0 when none was learned. */
  offset(endpoint: string): number {
    return this.#offsets.get(endpoint) ?? 0;
  }

  set(endpoint: string, offsetMs: number): void {
    if (!Number.isFinite(offsetMs)) return;
    this.#offsets.delete(endpoint);
    if (offsetMs === 0) return;
    this.#offsets.set(endpoint, offsetMs);
    if (this.#offsets.size > this.maxEndpoints) {
      const oldest = this.#offsets.keys().next();
      if (oldest.done !== true) this.#offsets.delete(oldest.value);
    }
  }

  /**
   * Learns the offset from a server date seen at local time `now`. Returns the new offset, or undefined
   * when the date is unreadable (the old offset then stays).
   */
  update(endpoint: string, serverDate: string | number | Date | undefined, now: number): number | undefined {
    const server = parseServerDate(serverDate);
    if (!Number.isFinite(server) || !Number.isFinite(now)) return undefined;
    const offset = server - now;
    this.set(endpoint, offset);
    return offset;
  }

  clear(): void {
    this.#offsets.clear();
  }

  get size(): number {
    return this.#offsets.size;
  }
}

/** The process-wide offsets the pipeline handlers share unless given another `ClockSkew`. */
export const defaultClockSkew: ClockSkew = /* @__PURE__ */ new ClockSkew();
