import { SigningError } from "./SigningError.js";

// Documented cache: the last formatted second. Signing many requests in the same second is the norm.
let lastSecond: number | undefined;
let lastValue = "";

/** `20150830T123600Z` for a time in milliseconds since the epoch (seconds are truncated). */
export function formatAmzDate(ms: number): string {
  const second = Math.floor(ms / 1000);
  if (second !== lastSecond) {
    // 0000-01-01T00:00:00Z up to 9999-12-31T23:59:59Z, in seconds (also false for NaN).
    if (!(second >= -62_167_219_200 && second < 253_402_300_800)) {
      throw new SigningError("InvalidSigningDate", `cannot sign at time ${ms}: not a date in years 0-9999`);
    }
    lastValue = new Date(second * 1000).toISOString().replace(/[-:]|\.\d+/g, ""); // 2015-08-30T12:36:00.000Z → 20150830T123600Z
    lastSecond = second;
  }
  return lastValue;
}
