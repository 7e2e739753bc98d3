import { settingField } from "./settingField.js";

// The shared config keys read into fields, in the order the fields are set (explain lists them in that order), as
// flat `key, field, type` triples (one string split at `:`: fewer bytes than an array of literals, and an index loop
// stays fast before V8 optimizes it). Without a field, the field is the key camel-cased (settingField); the types
// are settingValue's, and `v` is the services section name. Keys after `ALWAYS` (upper case: never a property
// key, which are lower-cased) are read even with shared config off.
export const KEYS = /* @__PURE__ */ (
  "region:::role_arn:::external_id:::mfa_serial:::role_session_name:::source_profile:sourceProfileName::" +
  "credential_source:::ca_bundle:::sso_session:ssoSessionName::sso_account_id:::sso_region:::sso_role_name:::" +
  "sso_start_url:::ec2_metadata_service_endpoint:::endpoint_url:::duration_seconds::d:sts_regional_endpoints::r:" +
  "s3_us_east_1_regional_endpoint::r:ec2_metadata_service_endpoint_mode::m:ec2_metadata_v1_disabled::b:" +
  "use_dualstack_endpoint:useDualStackEndpoint:b:use_fips_endpoint::b:ignore_configured_endpoint_urls::b:" +
  "services::v:ALWAYS:::credential_process:::web_identity_token_file:::csm_host:::csm_port:::csm_client_id:::" +
  "endpoint_discovery_enabled::b:csm_enabled::b:s3_use_arn_region::b"
).split(":");

/**
 * The offsets in KEYS of the keys named (space-separated), in that order, so code can read settings by key name
 * and a reordered KEYS cannot shift them. A key missing from KEYS is a bug here, caught at load by any test.
 */
/* @__NO_SIDE_EFFECTS__ */ export function keyOffsets(keys: string): number[] {
  return keys.split(" ").map((key) => {
    for (let i = 0; i < KEYS.length; i += 3) if (KEYS[i] === key) return i;
    throw new Error(`sharedConfigKeys: no key ${key}`);
  });
}

/** The field of the KEYS entry at offset `i`. */
export const keyField = (i: number): string =>
  (KEYS[i + 1] as string) || settingField(KEYS[i] as string);
