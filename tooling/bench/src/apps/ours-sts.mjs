import { STS } from "@sessionkit/client-sts";
import { newSession } from "@sessionkit/session";

new STS(newSession()).getCallerIdentity({}).then((r) => console.log(r.Arn));
