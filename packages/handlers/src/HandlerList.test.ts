import assert from "node:assert/strict";
import { test } from "node:test";
import type { NamedHandler, Request } from "@sessionkit/types";
import { ANONYMOUS, HandlerList } from "./HandlerList.js";

const req = {} as Request;

function recorder() {
  const ran: string[] = [];
  const named = (name: string, tag = name): NamedHandler => ({ name, fn: () => void ran.push(tag) });
  return { ran, named };
}

test("push* keep Go's order and name anonymous handlers __anonymous; duplicates are allowed", async () => {
  const { ran, named } = recorder();
  const l = new HandlerList();
  l.pushBackNamed(named("b"));
  l.pushFrontNamed(named("a"));
  l.pushBack(() => void ran.push("anon-back"));
  l.pushFront(() => void ran.push("anon-front"));
  l.pushBackNamed(named("b", "b2"));
  assert.deepEqual(l.names(), [ANONYMOUS, "a", "b", ANONYMOUS, "b"]);
  assert.equal(l.len(), 5);
  await l.run(req);
  assert.deepEqual(ran, ["anon-front", "a", "b", "anon-back", "b2"]);
});

test("remove and removeByName drop every entry with the name and keep the order", () => {
  const { named } = recorder();
  const l = new HandlerList();
  for (const n of ["x", "y", "x", "z", "x"]) l.pushBackNamed(named(n));
  l.removeByName("x");
  assert.deepEqual(l.names(), ["y", "z"]);
  l.remove(named("z"));
  assert.deepEqual(l.names(), ["y"]);
  l.removeByName("missing");
  assert.deepEqual(l.names(), ["y"]);
});

test("swapNamed replaces only the fn; swap replaces name and fn; both report a match", async () => {
  const { ran, named } = recorder();
  const l = new HandlerList();
  l.pushBackNamed(named("a", "a1"));
  l.pushBackNamed(named("b"));
  l.pushBackNamed(named("a", "a2"));
  assert.equal(l.swapNamed(named("a", "A")), true);
  await l.run(req);
  assert.deepEqual(ran.splice(0), ["A", "b", "A"]);
  assert.deepEqual(l.names(), ["a", "b", "a"]);
  assert.equal(l.swap("a", named("c")), true);
  assert.deepEqual(l.names(), ["c", "b", "c"]);
  assert.equal(l.swap("nope", named("d")), false);
  assert.equal(l.swapNamed(named("nope")), false);
  assert.deepEqual(l.names(), ["c", "b", "c"]);
});

test("setBackNamed / setFrontNamed swap when present, push otherwise", async () => {
  const { ran, named } = recorder();
  const l = new HandlerList();
  l.pushBackNamed(named("m"));
  l.setBackNamed(named("back"));
  l.setFrontNamed(named("front"));
  l.setBackNamed(named("m", "m-swapped"));
  l.setFrontNamed(named("back", "back-swapped"));
  assert.deepEqual(l.names(), ["front", "m", "back"]);
  await l.run(req);
  assert.deepEqual(ran, ["front", "m-swapped", "back-swapped"]);
});

test("copy is independent both ways; clear empties", () => {
  const { named } = recorder();
  const a = new HandlerList();
  a.pushBackNamed(named("1"));
  const b = a.copy();
  a.pushBackNamed(named("2"));
  b.pushFrontNamed(named("0"));
  assert.deepEqual(a.names(), ["1", "2"]);
  assert.deepEqual(b.names(), ["0", "1"]);
  b.clear();
  assert.equal(b.len(), 0);
  assert.deepEqual(a.names(), ["1", "2"]);
});

test("run stops at the first throw or rejection and rethrows it", async () => {
  for (const failing of ["sync", "async"] as const) {
    const ran: string[] = [];
    const l = new HandlerList();
    const boom = new Error(`boom-${failing}`);
    l.pushBackNamed({ name: "1", fn: () => void ran.push("1") });
    l.pushBackNamed({
      name: "2",
      fn: failing === "sync" ? () => { ran.push("2"); throw boom; } : async () => { ran.push("2"); throw boom; },
    });
    l.pushBackNamed({ name: "3", fn: () => void ran.push("3") });
    await assert.rejects(l.run(req), boom);
    assert.deepEqual(ran, ["1", "2"]);
  }
});

test("async handlers are awaited in order", async () => {
  const ran: string[] = [];
  const l = new HandlerList();
  l.pushBack(async () => {
    await new Promise((r) => setTimeout(r, 5));
    ran.push("slow");
  });
  l.pushBack(() => void ran.push("fast"));
  await l.run(req);
  assert.deepEqual(ran, ["slow", "fast"]);
});

test("a list changed while it runs finishes the entries it started with (Go ranges over the slice)", async () => {
  const ran: string[] = [];
  const l = new HandlerList();
  l.pushBackNamed({
    name: "mutator",
    fn: () => {
      ran.push("mutator");
      l.removeByName("later");
      l.pushBackNamed({ name: "added", fn: () => void ran.push("added") });
    },
  });
  l.pushBackNamed({ name: "later", fn: () => void ran.push("later") });
  await l.run(req);
  assert.deepEqual(ran, ["mutator", "later"]);
  assert.deepEqual(l.names(), ["mutator", "added"]);
});

test("the built package keeps the class names (util.inspect and constructor.name show them)", async () => {
  const built = await import("../dist/index.js");
  const phases = built.defaultHandlers();
  assert.deepEqual(
    [new built.HandlerList().constructor.name, new built.HandlerList().copy().constructor.name, phases.constructor.name, phases.copy().constructor.name],
    ["HandlerList", "HandlerList", "HandlerPhases", "HandlerPhases"],
  );
});
