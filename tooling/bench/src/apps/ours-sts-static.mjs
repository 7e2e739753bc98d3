import { STS } from "@sessionkit/client-sts";
import { newSession } from "@sessionkit/session";

const credentials = { accessKeyId: "AKID", secretAccessKey: "SECRET" };
new STS(newSession({ region: "us-east-1", credentials })).getCallerIdentity({}).then((r) => console.log(r.Arn));
