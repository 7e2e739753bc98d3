// The S3 client for the session's tests: a devDependency only (the client depends on the typed plugin
// interface, never on the session).
export { S3 } from "@sessionkit/client-s3";
