import type { EventEmitter } from "node:events";

/** Resolves at the stream's next `drain` (write back-pressure over) or `close` (no point waiting). */
export function drained(stream: EventEmitter): Promise<void> {
  return new Promise<void>((resolve) => {
    const go = (): void => {
      stream.off("drain", go);
      stream.off("close", go);
      resolve();
    };
    stream.on("drain", go);
    stream.on("close", go);
  });
}
