/** The names of the process warnings emitted while `run` ran (a warning is emitted on a later tick). */
export async function warningsDuring(run: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const listener = (w: Error): number => seen.push(w.name);
  process.on("warning", listener);
  try {
    await run();
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.off("warning", listener);
  }
  return seen;
}
