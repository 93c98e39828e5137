// What the help flags need to remember between board flushes: when each student last streamed
// progress and their latest run of identical failing attempts. Fed with the same event batches as
// the board's reducer (lib/board/board.ts applyEvents); no I/O, `now` passed in (Date.now() in the browser).
import type { BoardEvent } from "./board";
import type { GateId } from "../nn/gates";
import { startTraining, stepEpoch, type TrainState } from "../nn/perceptron";
import type { Activation } from "../nn/activations";
import type { ExerciseConfig } from "../lessons/exercises";
import { gradeActivationAnswer } from "../grading/questions";
import { answerKey, nextStreak, TURN_WINDOW, type HelpInputs, type Streak, type WrongChoice } from "./help-flags";

export interface HelpTrack {
  exerciseId: string | null;
  /** When the idle clocks (re)started: the board opened, an exercise was pushed, the session resumed. */
  clock: number;
  /** Whether the session was paused at the last event seen (a resume restarts the clocks). */
  paused: boolean;
  active: Map<string, number>;
  streaks: Map<string, Streak>;
}

export const emptyTrack = (now: number): HelpTrack => ({ exerciseId: null, clock: now, paused: false, active: new Map(), streaks: new Map() });

/**
 * The track after a batch of events (one, as the board receives them, or several).
 * A snapshot of another exercise, or the session resuming, restarts every idle clock.
 * The track's maps are updated in place (the board keeps one track; a lecture hall's 2,000 entries
 * are not copied four times a second); another exercise starts new maps in a new track.
 */
export function trackEvents(track: HelpTrack, events: readonly BoardEvent[], now: number): HelpTrack {
  let { exerciseId, clock, paused, active, streaks } = track;
  const restart = (id: string | null) => {
    if (id !== exerciseId) {
      exerciseId = id;
      active = new Map();
      streaks = new Map();
    }
  };

  for (const e of events) {
    if (e.kind === "state") {
      const id = e.state.exercise?.id ?? null;
      if (id !== exerciseId) clock = now;
      restart(id);
      if (paused && !e.state.paused) clock = now;
      paused = e.state.paused;
      // The server's streaks come with every snapshot: they are the truth after a reload.
      for (const t of e.state.tiles) {
        const r = t.repeat;
        if (r) streaks.set(t.userId, { key: r.key, count: r.count, since: Date.parse(r.since) || now });
        else streaks.delete(t.userId);
      }
    } else if (e.kind === "session") {
      const id = e.session.exercise?.id ?? null;
      if (id !== exerciseId) clock = now;
      restart(id);
      if (paused && !e.session.paused) clock = now;
      paused = e.session.paused;
    } else if (e.kind === "progress") {
      for (const { userId } of e.items) active.set(userId, now);
    } else if (e.kind === "presence") {
      // Back online: their clock starts again.
      if (e.online) active.set(e.userId, now);
    } else if (e.kind === "result") {
      if (e.result.exerciseId !== exerciseId) continue;
      const next = nextStreak(streaks.get(e.userId) ?? null, { key: answerKey(e.answer), correct: e.result.correct, at: Date.parse(e.result.at) || now });
      if (next) streaks.set(e.userId, next);
      else streaks.delete(e.userId);
      active.set(e.userId, now); // submitting is working too
    }
  }
  if (exerciseId === track.exerciseId && clock === track.clock && paused === track.paused && active === track.active) return track;
  return { exerciseId, clock, paused, active, streaks };
}

/** When the student last did something the board saw (never before the clock's start). */
export function lastActive(track: HelpTrack, userId: string): number {
  return Math.max(track.active.get(userId) ?? track.clock, track.clock);
}

/** An explorer answer's wrong choices under the exercise's config (`customs`: its built formula activations). */
export function wrongChoicesOf(config: ExerciseConfig | null, customs: readonly Activation[], answer: unknown): WrongChoice[] | null {
  if (config?.type !== "ACTIVATION") return null;
  const selected = (answer as { selected?: unknown } | undefined)?.selected;
  const g = gradeActivationAnswer(config, { question: config.question, selected }, customs);
  if (g.reason === "invalid") return null;
  return [...g.extra.map((choice) => ({ choice, kind: "extra" as const })), ...g.missing.map((choice) => ({ choice, kind: "missing" as const }))];
}

/** What helpFlags reads, from the track, the exercise's config and a replay of seeded gate runs. */
export function inputsFor(track: HelpTrack, config: ExerciseConfig | null, customs: readonly Activation[], replay: RunWindows, now: number): HelpInputs {
  return {
    now,
    lastActive: (id) => lastActive(track, id),
    streak: (id) => track.streaks.get(id) ?? null,
    accuracies: (p) => replay.last(p.gate, p.lr, p.seed, p.epoch, TURN_WINDOW),
    wrongChoices: (answer) => wrongChoicesOf(config, customs, answer),
  };
}

/**
 * The accuracy after each epoch of seeded gate runs, replayed from their settings and kept as
 * quarters (one byte an epoch: four samples), so a lecture hall's runs fit; the least recently used
 * runs are dropped beyond `max`. A run is extended as a student's epoch grows, never replayed again.
 */
export class RunWindows {
  private runs = new Map<string, { state: TrainState; acc: Uint8Array; n: number }>();
  constructor(private max = 2500) {}

  /** Accuracy after the `count` epochs up to `epoch` (fewer at the start). */
  last(gate: GateId, lr: number, seed: number, epoch: number, count: number): number[] {
    const key = `${gate}|${lr}|${seed}`;
    let run = this.runs.get(key);
    if (run) this.runs.delete(key);
    else run = { state: startTraining({ gate, lr, seed, epochs: 10_000 }), acc: new Uint8Array(64), n: 0 };
    this.runs.set(key, run);
    if (this.runs.size > this.max) this.runs.delete(this.runs.keys().next().value!);
    const want = Math.max(0, Math.min(Math.floor(epoch), 10_000));
    while (run.n < want && !run.state.done) {
      stepEpoch(run.state);
      const h = run.state.history.pop()!; // kept here, one byte each, not as records
      if (run.n === run.acc.length) {
        const bigger = new Uint8Array(run.acc.length * 2);
        bigger.set(run.acc);
        run.acc = bigger;
      }
      run.acc[run.n++] = Math.round(h.accuracy * 4);
    }
    const end = Math.min(want, run.n);
    return Array.from(run.acc.subarray(Math.max(0, end - count), end), (q) => q / 4);
  }
}
