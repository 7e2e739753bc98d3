import { SDK_VERSION } from "./sdkVersion.js";

export { SDK_VERSION };

interface ProcessLike {
  versions?: { node?: string };
}

/** `sessionkit/<version> node/<version>` (or `browser`), computed once: it never changes in a process. */
export const USER_AGENT = /* @__PURE__ */ ((node: string | undefined): string => `sessionkit/${SDK_VERSION} ${node === undefined ? "browser" : `node/${node}`}`)(
  (globalThis as { process?: ProcessLike }).process?.versions?.node,
);
