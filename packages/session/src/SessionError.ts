import { SdkError } from "@sessionkit/errors";

/** Errors the session itself raises (Go's `session` package errors), each with Go's code. */
export class SessionError extends SdkError {}
