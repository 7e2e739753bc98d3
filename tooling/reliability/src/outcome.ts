import assert from "node:assert/strict";
import { SdkError } from "@sessionkit/errors";

/** How a call ended: a value, or an error (never thrown past this point). */
export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

export async function outcome<T>(p: Promise<T> | (() => Promise<T> | T)): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await (typeof p === "function" ? p() : p) };
  } catch (error) {
    return { ok: false, error };
  }
}

export function outcomeSync<T>(f: () => T): Outcome<T> {
  try {
    return { ok: true, value: f() };
  } catch (error) {
    return { ok: false, error };
  }
}

/** Asserts a typed failure (an `SdkError`) and returns it. */
export function typedError(o: Outcome<unknown>, what: string): SdkError {
  assert.equal(o.ok, false, `${what}: expected a typed error, got success`);
  const error = (o as { error: unknown }).error;
  assert.ok(error instanceof SdkError, `${what}: expected an SdkError, got ${describeError(error)}`);
  return error;
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.constructor.name}: ${error.message}`;
  return String(error);
}
