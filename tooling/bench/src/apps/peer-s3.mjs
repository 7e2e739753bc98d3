import { ListBucketsCommand, S3Client } from "@aws-sdk/client-s3";

new S3Client({ region: "us-east-1" }).send(new ListBucketsCommand({})).then((r) => console.log(r.Buckets));
