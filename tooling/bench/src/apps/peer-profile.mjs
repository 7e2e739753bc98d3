import { fromIni } from "@aws-sdk/credential-providers";

fromIni({ profile: "dev" })().then((c) => console.log(c.accessKeyId));
