import { ListBucketsCommand, S3Client } from "@aws-sdk/client-s3";

const credentials = { accessKeyId: "AKID", secretAccessKey: "SECRET" };
new S3Client({ region: "us-east-1", credentials }).send(new ListBucketsCommand({})).then((r) => console.log(r.Buckets));
