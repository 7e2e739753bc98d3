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

/**
 * A credentials value whose secret fields stay readable (the signer needs them) but never show up in
 * `JSON.stringify`, `String()` or `util.inspect`. Methods sit on the prototype, so a value costs one object.
 */
class RedactedCredentialsValue implements CredentialsValue {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  // `declare`: an absent optional field must not exist at all (`"sessionToken" in v` is false).
  declare readonly sessionToken?: string;
  declare readonly expiration?: Date;
  readonly providerName: string;
  declare readonly accountId?: string;
  declare readonly credentialScope?: string;

  constructor(init: CredentialsValueInit) {
    this.accessKeyId = init.accessKeyId;
    this.secretAccessKey = init.secretAccessKey;
    if (init.sessionToken !== undefined) this.sessionToken = init.sessionToken;
    if (init.expiration !== undefined) this.expiration = init.expiration;
    this.providerName = init.providerName;
    if (init.accountId !== undefined) this.accountId = init.accountId;
    if (init.credentialScope !== undefined) this.credentialScope = init.credentialScope;
  }

  /** The value with its secrets replaced, for logs. */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {
      accessKeyId: this.accessKeyId,
      secretAccessKey: REDACTED,
    };
    if (this.sessionToken !== undefined) out.sessionToken = REDACTED;
    if (this.expiration !== undefined) out.expiration = this.expiration;
    out.providerName = this.providerName;
    if (this.accountId !== undefined) out.accountId = this.accountId;
    if (this.credentialScope !== undefined) out.credentialScope = this.credentialScope;
    return out;
  }

  toString(): string {
    return `[CredentialsValue ${this.providerName} ${this.accessKeyId}]`;
  }

  [inspectCustom](_depth: number, options: unknown, inspect?: InspectFn): string {
    const shown = this.toJSON();
    return `CredentialsValue ${inspect ? inspect(shown, options) : JSON.stringify(shown)}`;
  }
}

/**
 * Builds the value `Credentials.get()` resolves to. Providers should return one of these; values from other
 * providers are copied into one when cached, so secrets never leak through logging.
 */
export function createCredentialsValue(init: CredentialsValueInit): CredentialsValue {
  return new RedactedCredentialsValue(init);
}

/** True when `value` was built by {@link createCredentialsValue}. */
export function isRedactedCredentialsValue(value: unknown): value is CredentialsValue {
  return value instanceof RedactedCredentialsValue;
}
