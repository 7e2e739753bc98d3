import { formatSource, type ValueSource } from "@sessionkit/config";

// The CLI turns its flags into session options; explain names the flag, not the option.
const FLAG_FOR_OPTION: Readonly<Record<string, string>> = {
  "config.region": "flag --region",
  "config.endpoint": "flag --endpoint-url",
  endpoint: "flag --endpoint-url",
  "config.logLevel": "flag --debug",
  "config.logger": "flag --debug",
  profile: "flag --profile",
  sharedConfigState: "sessionkit always reads ~/.aws/config (SharedConfigState.Enable)",
};

/**
 * Where a value came from, as `config explain` prints it: `flag --region`, `env AWS_REGION`,
 * `/home/me/.aws/config:3 [dev] region`, `default (…)`.
 */
export function describeSource(source: ValueSource): string {
  if (source.source === "code") return FLAG_FOR_OPTION[source.option] ?? formatSource(source);
  return formatSource(source);
}
