import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";

new STSClient({ region: "us-east-1" }).send(new GetCallerIdentityCommand({})).then((r) => console.log(r.Arn));
