// The debug log handlers and the redaction are opt-in (`addDebugHandlers`): an app bundled from the built
// package with the default pipeline must not carry them, and one that adds them must.
import assert from "node:assert/strict";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const dist = join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "index.js");

async function bundle(names: string): Promise<string> {
  const result = await build({
    stdin: { contents: `import { ${names} } from ${JSON.stringify(dist)}; console.log(${names});`, loader: "js", resolveDir: dirname(dist) },
    bundle: true,
    minify: true,
    platform: "browser",
    format: "esm",
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0]?.text ?? "";
}

test("an app using the default pipeline bundles no log dumps and no redaction; addDebugHandlers brings them", async () => {
  const plain = await bundle("defaultHandlers, ServiceClient, sleep");
  assert.doesNotMatch(plain, /awssdk\.client\.Log|REQUEST POST-SIGN|\[REDACTED\]|SecretAccessKey/);
  assert.match(plain, /core\.AfterRetryHandler/);
  const logging = await bundle("defaultHandlers, ServiceClient, sleep, addDebugHandlers");
  assert.match(logging, /awssdk\.client\.LogRequest/);
  assert.match(logging, /\[REDACTED\]/);
});

test("the default pipeline leaves out core.ValidateParametersHandler; CoreHandlers brings every core handler, keyed in Go's order", async () => {
  assert.doesNotMatch(await bundle("defaultHandlers, ServiceClient, sleep"), /core\.ValidateParametersHandler/);
  assert.match(await bundle("CoreHandlers"), /core\.ValidateParametersHandler/);
  const { CoreHandlers } = await import(dist);
  const keys = [
    "ValidateEndpointHandler",
    "ValidateParametersHandler",
    "SDKVersionUserAgentHandler",
    "BuildContentLengthHandler",
    "SendHandler",
    "RequestIdHandler",
    "ValidateResponseHandler",
    "AfterRetryHandler",
  ];
  const entries = Object.entries(CoreHandlers as Record<string, { name: string }>);
  assert.deepEqual(
    entries.map(([key, h]) => [key, h.name, Object.isFrozen(h)]),
    keys.map((key) => [key, `core.${key}`, true]),
  );
  assert.equal(Object.isFrozen(CoreHandlers), true);
});
