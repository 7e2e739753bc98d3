/** `map.set(key, value)` as the newest entry, dropping the oldest past `max` (the caches here are bounded). */
export const boundedSet = <K, V>(map: Map<K, V>, key: K, value: V, max: number): void => {
  map.delete(key);
  map.set(key, value);
  if (map.size > max) map.delete(map.keys().next().value as K);
};

/** A cache bound from a constructor argument: a whole number, at least 1. */
export const atLeastOne = (n: number): number => Math.max(1, Math.floor(n));
