/**
 * Go's `session.SharedConfigState`: whether `~/.aws/config` is read and whether the extended shared-config
 * keys (`region`, `role_arn`, `source_profile`, …) and `AWS_DEFAULT_REGION` / `AWS_DEFAULT_PROFILE` count.
 */
export const SharedConfigState = /* @__PURE__ */ Object.freeze({
  /** Decided by `AWS_SDK_LOAD_CONFIG` (Go's `SharedConfigStateFromEnv`, the default). */
  FromEnv: 0,
  /** Never read the config file, even with `AWS_SDK_LOAD_CONFIG=1` (Go's `SharedConfigDisable`). */
  Disable: 1,
  /** Always read it, as if `AWS_SDK_LOAD_CONFIG=1` were set (Go's `SharedConfigEnable`). */
  Enable: 2,
} as const);

/** One of the {@link SharedConfigState} values. */
export type SharedConfigState = (typeof SharedConfigState)[keyof typeof SharedConfigState];
