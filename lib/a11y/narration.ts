/**
 * The moments of a training run worth saying aloud (issue 22): it started, it reached an accuracy
 * milestone, it finished. Computed from two successive views of the run; pure.
 */
export const MILESTONES = [0.5, 0.75, 1] as const;

export interface RunView {
  /** Changes when the run is reset or its settings change (a new run). */
  run: number;
  epoch: number;
  accuracy: number;
  playing: boolean;
  done: boolean;
}

export type NarrationEvent =
  | { kind: "started"; epoch: number }
  | { kind: "milestone"; accuracy: number }
  | { kind: "finished"; epoch: number; accuracy: number };

/**
 * What happened between `prev` and `next`: Play pressed (at epoch 0: started, later: resumed at
 * that epoch), the highest accuracy milestone newly reached, the run finished. `said`: the highest
 * milestone already announced in this run (0: none), returned updated, so each is said once a run.
 */
export function narrate(prev: RunView | null, next: RunView, said: number): { events: NarrationEvent[]; said: number } {
  const same = prev !== null && prev.run === next.run;
  if (!same) said = 0;
  const events: NarrationEvent[] = [];
  if (next.playing && !(same && prev.playing)) events.push({ kind: "started", epoch: prev && same ? prev.epoch : 0 });
  const reached = next.epoch > 0 ? MILESTONES.filter((m) => next.accuracy >= m && m > said).at(-1) : undefined;
  if (reached !== undefined) {
    events.push({ kind: "milestone", accuracy: reached });
    said = reached;
  }
  if (next.done && !(same && prev.done)) events.push({ kind: "finished", epoch: next.epoch, accuracy: next.accuracy });
  return { events, said };
}
