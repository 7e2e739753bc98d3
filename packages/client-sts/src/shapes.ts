// Inputs and outputs of the STS operations, with AWS's member names (API version 2011-06-15).

/** A managed policy ARN passed as a session policy. */
export interface PolicyDescriptorType {
  arn?: string;
}

/** A session tag. */
export interface Tag {
  Key: string;
  Value: string;
}

/** A context assertion from a trusted context provider. */
export interface ProvidedContext {
  ProviderArn?: string;
  ContextAssertion?: string;
}

export interface AssumeRoleInput {
  RoleArn: string;
  RoleSessionName: string;
  PolicyArns?: PolicyDescriptorType[];
  Policy?: string;
  DurationSeconds?: number;
  Tags?: Tag[];
  TransitiveTagKeys?: string[];
  ExternalId?: string;
  SerialNumber?: string;
  TokenCode?: string;
  SourceIdentity?: string;
  ProvidedContexts?: ProvidedContext[];
}

export interface GetSessionTokenInput {
  DurationSeconds?: number;
  SerialNumber?: string;
  TokenCode?: string;
}

export type GetCallerIdentityInput = Record<string, never>;

/** Temporary security credentials. `Expiration` is parsed (RGW's nanosecond precision included). */
export interface StsCredentials {
  AccessKeyId: string;
  SecretAccessKey: string;
  SessionToken: string;
  Expiration: Date;
}

export interface AssumedRoleUser {
  Arn: string;
  AssumedRoleId: string;
}

/** Fields every output carries: the request id from the body or the response headers. */
export interface ResponseMetadata {
  RequestId?: string;
}

export interface AssumeRoleOutput {
  Credentials?: StsCredentials;
  AssumedRoleUser?: AssumedRoleUser;
  PackedPolicySize?: number;
  SourceIdentity?: string;
  ResponseMetadata: ResponseMetadata;
}

export interface GetSessionTokenOutput {
  Credentials?: StsCredentials;
  ResponseMetadata: ResponseMetadata;
}

export interface GetCallerIdentityOutput {
  UserId?: string;
  Account?: string;
  Arn?: string;
  ResponseMetadata: ResponseMetadata;
}
