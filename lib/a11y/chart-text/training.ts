/** Facts of a training curve: where it stands, and when it first reached its best accuracy. */
export interface TrainingFacts {
  /** Epochs done (history length) of the run's total. */
  epoch: number;
  total: number;
  accuracy: number;
  best: number;
  /** The epoch (1-based) at which `best` was first reached; 0 before any epoch. */
  bestAt: number;
}

export function trainingFacts(accuracies: readonly number[], total: number, now?: number): TrainingFacts {
  let best = 0, bestAt = 0;
  accuracies.forEach((a, i) => { if (a > best) { best = a; bestAt = i + 1; } });
  const accuracy = now ?? accuracies.at(-1) ?? 0;
  return { epoch: accuracies.length, total, accuracy, best: Math.max(best, accuracies.length ? 0 : accuracy), bestAt };
}
