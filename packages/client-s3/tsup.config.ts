import { packageConfig } from "@sessionkit/tsup-config";

export default packageConfig();
