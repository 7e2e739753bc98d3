// True spellings first, then false (one string split once: fewer bytes than a switch, no pattern to compile).
const SPELLINGS = /* @__PURE__ */ "1:t:T:TRUE:true:True:0:f:F:FALSE:false:False".split(":");

/**
 * Go's `strconv.ParseBool`: `1 t T TRUE true True` are true, `0 f F FALSE false False` are false,
 * anything else is `undefined` (Go returns an error, which callers of `AWS_SDK_LOAD_CONFIG` ignore).
 */
export function goParseBool(value: string | undefined): boolean | undefined {
  const i = SPELLINGS.indexOf(value ?? "");
  return i < 0 ? undefined : i < 6;
}
