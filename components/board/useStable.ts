import { useRef } from "react";

/**
 * The previous value while `same` says nothing changed, so memoised children skip the render:
 * e.g. the roster of a board whose tiles are new on every flush but whose names rarely change.
 */
export function useStable<T>(value: T, same: (a: T, b: T) => boolean): T {
  const kept = useRef(value);
  if (kept.current !== value && !same(kept.current, value)) kept.current = value;
  return kept.current;
}
