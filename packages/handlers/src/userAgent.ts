declare const __SESSIONKIT_VERSION__: string | undefined;

/** This package's version, stamped in at build time (tests running from source see `0.0.0-dev`). */
export const SDK_VERSION: string = typeof __SESSIONKIT_VERSION__ === "string" ? __SESSIONKIT_VERSION__ : "0.0.0-dev";

interface ProcessLike {
  versions?: { node?: string };
}

/** `sessionkit/<version> node/<version>` (or `browser`), computed once: it never changes in a process. */
export const USER_AGENT = /* @__PURE__ */ ((node: string | undefined): string => `sessionkit/${SDK_VERSION} ${node === undefined ? "browser" : `node/${node}`}`)(
  (globalThis as { process?: ProcessLike }).process?.versions?.node,
);
