import assert from "node:assert/strict";
import { test } from "node:test";
import { must, newSessionWithOptions, Session, SharedConfigState } from "./index.js";

test("must returns what the factory returns", () => {
  const sess = must(() => newSessionWithOptions({ config: { region: "us-west-2" }, env: { HOME: "/nonexistent" } }));
  assert.ok(sess instanceof Session);
  assert.equal(sess.config.region, "us-west-2");
});

test("must lets the typed creation error through unchanged (Go's panic)", () => {
  const env = { HOME: "/nonexistent", AWS_STS_REGIONAL_ENDPOINTS: "bogus" };
  let direct: unknown;
  try {
    newSessionWithOptions({ env, sharedConfigState: SharedConfigState.Enable });
  } catch (err) {
    direct = err;
  }
  assert.throws(
    () => must(() => newSessionWithOptions({ env, sharedConfigState: SharedConfigState.Enable })),
    (err: Error & { code?: string }) => {
      assert.equal(err.code, (direct as { code?: string }).code);
      assert.equal(err.message, (direct as Error).message);
      assert.equal(err.constructor, (direct as Error).constructor);
      return true;
    },
  );
});

test("must refuses an async factory with MustAsyncFactory instead of leaving a floating promise", async () => {
  let unhandled = 0;
  const onUnhandled = () => void unhandled++;
  process.on("unhandledRejection", onUnhandled);
  try {
    assert.throws(
      () => must(async () => Promise.reject(new Error("late failure"))),
      { code: "MustAsyncFactory" },
    );
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(unhandled, 0);
  } finally {
    process.off("unhandledRejection", onUnhandled);
  }
});
