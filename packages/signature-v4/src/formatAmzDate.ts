import { SigningError } from "./SigningError.js";

// Documented cache: the last formatted second. Signing many requests in the same second is the norm.
let lastSecond = Number.NaN;
let lastValue = "";

/** `20150830T123600Z` for a time in milliseconds since the epoch (seconds are truncated). */
export function formatAmzDate(ms: number): string {
  const second = Math.floor(ms / 1000);
  if (second === lastSecond) return lastValue;
  const d = new Date(second * 1000);
  const year = d.getUTCFullYear();
  if (!Number.isFinite(second) || year < 0 || year > 9999) {
    throw new SigningError("InvalidSigningDate", `cannot sign at time ${String(ms)}: not a date between years 0 and 9999`);
  }
  const iso = d.toISOString(); // 2015-08-30T12:36:00.000Z
  const value = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
  lastSecond = second;
  lastValue = value;
  return value;
}
