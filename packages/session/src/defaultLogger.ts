import type { Logger } from "@sessionkit/types";

/** Go's `aws.NewDefaultLogger()`: every line to standard output (`console.log`). */
class DefaultLogger implements Logger {
  log(...args: unknown[]): void {
    console.log(...args);
  }
}

/** The logger of sessions that name none. */
export const defaultLogger: Logger = /* @__PURE__ */ Object.freeze(new DefaultLogger());
