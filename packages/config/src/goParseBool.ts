/**
 * Go's `strconv.ParseBool`: `1 t T TRUE true True` are true, `0 f F FALSE false False` are false,
 * anything else is `undefined` (Go returns an error, which callers of `AWS_SDK_LOAD_CONFIG` ignore).
 */
export function goParseBool(value: string | undefined): boolean | undefined {
  switch (value) {
    case "1":
    case "t":
    case "T":
    case "TRUE":
    case "true":
    case "True":
      return true;
    case "0":
    case "f":
    case "F":
    case "FALSE":
    case "false":
    case "False":
      return false;
    default:
      return undefined;
  }
}
