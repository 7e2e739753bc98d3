import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";

const credentials = { accessKeyId: "AKID", secretAccessKey: "SECRET" };
new STSClient({ region: "us-east-1", credentials }).send(new GetCallerIdentityCommand({})).then((r) => console.log(r.Arn));
