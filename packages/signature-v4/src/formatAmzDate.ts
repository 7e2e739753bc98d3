import { SigningError } from "./SigningError.js";

// Documented cache: the last formatted second. Signing many requests in the same second is the norm.
let lastSecond = Number.NaN;
let lastValue = "";

/** `20150830T123600Z` for a time in milliseconds since the epoch (seconds are truncated). */
export function formatAmzDate(ms: number): string {
  const second = Math.floor(ms / 1000);
  if (second !== lastSecond) {
    const d = new Date(second * 1000);
    const year = d.getUTCFullYear();
    if (!(year >= 0 && year <= 9999)) {
      throw new SigningError("InvalidSigningDate", `cannot sign at time ${String(ms)}: not a date between years 0 and 9999`);
    }
    lastValue = d.toISOString().replace(/[-:]|\.\d+/g, ""); // 2015-08-30T12:36:00.000Z → 20150830T123600Z
    lastSecond = second;
  }
  return lastValue;
}
