import { S3 } from "@sessionkit/client-s3";
import { newSession } from "@sessionkit/session";

const credentials = { accessKeyId: "AKID", secretAccessKey: "SECRET" };
new S3(newSession({ region: "us-east-1", credentials })).listBuckets({}).then((r) => console.log(r.Buckets));
