// The `sessionkit` binary: runs one command line and exits with its code (0 ok, 1 runtime error, 2 usage).
import { runCli } from "./runCli.js";

const code = await runCli(process.argv.slice(2));
if (process.env.SESSIONKIT_REPORT_MAX_RSS === "1") {
  // For memory tests: the peak resident set of the whole run, in KiB.
  process.stderr.write(`sessionkit: maxRSS ${process.resourceUsage().maxRSS} KiB\n`);
}
process.exitCode = code;
