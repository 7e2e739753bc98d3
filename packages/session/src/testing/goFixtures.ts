// Test helper: the Go v1 session fixtures (read by path from the conformance folder, never copied) and the
// environment Go's tests start from.
import { join } from "node:path";
import { conformanceDir } from "@sessionkit/test-env";
import type { Environment } from "../SessionOptions.js";

const found = conformanceDir();

/** Skip reason when the conformance data is missing (a visible skip; CI throws instead). */
export const goSkip: string | false = found.skip;

/** `aws-sdk-go/aws/session/` in the conformance folder (the cwd Go's tests run in). */
export const goSessionDir: string = join(found.value ?? "/nonexistent", "aws-sdk-go", "aws", "session");

/** A fixture under `aws/session/testdata/`. */
export function goFixture(name: string): string {
  return join(goSessionDir, "testdata", name);
}

/** `testdata/shared_config` and `testdata/shared_config_other` (Go's `testConfigFilename` / `testConfigOtherFilename`). */
export const testConfigFilename: string = goFixture("shared_config");
export const testConfigOtherFilename: string = goFixture("shared_config_other");

/**
 * Go's `initSessionTestEnv()`: an empty environment where both file variables name a file that does not
 * exist, plus the variables a case sets. HOME points nowhere, so nothing of the machine leaks in.
 */
export function goEnv(vars: Record<string, string> = {}): Environment {
  return {
    HOME: "/nonexistent-home",
    AWS_CONFIG_FILE: "file_not_exists",
    AWS_SHARED_CREDENTIALS_FILE: "file_not_exists",
    ...vars,
  };
}
