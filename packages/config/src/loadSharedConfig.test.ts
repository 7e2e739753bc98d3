import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { isSdkError } from "@sessionkit/errors";
import { conformanceDir } from "@sessionkit/test-env";
import { loadSharedConfig, type ProfileChain, profileChain, type SharedConfig, SharedConfigFileCache } from "./index.js";

// Go v1's own session fixtures, with the expectations of its TestLoadSharedConfig,
// TestLoadSharedConfigFromFile and TestSharedConfigCredentialSource restated as data. The files are
// passed as an explicit list (Go's `SharedConfigFiles`), so they are read with kind `any`.
const dir = conformanceDir();
const testdata = join(dir.value ?? "", "aws-sdk-go/aws/session/testdata");
const CONFIG = join(testdata, "shared_config");
const OTHER = join(testdata, "shared_config_other");
const SOURCES = join(testdata, "credential_source_config");
const INVALID = join(testdata, "shared_config_invalid_ini");

/** Go's `sharedConfig` struct, with only the fields that are set. */
function goView(cfg: SharedConfig): Record<string, unknown> {
  const out: Record<string, unknown> = { Profile: cfg.profile };
  const fields: [string, { value: unknown } | undefined][] = [
    ["Region", cfg.region],
    ["RoleARN", cfg.roleArn],
    ["ExternalID", cfg.externalId],
    ["MFASerial", cfg.mfaSerial],
    ["RoleSessionName", cfg.roleSessionName],
    ["SourceProfileName", cfg.sourceProfileName],
    ["CredentialSource", cfg.credentialSource],
    ["CredentialProcess", cfg.credentialProcess],
    ["WebIdentityTokenFile", cfg.webIdentityTokenFile],
    ["AssumeRoleDuration", cfg.durationSeconds],
    ["STSRegionalEndpoint", cfg.stsRegionalEndpoints],
    ["S3UsEast1RegionalEndpoint", cfg.s3UsEast1RegionalEndpoint],
    ["S3UseARNRegion", cfg.s3UseArnRegion],
    ["SSOSessionName", cfg.ssoSessionName],
    ["SSOAccountID", cfg.ssoAccountId],
    ["SSORegion", cfg.ssoRegion],
    ["SSORoleName", cfg.ssoRoleName],
    ["SSOStartURL", cfg.ssoStartUrl],
    ["EC2IMDSEndpoint", cfg.ec2MetadataServiceEndpoint],
    ["EC2IMDSEndpointMode", cfg.ec2MetadataServiceEndpointMode],
    ["EC2IMDSv1Disabled", cfg.ec2MetadataV1Disabled],
    ["UseDualStackEndpoint", cfg.useDualStackEndpoint],
    ["UseFIPSEndpoint", cfg.useFipsEndpoint],
  ];
  for (const [k, v] of fields) if (v !== undefined && v.value !== "") out[k] = v.value;
  if (cfg.credentials !== undefined) {
    out.Creds = {
      AccessKeyID: cfg.credentials.accessKeyId.value,
      SecretAccessKey: cfg.credentials.secretAccessKey.value,
      ...(cfg.credentials.sessionToken === undefined ? {} : { SessionToken: cfg.credentials.sessionToken.value }),
      ProviderName: cfg.credentials.providerName,
    };
  }
  if (cfg.ssoSession !== undefined) {
    out.SSOSession = {
      Name: cfg.ssoSession.name,
      SSORegion: cfg.ssoSession.ssoRegion?.value,
      SSOStartURL: cfg.ssoSession.ssoStartUrl?.value,
    };
  }
  if (cfg.sourceProfile !== undefined) out.SourceProfile = goView(cfg.sourceProfile);
  return out;
}

function load(files: string[], profile: string, sharedConfigEnabled = true): Record<string, unknown> {
  try {
    return goView(loadSharedConfig({ profile, files, sharedConfigEnabled, cache: new SharedConfigFileCache() }));
  } catch (e) {
    assert.ok(isSdkError(e), String(e));
    return { error: e.message };
  }
}

const creds = (id: string, secret: string, file: string, token?: string) => ({
  AccessKeyID: id,
  SecretAccessKey: secret,
  ...(token === undefined ? {} : { SessionToken: token }),
  ProviderName: `SharedConfigCredentials: ${file}`,
});
const completeCreds = { Profile: "complete_creds", Creds: creds("complete_creds_akid", "complete_creds_secret", CONFIG) };
const withCredentialSource = {
  Profile: "assume_role_with_credential_source",
  RoleARN: "assume_role_with_credential_source_role_arn",
  CredentialSource: "Ec2InstanceMetadata",
};
const multipleWithCredentialSource = {
  Profile: "multiple_assume_role_with_credential_source",
  RoleARN: "multiple_assume_role_with_credential_source_role_arn",
  SourceProfileName: "assume_role_with_credential_source",
  SourceProfile: withCredentialSource,
};
const ssoCreds = {
  Profile: "sso_creds",
  SSOAccountID: "012345678901",
  SSORegion: "us-west-2",
  SSORoleName: "TestRole",
  SSOStartURL: "https://127.0.0.1/start",
};

const BOTH = [OTHER, CONFIG];

const goCases: { name: string; files: string[]; profile: string; want: Record<string, unknown> }[] = [
  { name: "missing file: no error, empty config", files: [join(testdata, "file_not_exists")], profile: "default", want: { Profile: "default" } },
  { name: "default", files: [CONFIG], profile: "default", want: { Profile: "default", Region: "default_region" } },
  {
    name: "later file wins: other, then config",
    files: [OTHER, CONFIG],
    profile: "config_file_load_order",
    want: {
      Profile: "config_file_load_order",
      Region: "shared_config_region",
      Creds: creds("shared_config_akid", "shared_config_secret", CONFIG),
    },
  },
  {
    name: "later file wins: config, then other",
    files: [CONFIG, OTHER],
    profile: "config_file_load_order",
    want: {
      Profile: "config_file_load_order",
      Region: "shared_config_other_region",
      Creds: creds("shared_config_other_akid", "shared_config_other_secret", OTHER),
    },
  },
  {
    name: "assume_role",
    files: BOTH,
    profile: "assume_role",
    want: { Profile: "assume_role", RoleARN: "assume_role_role_arn", SourceProfileName: "complete_creds", SourceProfile: completeCreds },
  },
  {
    name: "assume_role_invalid_source_profile",
    files: BOTH,
    profile: "assume_role_invalid_source_profile",
    want: {
      error: `SharedConfigAssumeRoleError: failed to load assume role for assume_role_invalid_source_profile_role_arn, source profile profile_not_exists has no shared credentials: profile profile_not_exists referenced from assume_role_invalid_source_profile was not found in ${OTHER}, ${CONFIG}`,
    },
  },
  {
    name: "assume_role_w_creds (self-reference)",
    files: BOTH,
    profile: "assume_role_w_creds",
    want: {
      Profile: "assume_role_w_creds",
      RoleARN: "assume_role_w_creds_role_arn",
      ExternalID: "1234",
      RoleSessionName: "assume_role_w_creds_session_name",
      SourceProfileName: "assume_role_w_creds",
      SourceProfile: {
        Profile: "assume_role_w_creds",
        Creds: creds("assume_role_w_creds_akid", "assume_role_w_creds_secret", CONFIG),
      },
    },
  },
  {
    name: "assume_role_w_creds_w_duration",
    files: BOTH,
    profile: "assume_role_w_creds_w_duration",
    want: {
      Profile: "assume_role_w_creds_w_duration",
      RoleARN: "assume_role_w_creds_role_arn",
      ExternalID: "1234",
      RoleSessionName: "assume_role_w_creds_session_name",
      SourceProfileName: "assume_role_w_creds_w_duration",
      AssumeRoleDuration: 1800,
      SourceProfile: {
        Profile: "assume_role_w_creds_w_duration",
        AssumeRoleDuration: 1800,
        Creds: creds("assume_role_w_creds_akid", "assume_role_w_creds_secret", CONFIG),
      },
    },
  },
  {
    name: "assume_role_wo_creds",
    files: BOTH,
    profile: "assume_role_wo_creds",
    want: {
      error:
        "SharedConfigAssumeRoleError: failed to load assume role for assume_role_wo_creds_role_arn, source profile assume_role_wo_creds has no shared credentials: profile assume_role_wo_creds did not contain credential information",
    },
  },
  {
    name: "invalid ini",
    files: [INVALID],
    profile: "profile_name",
    want: {
      error: `SharedConfigLoadError: failed to load config file, ${INVALID}\ncaused by: SharedConfigParseError: Profile definition must end with ']', ${INVALID} line 1`,
    },
  },
  { name: "assume_role_with_credential_source", files: BOTH, profile: "assume_role_with_credential_source", want: withCredentialSource },
  {
    name: "multiple_assume_role",
    files: BOTH,
    profile: "multiple_assume_role",
    want: {
      Profile: "multiple_assume_role",
      RoleARN: "multiple_assume_role_role_arn",
      SourceProfileName: "assume_role",
      SourceProfile: {
        Profile: "assume_role",
        RoleARN: "assume_role_role_arn",
        SourceProfileName: "complete_creds",
        SourceProfile: completeCreds,
      },
    },
  },
  { name: "multiple_assume_role_with_credential_source", files: BOTH, profile: multipleWithCredentialSource.Profile, want: multipleWithCredentialSource },
  {
    name: "multiple_assume_role_with_credential_source2",
    files: BOTH,
    profile: "multiple_assume_role_with_credential_source2",
    want: {
      Profile: "multiple_assume_role_with_credential_source2",
      RoleARN: "multiple_assume_role_with_credential_source2_role_arn",
      SourceProfileName: "multiple_assume_role_with_credential_source",
      SourceProfile: multipleWithCredentialSource,
    },
  },
  { name: "with_sts_regional", files: BOTH, profile: "with_sts_regional", want: { Profile: "with_sts_regional", STSRegionalEndpoint: "regional" } },
  {
    name: "with_s3_us_east_1_regional",
    files: BOTH,
    profile: "with_s3_us_east_1_regional",
    want: { Profile: "with_s3_us_east_1_regional", S3UsEast1RegionalEndpoint: "regional" },
  },
  { name: "sso_creds", files: BOTH, profile: "sso_creds", want: ssoCreds },
  {
    name: "source_sso_creds",
    files: BOTH,
    profile: "source_sso_creds",
    want: { Profile: "source_sso_creds", RoleARN: "source_sso_creds_arn", SourceProfileName: "sso_creds", SourceProfile: ssoCreds },
  },
  {
    name: "sso_and_static",
    files: BOTH,
    profile: "sso_and_static",
    want: {
      Profile: "sso_and_static",
      Creds: creds("sso_and_static_akid", "sso_and_static_secret", CONFIG, "sso_and_static_token"),
      SSOAccountID: "012345678901",
      SSORegion: "us-west-2",
      SSORoleName: "TestRole",
      SSOStartURL: "https://THIS_SHOULD_NOT_BE_IN_TESTDATA_CACHE/start",
    },
  },
  {
    name: "source_sso_and_assume",
    files: BOTH,
    profile: "source_sso_and_assume",
    want: {
      Profile: "source_sso_and_assume",
      RoleARN: "source_sso_and_assume_arn",
      SourceProfileName: "sso_and_assume",
      SourceProfile: {
        Profile: "sso_and_assume",
        RoleARN: "sso_with_assume_role_arn",
        SourceProfileName: "multiple_assume_role_with_credential_source",
        SourceProfile: multipleWithCredentialSource,
      },
    },
  },
  {
    name: "sso_mixed_credproc",
    files: BOTH,
    profile: "sso_mixed_credproc",
    want: { ...ssoCreds, Profile: "sso_mixed_credproc", CredentialProcess: "/path/to/process" },
  },
  {
    name: "EC2MetadataServiceEndpoint",
    files: BOTH,
    profile: "EC2MetadataServiceEndpoint",
    want: { Profile: "EC2MetadataServiceEndpoint", EC2IMDSEndpoint: "http://endpoint.localhost" },
  },
  {
    name: "EC2MetadataServiceEndpointModeIPv6",
    files: BOTH,
    profile: "EC2MetadataServiceEndpointModeIPv6",
    want: { Profile: "EC2MetadataServiceEndpointModeIPv6", EC2IMDSEndpointMode: "IPv6" },
  },
  {
    name: "EC2MetadataServiceEndpointModeIPv4",
    files: BOTH,
    profile: "EC2MetadataServiceEndpointModeIPv4",
    want: { Profile: "EC2MetadataServiceEndpointModeIPv4", EC2IMDSEndpointMode: "IPv4" },
  },
  {
    name: "EC2MetadataServiceEndpointModeUnknown",
    files: BOTH,
    profile: "EC2MetadataServiceEndpointModeUnknown",
    want: {
      error: `SharedConfigErr: failed to load ec2_metadata_service_endpoint_mode from shared config, ${CONFIG}, unknown EC2 IMDS endpoint mode, must be either IPv6 or IPv4 (profile EC2MetadataServiceEndpointModeUnknown, line 161)`,
    },
  },
  {
    name: "EC2MetadataServiceEndpointAndModeMixed",
    files: BOTH,
    profile: "EC2MetadataServiceEndpointAndModeMixed",
    want: {
      Profile: "EC2MetadataServiceEndpointAndModeMixed",
      EC2IMDSEndpoint: "http://endpoint.localhost",
      EC2IMDSEndpointMode: "IPv6",
    },
  },
  // Deviation (suites win): quotes are kept, so Go's `us-west-2` reads `"us-west-2"`.
  ...(
    [
      ["UseDualStackEndpointEnabled", "UseDualStackEndpoint", true],
      ["UseDualStackEndpointInvalid", "UseDualStackEndpoint", false],
      ["UseFIPSEndpointEnabled", "UseFIPSEndpoint", true],
      ["UseFIPSEndpointDisabled", "UseFIPSEndpoint", false],
    ] as const
  ).map(([profile, field, value]) => ({
    name: profile,
    files: BOTH,
    profile,
    want: { Profile: profile, Region: '"us-west-2"', [field]: value },
  })),
  {
    name: "sso-session-success",
    files: BOTH,
    profile: "sso-session-success",
    want: {
      Profile: "sso-session-success",
      Region: "us-east-1",
      SSOAccountID: "123456789012",
      SSORoleName: "testRole",
      SSOSessionName: "sso-session-success-dev",
      SSOSession: { Name: "sso-session-success-dev", SSORegion: "us-east-1", SSOStartURL: "https://d-123456789a.awsapps.com/start" },
    },
  },
  {
    name: "sso-session-not-exist",
    files: BOTH,
    profile: "sso-session-not-exist",
    want: { error: "SharedConfigErr: failed to find SSO session section, sso-session-lost" },
  },
  {
    name: "ec2-metadata-v1-disabled-false",
    files: BOTH,
    profile: "ec2-metadata-v1-disabled-false",
    want: { Profile: "ec2-metadata-v1-disabled-false", EC2IMDSv1Disabled: false },
  },
  {
    name: "ec2-metadata-v1-disabled-true",
    files: BOTH,
    profile: "ec2-metadata-v1-disabled-true",
    want: { Profile: "ec2-metadata-v1-disabled-true", EC2IMDSv1Disabled: true },
  },
  {
    name: "ec2-metadata-v1-disabled-invalid",
    files: BOTH,
    profile: "ec2-metadata-v1-disabled-invalid",
    want: { Profile: "ec2-metadata-v1-disabled-invalid", EC2IMDSv1Disabled: false },
  },
  // TestLoadSharedConfigFromFile: partial keys are ignored; `[name]` is looked up before `[profile name]`.
  { name: "partial_creds", files: [CONFIG], profile: "partial_creds", want: { Profile: "partial_creds" } },
  {
    name: "short_profile_name_first",
    files: [CONFIG],
    profile: "short_profile_name_first",
    want: { Profile: "short_profile_name_first", Region: "short_profile_name_first_short" },
  },
  { name: "alt_profile_name", files: [CONFIG], profile: "alt_profile_name", want: { Profile: "alt_profile_name", Region: "alt_profile_name_region" } },
  {
    name: "complete_creds_with_token",
    files: [CONFIG],
    profile: "complete_creds_with_token",
    want: {
      Profile: "complete_creds_with_token",
      Creds: creds("complete_creds_with_token_akid", "complete_creds_with_token_secret", CONFIG, "complete_creds_with_token_token"),
    },
  },
  {
    name: "valid_arn_region",
    files: [CONFIG],
    profile: "valid_arn_region",
    want: { Profile: "valid_arn_region", S3UseARNRegion: true },
  },
  {
    name: "profile missing from every file",
    files: BOTH,
    profile: "nope",
    want: { error: `SharedConfigProfileNotExistsError: failed to get profile, nope (looked in ${OTHER}, ${CONFIG})` },
  },
];

for (const c of goCases) {
  test(`Go v1 TestLoadSharedConfig: ${c.name}`, { skip: dir.skip }, () => {
    assert.deepEqual(load(c.files, c.profile), c.want);
  });
}

test("with shared config off only credential keys are read (Go §3.11–3.12)", { skip: dir.skip }, () => {
  assert.deepEqual(load([CONFIG], "full_profile", false), {
    Profile: "full_profile",
    Creds: creds("full_profile_akid", "full_profile_secret", CONFIG),
  });
  // role_arn and source_profile are not read, so the profile is static keys only.
  assert.deepEqual(load(BOTH, "assume_role_w_creds", false), {
    Profile: "assume_role_w_creds",
    Creds: creds("assume_role_w_creds_akid", "assume_role_w_creds_secret", CONFIG),
  });
  assert.deepEqual(load([SOURCES], "cred_proc_arn_set", false), {
    Profile: "cred_proc_arn_set",
    CredentialProcess: "cat ./testdata/test_json.json",
  });
  // web_identity_token_file is read but role_arn is not: Go then always fails this way.
  assert.deepEqual(load([SOURCES], "sso_mixed_webident", false), {
    error: "CredentialRequiresARNError: credential type web_identity_token_file requires role_arn, profile sso_mixed_webident",
  });
});

/** A chain as short strings: `type:profile` plus the role ARN of each AssumeRole step. */
function chainView(chain: ProfileChain): string[] {
  return chain.map((s) => (s.type === "assumeRole" ? `assumeRole:${s.profile}:${s.roleArn.value}` : `${s.type}:${s.profile}`));
}

test("Go v1 TestSharedConfigCredentialSource: the chain each profile builds", { skip: dir.skip }, () => {
  const profiles = [
    "env_var_credential_source",
    "invalid_source_and_credential_source",
    "ec2metadata",
    "ecscontainer",
    "chained_assume_role",
    "cred_proc_no_arn_set",
    "cred_proc_arn_set",
    "chained_cred_proc",
    "sso_creds",
    "source_sso_creds",
    "assume_sso_and_static",
    "sso_mixed_credproc",
    "sso_mixed_webident",
    "sso_invalid",
  ];
  const got = Object.fromEntries(
    profiles.map((p) => {
      try {
        const cfg = loadSharedConfig({ profile: p, files: [SOURCES], sharedConfigEnabled: true, cache: new SharedConfigFileCache() });
        return [p, chainView(profileChain(cfg))];
      } catch (e) {
        assert.ok(isSdkError(e));
        return [p, e.message];
      }
    }),
  );
  assert.deepEqual(got, {
    env_var_credential_source: ["credentialSource:env_var_credential_source", "assumeRole:env_var_credential_source:assume_role_w_creds_role_arn_env"],
    invalid_source_and_credential_source:
      "SharedConfigErr: only one credential type may be specified per profile: source profile, credential source, credential process, web identity token (profile invalid_source_and_credential_source)",
    ec2metadata: ["credentialSource:ec2metadata", "assumeRole:ec2metadata:assume_role_w_creds_role_arn_ec2"],
    ecscontainer: ["credentialSource:ecscontainer", "assumeRole:ecscontainer:assume_role_w_creds_role_arn_ecs"],
    chained_assume_role: [
      "credentialSource:ec2metadata",
      "assumeRole:ec2metadata:assume_role_w_creds_role_arn_ec2",
      "assumeRole:chained_assume_role:assume_role_w_creds_role_arn_chain",
    ],
    cred_proc_no_arn_set: ["credentialProcess:cred_proc_no_arn_set"],
    cred_proc_arn_set: ["credentialProcess:cred_proc_arn_set", "assumeRole:cred_proc_arn_set:assume_role_w_creds_proc_role_arn"],
    chained_cred_proc: ["credentialProcess:cred_proc_no_arn_set", "assumeRole:chained_cred_proc:assume_role_w_creds_proc_source_prof"],
    sso_creds: ["sso:sso_creds"],
    source_sso_creds: ["sso:sso_creds", "assumeRole:source_sso_creds:source_sso_creds_arn"],
    assume_sso_and_static: ["staticKeys:sso_and_static", "assumeRole:assume_sso_and_static:assume_sso_and_static_arn"],
    sso_mixed_credproc: ["sso:sso_mixed_credproc"],
    sso_mixed_webident: ["webIdentity:sso_mixed_webident"],
    sso_invalid:
      'SharedConfigErr: profile "sso_invalid" is configured to use SSO but is missing required configuration: sso_region, sso_start_url',
  });
});
