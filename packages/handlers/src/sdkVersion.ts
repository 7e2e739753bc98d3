declare const __SESSIONKIT_VERSION__: string | undefined;

/** This package's version, stamped in at build time (tests running from source see `0.0.0-dev`). */
export const SDK_VERSION: string = typeof __SESSIONKIT_VERSION__ === "string" ? __SESSIONKIT_VERSION__ : "0.0.0-dev";
