import type { CommandSpec } from "./CommandSpec.js";
import { configExplain } from "./configExplain.js";
import { configProfiles } from "./configProfiles.js";
import { s3Cp } from "./s3Cp.js";
import { s3Ls } from "./s3Ls.js";
import { s3Rm } from "./s3Rm.js";
import { stsAssumeRole } from "./stsAssumeRole.js";
import { whoami } from "./whoami.js";

/** Every command, in the order `--help` lists them. */
export const COMMANDS: readonly CommandSpec[] = Object.freeze([configExplain, configProfiles, whoami, stsAssumeRole, s3Ls, s3Cp, s3Rm]);
