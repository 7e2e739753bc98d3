/**
 * Go's `strconv.ParseBool`: `1 t T TRUE true True` are true, `0 f F FALSE false False` are false,
 * anything else is `undefined` (Go returns an error, which callers of `AWS_SDK_LOAD_CONFIG` ignore).
 */
export function goParseBool(value: string | undefined): boolean | undefined {
  const v = value ?? "";
  return /^([1tT]|TRUE|[tT]rue)$/.test(v) ? true : /^([0fF]|FALSE|[fF]alse)$/.test(v) ? false : undefined;
}
