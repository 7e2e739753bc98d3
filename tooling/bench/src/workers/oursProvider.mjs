// What our clients are created from. The session (`newSession`) when it is built; until then a minimal
// ClientConfigProvider assembled from the pipeline packages, so the client rows can be measured early. The
// rows say which one was used (results.ours.provider), and the session always wins once it exists.

async function tryImport(spec) {
  try {
    return await import(spec);
  } catch {
    return undefined;
  }
}

/** `{ provider, via }` for a region, static keys and optional endpoint / transport / path-style. */
export async function oursProvider({ region, credentials, endpoint, transport, s3ForcePathStyle = false }) {
  const session = await tryImport("@sessionkit/session");
  if (typeof session?.newSession === "function") {
    const config = { region, credentials, s3ForcePathStyle };
    if (endpoint) config.endpoint = endpoint;
    if (transport) config.transport = transport;
    return { provider: session.newSession(config), via: "session" };
  }
  const handlers = await import("@sessionkit/handlers");
  const { staticCredentials } = await import("@sessionkit/credentials");
  const { createDefaultTransport } = await import("@sessionkit/http");
  const config = Object.freeze({
    region,
    ...(endpoint ? { endpoint } : {}),
    credentials: staticCredentials(credentials),
    maxRetries: -1,
    logLevel: 0,
    logger: { log() {} },
    s3ForcePathStyle,
    disableSSL: false,
    transport: transport ?? createDefaultTransport(),
    stsRegionalEndpoints: "regional",
    s3UsEast1RegionalEndpoint: "legacy",
    disableParamValidation: false,
    clock: Date.now,
    sleep: handlers.sleep,
  });
  const base = handlers.defaultHandlers();
  return {
    provider: { clientConfig: () => ({ config, handlers: base.copy(), ...(endpoint ? { endpoint } : {}) }) },
    via: "minimal provider (session not built yet)",
  };
}
