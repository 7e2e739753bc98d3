import { SdkError } from "@sessionkit/errors";

/**
 * A config or credentials file that breaks the profile-file grammar. `reason` uses the cross-SDK
 * wording (e.g. `Expected an '=' sign defining a property`); `line` is 1-based; `path` is set when the
 * text came from disk. The message never quotes the offending line: it may hold a secret.
 */
export class SharedConfigParseError extends SdkError {
  declare readonly reason: string;
  declare readonly line: number;
  declare readonly path?: string;

  /** `label` names the input in the message when there is no path (e.g. `config file`). */
  constructor(reason: string, line: number, path?: string, label = "<text>") {
    super("SharedConfigParseError", `${reason}, ${path ?? label} line ${line}`);
    this.reason = reason;
    this.line = line;
    this.path = path;
  }
}
