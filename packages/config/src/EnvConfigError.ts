import { SdkError } from "@sessionkit/errors";

/** An environment variable with a value Go rejects; `variable` names it and the message is Go's. */
export class EnvConfigError extends SdkError {
  declare readonly variable: string;

  constructor(variable: string, message: string) {
    super("EnvConfigError", message);
    this.variable = variable;
  }
}
