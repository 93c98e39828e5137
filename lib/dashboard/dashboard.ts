// The class dashboard's shapes and the pure rules behind them: a cell's status, the grid's query
// parameters (sort, filter, page), durations, and the "misconceptions at a glance" summaries.
import { z } from "zod";
import { XOR_CORRECT_EXPLANATION, XOR_EXPLANATIONS, type XorExplanation } from "../grading/grading";
import { expectedAnswer } from "../grading/questions";
import type { Activation, ChoiceId } from "../nn/activations";
import type { ActivationConfig } from "../lessons/exercises";

export const PAGE_SIZE = 50;

export type ExerciseType = "ACTIVATION" | "GATE" | "XOR";
export interface DashboardColumn {
  id: string;
  lessonId: string;
  lessonTitle: string;
  position: number;
  type: ExerciseType;
  points: number;
  /** The gate of a GATE exercise (its name says it: "Train a perceptron: AND"). */
  gate?: string | null;
}

export type CellStatus = "notStarted" | "attempted" | "correct";
/** One student x one exercise, aggregated in SQL over every live session and homework of the class. */
export interface Cell {
  exerciseId: string;
  best: number;
  attempts: number;
  correct: boolean;
  /** Correct only after the due date, or (never correct) only late attempts. */
  late: boolean;
  /** Seconds from being given the exercise to the last attempt, summed over sessions/homework. */
  seconds: number;
}
export interface GridRow {
  userId: string;
  nickname: string;
  total: number;
  solved: number;
  attempts: number;
  seconds: number;
  cells: Cell[];
}
export interface GridPage {
  rows: GridRow[];
  /** Students matching the filter (all pages). */
  matched: number;
  /** Students in the class. */
  enrolled: number;
  page: number;
  pages: number;
}

export function cellStatus(cell: Cell | undefined): CellStatus {
  if (!cell || cell.attempts === 0) return "notStarted";
  return cell.correct ? "correct" : "attempted";
}

export const SORT_KEYS = ["nickname", "total", "solved", "attempts", "time"] as const;
const exSortKey = z.string().regex(/^ex:[A-Za-z0-9_-]{1,64}$/);

/** The grid's URL parameters; anything unknown falls back to a default (a bad link still opens). */
export const gridQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  sort: z.union([z.enum(SORT_KEYS), exSortKey]).catch("nickname"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  q: z.string().trim().max(40).catch(""),
  ex: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional().catch(undefined),
  status: z.enum(["any", "notStarted", "attempted", "correct"]).catch("any"),
});
export type GridQuery = z.infer<typeof gridQuerySchema>;

export function parseGridQuery(params: Record<string, string | string[] | undefined>): GridQuery {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  return gridQuerySchema.parse({
    page: one(params.page),
    sort: one(params.sort),
    dir: one(params.dir),
    q: one(params.q) ?? "",
    ex: one(params.ex) || undefined,
    status: one(params.status),
  });
}

/** URL search string for the grid with some parameters changed (defaults left out). */
export function gridHref(base: string, query: GridQuery, change: Partial<GridQuery>): string {
  const next = { ...query, ...change };
  const p = new URLSearchParams();
  if (next.page > 1) p.set("page", String(next.page));
  if (next.sort !== "nickname") p.set("sort", next.sort);
  if (next.dir !== "asc") p.set("dir", next.dir);
  if (next.q) p.set("q", next.q);
  if (next.ex && next.status !== "any") {
    p.set("ex", next.ex);
    p.set("status", next.status);
  }
  const s = p.toString();
  return s ? `${base}?${s}` : base;
}

/** LIKE pattern for a nickname search, with LIKE's own wildcards taken literally. */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Whole hours, minutes and seconds of a duration (the page words them in the reader's language). */
export function formatDuration(seconds: number): { h: number; m: number; s: number } {
  const total = Math.max(0, Math.round(seconds));
  return { h: Math.floor(total / 3600), m: Math.floor((total % 3600) / 60), s: total % 60 };
}

export interface ChoiceCount { choice: string; students: number }

/** XOR: how many students chose each wrong explanation, most chosen first. */
export function xorMisconceptions(counts: ChoiceCount[]): { choice: XorExplanation; students: number }[] {
  const by = new Map(counts.map((c) => [c.choice, c.students]));
  return XOR_EXPLANATIONS.filter((e) => e !== XOR_CORRECT_EXPLANATION)
    .map((choice) => ({ choice, students: by.get(choice) ?? 0 }))
    .sort((a, b) => b.students - a.students);
}

export interface ExplorerMistake {
  /** A built-in activation, or a preset's formula by its key (named by its label: lib/explorer/explorer-choices.ts). */
  activation: ChoiceId;
  /** "ticked": ticked although it does not answer the question; "missed": answers it, left out. */
  kind: "ticked" | "missed";
  students: number;
}

/**
 * The explorer's wrong answers: from how many students with a wrong answer ticked each activation,
 * which activations were wrongly ticked and which right ones were missed (most frequent first).
 * `customs`: the preset's formula activations, built (lib/formula/formula-activation.ts), so that what is
 * right about them comes from the same facts as the grading.
 */
export function explorerMistakes(config: ActivationConfig, wrongStudents: number, ticked: ChoiceCount[], customs: readonly Activation[] = []): ExplorerMistake[] {
  const expected = new Set<string>(expectedAnswer(config.question, config.activations, customs));
  const by = new Map(ticked.map((c) => [c.choice, c.students]));
  const offered: ChoiceId[] = [...config.activations, ...customs.map((a) => a.id)];
  const out: ExplorerMistake[] = offered.map((activation) =>
    expected.has(activation)
      ? { activation, kind: "missed" as const, students: Math.max(0, wrongStudents - (by.get(activation) ?? 0)) }
      : { activation, kind: "ticked" as const, students: by.get(activation) ?? 0 },
  );
  return out.filter((m) => m.students > 0).sort((a, b) => b.students - a.students);
}

/** Score distribution bins: 0 points, under half, half or more, full marks. */
export const SCORE_BINS = ["zero", "low", "high", "full"] as const;
export type ScoreBin = (typeof SCORE_BINS)[number];
export function scoreBin(best: number, points: number): ScoreBin {
  if (best >= points) return "full";
  if (best <= 0) return "zero";
  return best * 2 >= points ? "high" : "low";
}
export interface Distribution { exerciseId: string; bins: Record<ScoreBin, number>; notStarted: number }

/**
 * Completion over time: cumulative number of students who solved each exercise, at the end of each
 * of `count` equal time buckets between lo and hi (seconds; SQL width_bucket numbering, 1..count).
 */
export interface CompletionSeries { exerciseId: string; points: { t: number; solved: number }[] }
export function cumulativeCompletion(buckets: { exerciseId: string; bucket: number; n: number }[], lo: number, hi: number, count: number): CompletionSeries[] {
  const width = (hi - lo) / count || 1;
  const by = new Map<string, number[]>();
  for (const b of buckets) {
    if (!by.has(b.exerciseId)) by.set(b.exerciseId, new Array(count + 1).fill(0));
    const i = Math.min(Math.max(b.bucket, 1), count);
    by.get(b.exerciseId)![i] += b.n;
  }
  return [...by].map(([exerciseId, counts]) => {
    let sum = 0;
    const points = [{ t: lo * 1000, solved: 0 }];
    for (let i = 1; i <= count; i++) {
      sum += counts[i];
      points.push({ t: (lo + i * width) * 1000, solved: sum });
    }
    return { exerciseId, points };
  });
}
