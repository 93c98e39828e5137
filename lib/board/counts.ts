// Counts behind the board's class-wide charts: the accuracy histogram and counts by key.

/** The accuracies one perceptron can reach on four samples. */
export const ACCURACY_BINS = [0, 0.25, 0.5, 0.75, 1] as const;

/** How many values fall on each of ACCURACY_BINS (values are rounded to the nearest quarter). */
export function accuracyHistogram(values: readonly number[]): number[] {
  const counts = ACCURACY_BINS.map(() => 0);
  for (const v of values) if (Number.isFinite(v)) counts[Math.min(4, Math.max(0, Math.round(v * 4)))]++;
  return counts;
}

/** How many times each key occurs, in the order of `keys` (unknown values are ignored). */
export function countByKey<K extends string>(keys: readonly K[], values: readonly unknown[]): Record<K, number> {
  const out = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const v of values) if (typeof v === "string" && v in out) out[v as K]++;
  return out;
}
