// Live help flags: which students need the instructor, and why, as pure rules over the board's
// state. Every threshold is a named constant below; the board states them in words (messages
// "help.rules"), never as bare numbers. No I/O, no DOM, no clock: `now` is always passed in.
import type { ChoiceId } from "../nn/activations";
import type { BoardState, BoardTile, ProgressState } from "../live/session-protocol";
import { initialModel, type Perceptron } from "../nn/perceptron";
import { CONCEPT_IDS, wrongConcepts, type ConceptAnswers, type ConceptChoice, type ConceptId } from "../grading/concepts";
import { XOR_CORRECT_EXPLANATION, XOR_EXPLANATIONS, type XorExplanation } from "../lessons/exercise-constants";

/** Stuck: no progress streamed for this long (the exercise open, the session not paused). */
export const IDLE_MS = 60_000;
/** Stuck: the same failing answer (same settings, same weights) submitted this many times in a row. */
export const REPEAT_MIN = 3;
/** Unstable: the last this many epochs of a gate run are looked at... */
export const TURN_WINDOW = 10;
/** ...and the accuracy changed direction (up then down, or down then up) at least this often in them. */
export const TURNS_MIN = 4;
/** Unstable: the weights (w1, w2, b as one vector) at least this many times their starting size, below 100%. */
export const GROWTH_MIN = 5;
/** The class's most common wrong choice counts once at least this many students made it. */
export const COMMON_MIN = 2;

export const HELP_REASONS = ["idle", "repeated", "unstable", "xorExplanation", "commonWrongChoice", "conceptAnswer"] as const;
export type HelpReason = (typeof HELP_REASONS)[number];

/** `since`: ms on the caller's wall clock (Date.now()). */
export type HelpFlag = { userId: string; since: number } & (
  | { reason: "idle" }
  | { reason: "repeated"; count: number }
  | { reason: "unstable"; turns: number; growth: number }
  | { reason: "xorExplanation"; explanation: XorExplanation }
  | { reason: "commonWrongChoice"; choice: ChoiceId; kind: "extra" | "missing"; count: number }
  | { reason: "conceptAnswer"; concept: ConceptId; choice: ConceptChoice | null }
);

/** How often a series changes direction (flat steps are skipped: up, flat, down is one change). */
export function directionChanges(values: readonly number[]): number {
  let turns = 0;
  let dir = 0;
  for (let i = 1; i < values.length; i++) {
    const d = Math.sign(values[i] - values[i - 1]);
    if (d && dir && d !== dir) turns++;
    if (d) dir = d;
  }
  return turns;
}

const size = (m: Perceptron) => Math.hypot(m.w[0], m.w[1], m.b);

/** A seed's starting size, kept for the seeds seen lately (the board asks for every student on every flush). */
const START_SIZES = new Map<number, number>();
function startSize(seed: number): number {
  let s = START_SIZES.get(seed);
  if (s === undefined) {
    if (START_SIZES.size >= 10_000) START_SIZES.clear();
    s = size(initialModel({ seed }));
    START_SIZES.set(seed, s);
  }
  return s;
}

/** The model's size as a multiple of the starting model's, or of a starting size (1 when either is zero-sized). */
export function weightGrowth(start: Perceptron | number, now: Perceptron): number {
  const s0 = typeof start === "number" ? start : size(start);
  return s0 > 0 ? size(now) / s0 : 1;
}

/**
 * A gate run that jumps about instead of settling (a learning rate too high): below 100% now, and
 * either its accuracy turned TURNS_MIN times in the last TURN_WINDOW epochs (`accuracies`: after
 * epochs 1..epoch), or its weights grew GROWTH_MIN times their seed's starting size. Not for XOR:
 * one perceptron never settles on XOR whatever the learning rate, so flipping there is the lesson.
 */
export function unstableRun(progress: ProgressState, accuracies: readonly number[]): { turns: number; growth: number } | null {
  if (progress.type !== "GATE" || progress.accuracy >= 1 || progress.epoch < 1) return null;
  const turns = progress.epoch >= TURN_WINDOW ? directionChanges(accuracies.slice(-TURN_WINDOW)) : 0;
  const growth = weightGrowth(startSize(progress.seed), { w: progress.w, b: progress.b });
  return turns >= TURNS_MIN || growth >= GROWTH_MIN ? { turns, growth } : null;
}

/** One attempt as the rules see it: its answer's key (answerKey), right or not, when (ms). */
export interface Attempt { key: string; correct: boolean; at: number }
/** The latest run of identical failing attempts: how many, since the first of them. */
export interface Streak { key: string; count: number; since: number }

/** An answer summary as a stable string: the same settings give the same key, whatever the key order. */
export function answerKey(answer: unknown): string {
  const norm = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(norm) : v && typeof v === "object"
      ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, norm((v as Record<string, unknown>)[k])])) : v;
  return JSON.stringify(norm(answer ?? null));
}

/** The streak after one more attempt: a right one ends it, another answer starts a new one. */
export function nextStreak(prev: Streak | null, a: Attempt): Streak | null {
  if (a.correct) return null;
  if (prev && prev.key === a.key) return { ...prev, count: prev.count + 1 };
  return { key: a.key, count: 1, since: a.at };
}

/** The streak after attempts in time order. */
export function streakOf(attempts: readonly Attempt[]): Streak | null {
  return attempts.reduce<Streak | null>(nextStreak, null);
}

/** A wrong choice: an activation picked that is not right ("extra"), or a right one left out ("missing"). */
export interface WrongChoice { choice: ChoiceId; kind: "extra" | "missing" }
export const choiceKey = (w: WrongChoice) => `${w.kind}:${w.choice}`;

/**
 * The wrong choice made by the most students (ties: the first in the answers' order), once at least
 * COMMON_MIN made it; `answers`: each wrong answer's wrong choices.
 */
export function commonWrongChoice(answers: readonly (readonly WrongChoice[])[]): (WrongChoice & { count: number }) | null {
  const counts = new Map<string, { w: WrongChoice; n: number }>();
  for (const list of answers) {
    for (const w of new Map(list.map((x) => [choiceKey(x), x])).values()) {
      const c = counts.get(choiceKey(w));
      if (c) c.n++;
      else counts.set(choiceKey(w), { w, n: 1 });
    }
  }
  let best: { w: WrongChoice; n: number } | null = null;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c;
  return best && best.n >= COMMON_MIN ? { ...best.w, count: best.n } : null;
}

/** What the rules need besides the tiles; the board keeps it (lib/board/help-track.ts). */
export interface HelpInputs {
  now: number;
  /** When each student last streamed progress, or the clock's start (push, resume, board opened). */
  lastActive(userId: string): number;
  /** The student's latest run of identical failing attempts. */
  streak(userId: string): Streak | null;
  /** Accuracy after (at least) the last TURN_WINDOW epochs up to `epoch` of a gate run (replayed from its seeded settings). */
  accuracies(p: Extract<ProgressState, { type: "GATE" }>): readonly number[];
  /** An explorer answer's wrong choices (needs the exercise's config; null: not an explorer answer). */
  wrongChoices(answer: unknown): WrongChoice[] | null;
}

const isoMs = (at: string | undefined, fallback: number) => {
  const ms = at ? Date.parse(at) : NaN;
  return Number.isFinite(ms) ? ms : fallback;
};

/** Every flag on the board now: at most one per reason per student, oldest first. */
export function helpFlags(state: BoardState | null, input: HelpInputs): HelpFlag[] {
  const ex = state?.exercise;
  if (!state || !ex || state.status !== "LIVE") return [];
  const flags: HelpFlag[] = [];
  const live = ex.open && !state.paused;
  const targeted = new Set(ex.targetUserIds);
  const wrong = new Map<string, WrongChoice[]>();
  if (ex.type === "ACTIVATION") {
    for (const t of state.tiles) {
      const w = t.result && !t.result.correct ? input.wrongChoices(t.answer) : null;
      if (w?.length) wrong.set(t.userId, w);
    }
  }
  const common = commonWrongChoice([...wrong.values()]);

  for (const t of state.tiles) {
    if (targeted.size && !targeted.has(t.userId)) continue;
    if (t.result?.correct) continue;
    const at = isoMs(t.result?.at, input.now);
    if (live && t.online) {
      const last = input.lastActive(t.userId);
      if (input.now - last >= IDLE_MS) flags.push({ userId: t.userId, since: last, reason: "idle" });
    }
    const s = input.streak(t.userId);
    if (s && s.count >= REPEAT_MIN) flags.push({ userId: t.userId, since: s.since, reason: "repeated", count: s.count });
    if (t.progress?.type === "GATE") {
      const u = unstableOf(t.progress, input);
      if (u) flags.push({ userId: t.userId, since: input.now, reason: "unstable", ...u });
    }
    const explanation = xorExplanationOf(t);
    if (ex.type === "XOR" && t.result && explanation && explanation !== XOR_CORRECT_EXPLANATION) {
      flags.push({ userId: t.userId, since: at, reason: "xorExplanation", explanation });
    }
    const concept = ex.type === "XOR" && t.result ? wrongConcepts(askedConcepts(ex.config), conceptAnswersOf(t))[0] : undefined;
    if (concept) flags.push({ userId: t.userId, since: at, reason: "conceptAnswer", ...concept });
    if (common && wrong.get(t.userId)?.some((w) => choiceKey(w) === choiceKey(common))) {
      flags.push({ userId: t.userId, since: at, reason: "commonWrongChoice", choice: common.choice, kind: common.kind, count: common.count });
    }
  }
  return flags.sort((a, b) => a.since - b.since);
}

/** A progress object is judged once (the board keeps it while no newer progress arrives). */
const UNSTABLE = new WeakMap<object, { turns: number; growth: number } | null>();
function unstableOf(p: Extract<ProgressState, { type: "GATE" }>, input: HelpInputs) {
  let u = UNSTABLE.get(p);
  if (u === undefined) {
    // The replay only when the turns can count.
    u = unstableRun(p, p.accuracy < 1 && p.epoch >= TURN_WINDOW ? input.accuracies(p) : []);
    UNSTABLE.set(p, u);
  }
  return u;
}

function xorExplanationOf(t: BoardTile): XorExplanation | null {
  const e = (t.answer as { explanation?: unknown } | undefined)?.explanation;
  return typeof e === "string" && (XOR_EXPLANATIONS as readonly string[]).includes(e) ? (e as XorExplanation) : null;
}

/** The concept questions an XOR preset asks (lib/grading/concepts.ts); the board's config was checked on save. */
function askedConcepts(config: unknown): ConceptId[] {
  const c = (config as { concepts?: unknown } | null | undefined)?.concepts;
  return Array.isArray(c) ? c.filter((x): x is ConceptId => (CONCEPT_IDS as readonly unknown[]).includes(x)) : [];
}

function conceptAnswersOf(t: BoardTile): ConceptAnswers | undefined {
  const a = (t.answer as { concepts?: unknown } | undefined)?.concepts;
  return a && typeof a === "object" ? (a as ConceptAnswers) : undefined;
}

export const flagKey = (f: Pick<HelpFlag, "userId" | "reason">) => `${f.userId}|${f.reason}`;

/**
 * Keeps each flag's start while it stays raised (a flag whose start is "now", like an unstable run,
 * would otherwise restart on every flush). Returns the flags with their starts and the new starts.
 */
export function keepSince(prev: ReadonlyMap<string, number>, flags: readonly HelpFlag[]): { flags: HelpFlag[]; since: Map<string, number> } {
  const since = new Map<string, number>();
  const out = flags.map((f) => {
    const s = Math.min(prev.get(flagKey(f)) ?? f.since, f.since);
    since.set(flagKey(f), s);
    return s === f.since ? f : { ...f, since: s };
  });
  return { flags: out.sort((a, b) => a.since - b.since), since };
}

/** Anonymous counts per reason (the projector): students, not flags. */
export function countByReason(flags: readonly HelpFlag[]): Record<HelpReason, number> {
  const out = Object.fromEntries(HELP_REASONS.map((r) => [r, 0])) as Record<HelpReason, number>;
  for (const f of flags) out[f.reason]++;
  return out;
}

/** How many students have at least one flag. */
export const flaggedStudents = (flags: readonly HelpFlag[]) => new Set(flags.map((f) => f.userId)).size;
