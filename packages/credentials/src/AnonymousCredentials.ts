import type { Credentials } from "@sessionkit/types";
import { staticCredentials } from "./staticCredentials.js";

/**
 * Go's `credentials.AnonymousCredentials`: requests made with it are not signed. Signers compare against this
 * exact object (`config.credentials === AnonymousCredentials`); its `get()` rejects with `EmptyStaticCreds`,
 * as Go's does, so nothing can sign with empty keys by accident.
 */
export const AnonymousCredentials: Credentials = /* @__PURE__ */ staticCredentials(
  { accessKeyId: "", secretAccessKey: "" },
  "AnonymousCredentials",
);
