// The session, for the "assumed-role credentials from a session profile" integration test. Only a
// devDependency: the client's runtime depends on the typed plugin interface, never on the session.
export { newSessionWithOptions, SharedConfigState } from "@sessionkit/session";
