/** Node's `util.inspect.custom`, reached through the global registry so browser bundles need no `node:util`. */
export const inspectCustom: unique symbol = /* @__PURE__ */ Symbol.for("nodejs.util.inspect.custom") as never;

/** What `util.inspect` passes as its third argument to a custom inspector. */
export type InspectFn = (value: unknown, options?: unknown) => string;

/** Shown instead of a secret in logs, JSON and `util.inspect` output. */
export const REDACTED = "<redacted>";
