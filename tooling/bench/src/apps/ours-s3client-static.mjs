// The client without a session (issue 7's browser budget: the S3 client alone depends only on the plugin
// interface, the pipeline and the signer). The app builds the ClientConfigProvider a session would hand over.
import { listBuckets, S3Client } from "@sessionkit/client-s3";
import { staticCredentials } from "@sessionkit/credentials";
import { defaultHandlers } from "@sessionkit/handlers";
import { createDefaultTransport } from "@sessionkit/http";

// Only what has no default (ClientSettings): region, credentials and the platform's transport.
const config = {
  region: "us-east-1",
  credentials: staticCredentials({ accessKeyId: "AKID", secretAccessKey: "SECRET" }),
  transport: createDefaultTransport(),
};
const client = new S3Client({ clientConfig: () => ({ config, handlers: defaultHandlers() }) });
listBuckets(client, {}).then((r) => console.log(r.Buckets));
