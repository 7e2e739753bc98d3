import type { FlagSpec } from "./parseArgs.js";

/** Flags every command accepts. */
export const COMMON_FLAGS: readonly FlagSpec[] = Object.freeze([
  { name: "profile", type: "string", valueName: "NAME", description: "profile to use (beats AWS_PROFILE)" },
  { name: "region", type: "string", valueName: "REGION", description: "region to use (beats AWS_REGION and the profile)" },
  { name: "endpoint-url", type: "string", valueName: "URL", description: "send requests to this endpoint (e.g. a local Ceph RGW)" },
  { name: "output", type: "string", valueName: "json|text", choices: ["json", "text"], description: "result format (default text)" },
  { name: "debug", type: "boolean", description: "log every request and response to stderr (secrets redacted); stack traces on errors" },
  { name: "help", type: "boolean", description: "show this help" },
] satisfies FlagSpec[]);

/** `--version`, accepted only without a command. */
export const VERSION_FLAG: FlagSpec = { name: "version", type: "boolean", description: "print the version" };
