// The Node build's configBrowser.ts: the same names from the Node entry of @sessionkit/config.
export { formatSource, maskSecret, type Sourced, type ValueSource } from "@sessionkit/config";
