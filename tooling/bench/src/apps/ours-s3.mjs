import { S3 } from "@sessionkit/client-s3";
import { newSession } from "@sessionkit/session";

new S3(newSession()).listBuckets({}).then((r) => console.log(r.Buckets));
