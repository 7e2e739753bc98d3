import { newSessionWithOptions, type Session, SharedConfigState } from "@sessionkit/session";
import type { Config, Logger } from "@sessionkit/types";
import type { CliIO } from "./CliIO.js";
import { stringFlag } from "./CommandSpec.js";
import { mfaTokenProvider } from "./mfaTokenProvider.js";
import type { FlagValues } from "./parseArgs.js";

// Go's aws.LogLevelType bits (the named constants live in @sessionkit/handlers).
const LOG_DEBUG = 0x1000;
const LOG_WITH_HTTP_BODY = 0x0002;
const LOG_WITH_RETRIES = 0x0004;
const LOG_WITH_ERRORS = 0x0008;

/** `--debug`: requests, responses (with bodies), retries and failed attempts, all redacted. */
export const DEBUG_LOG_LEVEL = LOG_DEBUG | LOG_WITH_HTTP_BODY | LOG_WITH_RETRIES | LOG_WITH_ERRORS;
/** `--debug` for transfers: no bodies, since logging a body means holding all of it in memory. */
export const DEBUG_LOG_LEVEL_NO_BODY = LOG_DEBUG | LOG_WITH_RETRIES | LOG_WITH_ERRORS;

/** Writes each log message to stderr (the handlers redact before logging). */
export function stderrLogger(io: Pick<CliIO, "stderr">): Logger {
  return { log: (...args: unknown[]) => io.stderr.write(`${args.map(String).join(" ")}\n`) };
}

/** The code options the common flags stand for. */
export function configFromFlags(flags: FlagValues, io: CliIO): Config {
  const config: Config = {};
  const region = stringFlag(flags, "region");
  const endpoint = stringFlag(flags, "endpoint-url");
  if (region !== undefined) config.region = region;
  if (endpoint !== undefined) config.endpoint = endpoint;
  if (flags.get("debug") === true) {
    config.logLevel = DEBUG_LOG_LEVEL;
    config.logger = stderrLogger(io);
  }
  return config;
}

/**
 * The session a command runs with: `--profile` as the session's profile (an unknown one is an error naming
 * the files searched), `--region` / `--endpoint-url` as code options, shared config always enabled (as the
 * AWS CLI reads ~/.aws/config), and MFA codes from `SESSIONKIT_MFA_CODE` or a terminal prompt.
 */
export function createCliSession(flags: FlagValues, io: CliIO): Session {
  const profile = stringFlag(flags, "profile");
  return newSessionWithOptions({
    ...(profile === undefined ? {} : { profile }),
    sharedConfigState: SharedConfigState.Enable,
    config: configFromFlags(flags, io),
    assumeRoleTokenProvider: mfaTokenProvider({ env: io.env, stdin: io.stdin, stderr: io.stderr }),
    env: io.env,
  });
}
