import { SdkError } from "@sessionkit/errors";

/**
 * A command line the CLI cannot run: an unknown command or flag, a missing or extra argument, a bad value.
 * The CLI prints it with the command's usage and exits with 2.
 */
export class UsageError extends SdkError {
  /** The command whose usage should be shown (`"s3 cp"`), or `undefined` for the main usage. */
  readonly command: string | undefined;

  constructor(message: string, command?: string) {
    super("UsageError", message);
    this.command = command;
  }
}
