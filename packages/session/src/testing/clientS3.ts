// The S3 client for the session's tests. @sessionkit/client-s3 is not linked into this package's
// node_modules (adding it as a devDependency needs an install, which is not ours to run), so the tests
// reach its build by path.
export { S3 } from "../../../client-s3/dist/index.js";
