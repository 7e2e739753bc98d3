/**
 * A timeout as a timer can hold it: a positive number of milliseconds under 2^31 stays, anything else (unset, 0,
 * negative, NaN, Infinity, past 24.8 days) means none. A longer timer fires at once, and `socket.setTimeout`
 * throws a bare RangeError for Infinity, NaN or a negative value.
 */
export const timerMs = (ms: number | undefined): number | undefined => ((ms as number) > 0 && (ms as number) < 2 ** 31 ? ms : undefined);
