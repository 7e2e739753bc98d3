import { newSessionWithOptions } from "@sessionkit/session";

newSessionWithOptions({ profile: "dev" })
  .config.credentials.get()
  .then((c) => console.log(c.accessKeyId));
