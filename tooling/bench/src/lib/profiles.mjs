// Shared config files with N profiles in a throwaway HOME; the target profile is the last one (worst case for a scan).
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export function makeProfiles(count) {
  const home = mkdtempSync(join(tmpdir(), `sk-bench-profiles-${count}-`));
  mkdirSync(join(home, ".aws"));
  const config = [];
  const creds = [];
  for (let i = 0; i < count; i++) {
    const id = String(i).padStart(6, "0");
    config.push(`[profile p${id}]\nregion = us-west-2\noutput = json\n`);
    creds.push(`[p${id}]\naws_access_key_id = AKIABENCH${id}XXXXX\naws_secret_access_key = benchSecret${id}000000000000000000000000000\n`);
  }
  writeFileSync(join(home, ".aws", "config"), config.join("\n"));
  writeFileSync(join(home, ".aws", "credentials"), creds.join("\n"));
  return { home, profile: `p${String(count - 1).padStart(6, "0")}` };
}
