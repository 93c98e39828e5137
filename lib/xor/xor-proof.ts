/**
 * The XOR proof as class data: what every student's single perceptron reached on XOR ("0 of 28
 * single perceptrons reached 100%; the best reached 75%", with each student's best line), then
 * who solved it with one hidden layer and where their two hidden lines lie. Built from stored,
 * server-graded submissions by replaying them (never from a claimed accuracy), and kept up to
 * date on the board by merging one student's delta at a time. No I/O.
 */
import { xorSubmissionSchema, type XorReplay } from "../grading/grading";
import { train } from "../nn/perceptron";
import type { MlpUnit } from "../nn/mlp-net";
import type { RunDiag } from "../nn/mlp-diagnostics";
import type { AccuracySteps, HiddenActivation } from "./xor-net";

/** One student's best single-perceptron run on XOR: its line (weights after the run) and what it reached. */
export interface PerceptronLine { userId: string; w: [number, number]; b: number; accuracy: number }
export interface XorClassResult {
  /** Students with at least one graded XOR submission. */
  attempted: number;
  /** Of them, how many reached 100% (with one perceptron: none, ever). */
  reached: number;
  /** The best accuracy any of them reached (0..1), 0 when nobody attempted. */
  best: number;
  lines: PerceptronLine[];
}

/**
 * One student's best two-layer run, as the server replayed it. `epochs` and `steps` (its accuracy
 * per epoch, compact) feed an activation experiment's comparison; runs stored before they were
 * kept have neither. `hidden` is the first hidden layer (2..8 units, each a line over the plane);
 * `width`, `layers` and `diag` (the replay's diagnostics) are kept for runs stored since those existed.
 */
export interface HiddenRun {
  userId: string; activation: HiddenActivation; hidden: MlpUnit[]; accuracy: number; solved: boolean; epochs?: number; steps?: AccuracySteps;
  width?: number; layers?: number; diag?: RunDiag;
}
export interface XorNetSummary { submitted: number; solved: number; runs: HiddenRun[] }

export interface XorBoardView {
  sessionId: string;
  /** The instructor unlocked the hidden layer for the session. */
  unlocked: boolean;
  perceptron: XorClassResult;
  net: XorNetSummary;
}

/** Replays by run settings, kept by the caller (a run is replayed once, however often the board asks). */
export type ReplayMemo = Map<string, Omit<PerceptronLine, "userId">>;

/**
 * The line and reach of one stored XOR submission, replayed from its settings; null if it is not one.
 * `known`: the grading's replay of these very settings (gradeXorReplay, run on the server), used
 * instead of replaying again and kept in the memo. Never a number the browser sent.
 */
export function replayedLine(userId: string, payload: unknown, memo?: ReplayMemo, known?: XorReplay): PerceptronLine | null {
  const p = xorSubmissionSchema.safeParse(payload);
  if (!p.success) return null;
  const { lr, epochs, seed } = p.data;
  const key = `${lr}|${epochs}|${seed}`;
  if (known) memo?.set(key, known);
  let hit = known ?? memo?.get(key);
  if (!hit) {
    const r = train({ gate: "XOR", lr, epochs, seed });
    hit = { w: [r.final.w[0], r.final.w[1]], b: r.final.b, accuracy: r.bestAccuracy };
    memo?.set(key, hit);
  }
  return { userId, w: [hit.w[0], hit.w[1]], b: hit.b, accuracy: hit.accuracy };
}

const summarize = (lines: PerceptronLine[]): XorClassResult => ({
  attempted: lines.length,
  reached: lines.filter((l) => l.accuracy === 1).length,
  best: lines.reduce((m, l) => Math.max(m, l.accuracy), 0),
  lines,
});

/** The class result from every stored XOR submission of the session: each student's best run counts. */
export function classResult(submissions: readonly { userId: string; payload: unknown }[], memo?: ReplayMemo): XorClassResult {
  const best = new Map<string, PerceptronLine>();
  for (const s of submissions) {
    const line = replayedLine(s.userId, s.payload, memo);
    const had = best.get(s.userId);
    if (line && (!had || line.accuracy > had.accuracy)) best.set(s.userId, line);
  }
  return summarize([...best.values()].sort(byUser));
}

const byUser = (a: { userId: string }, b: { userId: string }) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0);

/** The result after one more graded submission (the board's delta): kept only if it beats the student's best. */
export function mergeLine(result: XorClassResult, line: PerceptronLine): XorClassResult {
  const had = result.lines.find((l) => l.userId === line.userId);
  if (had && had.accuracy >= line.accuracy) return result;
  return summarize([...result.lines.filter((l) => l.userId !== line.userId), line].sort(byUser));
}

/** Of two runs of one student, the one that counts: solved first, then higher accuracy, then the newer. */
const betterRun = (a: HiddenRun, b: HiddenRun | undefined) => !b || Number(a.solved) > Number(b.solved) || (a.solved === b.solved && a.accuracy >= b.accuracy);

const summarizeRuns = (runs: HiddenRun[]): XorNetSummary => ({ submitted: runs.length, solved: runs.filter((r) => r.solved).length, runs });

/** Stored two-layer runs (oldest first) to the board's summary: one run per student. */
export function netSummary(runs: readonly HiddenRun[]): XorNetSummary {
  const best = new Map<string, HiddenRun>();
  for (const r of runs) if (betterRun(r, best.get(r.userId))) best.set(r.userId, r);
  return summarizeRuns([...best.values()].sort(byUser));
}

export function mergeRun(summary: XorNetSummary, run: HiddenRun): XorNetSummary {
  const had = summary.runs.find((r) => r.userId === run.userId);
  if (!betterRun(run, had)) return summary;
  return summarizeRuns([...summary.runs.filter((r) => r.userId !== run.userId), run].sort(byUser));
}

export const emptyXorView = (sessionId: string, unlocked = false): XorBoardView => ({
  sessionId, unlocked, perceptron: summarize([]), net: summarizeRuns([]),
});

/** A board event for the XOR view: a snapshot, a graded perceptron line, a graded two-layer run, the unlock. */
export type XorViewEvent =
  | { kind: "view"; view: XorBoardView }
  | { kind: "line"; line: PerceptronLine }
  | { kind: "run"; run: HiddenRun }
  | { kind: "unlocked" };

export function applyXorEvent(view: XorBoardView | null, e: XorViewEvent): XorBoardView | null {
  if (e.kind === "view") return e.view;
  if (!view) return view; // a delta before the snapshot: the snapshot (asked for on watch) includes it
  if (e.kind === "line") return { ...view, perceptron: mergeLine(view.perceptron, e.line) };
  if (e.kind === "run") return { ...view, net: mergeRun(view.net, e.run) };
  return view.unlocked ? view : { ...view, unlocked: true };
}
