import type { CredentialsValue } from "@sessionkit/types";
import { type InspectFn, inspectCustom, REDACTED } from "./inspectCustom.js";

/** The fields of a credentials value as a provider produces them. */
export interface CredentialsValueInit {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
  readonly expiration?: Date;
  readonly providerName: string;
  readonly accountId?: string;
  readonly credentialScope?: string;
}

// The fields a value keeps, in this order; an absent optional field does not exist at all
// (`"sessionToken" in v` is false).
const FIELDS = ["accessKeyId", "secretAccessKey", "sessionToken", "expiration", "providerName", "accountId", "credentialScope"] as const;
const SECRETS = ["secretAccessKey", "sessionToken"] as const;

/**
 * A credentials value whose secret fields stay readable (the signer needs them) but never show up in
 * `JSON.stringify`, `String()` or `util.inspect`. Methods sit on the prototype, so a value costs one object.
 */
export class RedactedCredentialsValue implements CredentialsValue {
  declare readonly accessKeyId: string;
  declare readonly secretAccessKey: string;
  declare readonly sessionToken?: string;
  declare readonly expiration?: Date;
  declare readonly providerName: string;
  declare readonly accountId?: string;
  declare readonly credentialScope?: string;

  constructor(init: CredentialsValueInit) {
    for (const k of FIELDS) if (init[k] !== undefined) (this as Record<string, unknown>)[k] = init[k];
  }

  /** The value with its secrets replaced, for logs. */
  toJSON(): Record<string, unknown> {
    // An allow-list: a field added to the object later (by a subclass or a caller) is not printed, secret or not.
    const out: Record<string, unknown> = {};
    for (const k of FIELDS) if (this[k] !== undefined) out[k] = (SECRETS as readonly string[]).includes(k) ? REDACTED : this[k];
    return out;
  }

  toString(): string {
    return `[CredentialsValue ${this.providerName} ${this.accessKeyId}]`;
  }

  [inspectCustom](_depth: number, options: unknown, inspect?: InspectFn): string {
    return shownAs("CredentialsValue", this.toJSON(), options, inspect);
  }
}

/** What `util.inspect` shows for a redacting object: its label and its log form. */
export function shownAs(label: string, shown: unknown, options: unknown, inspect?: InspectFn): string {
  return `${label} ${inspect ? inspect(shown, options) : JSON.stringify(shown)}`;
}

/**
 * Builds the value `Credentials.get()` resolves to. Providers should return one of these; values from other
 * providers are copied into one when cached, so secrets never leak through logging.
 */
export function createCredentialsValue(init: CredentialsValueInit): CredentialsValue {
  return new RedactedCredentialsValue(init);
}
