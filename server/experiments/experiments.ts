// Class experiments on the server: pushing an exercise as an experiment (groups stored, one
// broadcast), students choosing or joining late, the settings a student's run is graded with, and
// the per-group result kept for the history. Every step costs a few queries for the whole session,
// never one per student.
import { db } from "../db";
import { DomainError } from "../errors";
import * as sessions from "../live/sessions";
import { experimentInfo, type ExperimentRow } from "./experiment-info";
import { exerciseConfigSchema } from "@/lib/lessons/exercises";
import {
  assignGroups, groupConfig, variablesFor, runFitsGroup, groupSettings, groupSizes, lateGroup, summarizeGroups, type ExperimentSpec, type GroupSettings, type ExperimentRecord, type GroupSummary, type MemberRun, type AssignmentMode,
} from "@/lib/experiments/experiments";
import { runOf } from "@/lib/board/accuracy-replay";
import { netComparison } from "@/lib/experiments/experiment-runs";
import { train } from "@/lib/nn/perceptron";
import { countedNetRuns } from "../xor/xor-proof";
import type { ProgressState, StudentSessionState } from "@/lib/live/session-protocol";

type Row = sessions.SessionRow;
type Exercise = Row["lesson"]["exercises"][number];

/** The running experiment if it is on this exercise. */
function running(s: Row, exerciseId: string | null | undefined): ExperimentRow | null {
  return s.experiment && s.experiment.exerciseId === exerciseId ? s.experiment : null;
}

/** The same row with the experiment's members (and result) replaced: a new object, so per-row caches rebuild. */
function withExperiment(s: Row, experiment: ExperimentRow): Row {
  return { ...s, experiment };
}

/**
 * Push `exerciseId` as an experiment. Queries for the whole class: the participants (1), the
 * experiment with its members (2-3), the session update (1). Students present at the push are
 * assigned now; those arriving later at their enter (lateJoin).
 */
export async function pushExperiment(s: Row, exerciseId: string, userIds: string[], spec: ExperimentSpec): Promise<Row> {
  const exercise = s.lesson.exercises.find((e) => e.id === exerciseId);
  if (!exercise) throw new DomainError("notFound", 404);
  // What may differ in which exercise: one rule, shared with the setup form (lib/experiments/experiments.ts).
  if (!variablesFor(exercise.type).includes(spec.variable)) throw new DomainError("invalidInput", 400);
  const seed = spec.seed ?? Math.floor(Math.random() * 2 ** 31);
  const groups = groupSettings(spec);
  const targets = new Set(userIds);
  const present = (await db.sessionParticipant.findMany({ where: { sessionId: s.id, kicked: false }, select: { userId: true } }))
    .map((p) => p.userId)
    .filter((u) => targets.size === 0 || targets.has(u));
  const members = assignGroups(present, groups.length, spec.mode, seed);
  const created = await db.experiment.create({
    data: {
      sessionId: s.id,
      exerciseId,
      mode: spec.mode,
      variable: spec.variable,
      groups: groups as unknown as object,
      seed,
      members: { createMany: { data: [...members].map(([userId, group]) => ({ userId, group })) } },
    },
    select: { id: true },
  });
  return sessions.pushExercise(s, exerciseId, userIds, created.id);
}

/** CHOICE mode: a student joins a group, once. Returns the new row and the group. */
export async function choose(s: Row, userId: string, group: number): Promise<{ session: Row; group: number; added: boolean }> {
  const ex = running(s, s.currentExerciseId);
  if (!ex || ex.mode !== "CHOICE" || !sessions.isTargeted(s, userId)) throw new DomainError("notAnExperiment", 409);
  if (s.status !== "LIVE" || !s.exerciseOpen) throw new DomainError("exerciseClosed", 409);
  const groups = experimentInfo(ex).groups;
  if (group >= groups.length) throw new DomainError("invalidInput", 400);
  const had = experimentInfo(ex).members[userId];
  if (had !== undefined) {
    if (had === group) return { session: s, group, added: false };
    throw new DomainError("experimentGroupChosen", 409);
  }
  const { count } = await db.experimentMember.createMany({ data: [{ experimentId: ex.id, userId, group }], skipDuplicates: true });
  if (count === 0) {
    // Chosen meanwhile on another node (or another tab): the stored choice stands.
    const stored = await db.experimentMember.findUnique({ where: { experimentId_userId: { experimentId: ex.id, userId } }, select: { group: true } });
    if (stored && stored.group !== group) throw new DomainError("experimentGroupChosen", 409);
  }
  return { session: withExperiment(s, { ...ex, members: [...ex.members, { userId, group }] }), group, added: count > 0 };
}

/**
 * Students entering after a random or balanced push get a group now: one insert for the whole
 * batch of entering students. Their own view is patched with the new membership.
 */
export async function lateJoin(s: Row, states: Map<string, StudentSessionState | Error>): Promise<{ session: Row; added: { userId: string; group: number }[] }> {
  const ex = running(s, s.currentExerciseId);
  if (!ex || ex.mode === "CHOICE") return { session: s, added: [] };
  const info = experimentInfo(ex);
  const sizes = groupSizes(info.members, info.groups.length);
  const added: { userId: string; group: number }[] = [];
  for (const [userId, st] of states) {
    if (st instanceof Error || !st.exercise || info.members[userId] !== undefined) continue;
    const group = lateGroup(sizes, info.mode, ex.seed, userId);
    if (group === null) continue;
    sizes[group]++;
    added.push({ userId, group });
  }
  if (!added.length) return { session: s, added };
  await db.experimentMember.createMany({ data: added.map((a) => ({ experimentId: ex.id, ...a })), skipDuplicates: true });
  const next = withExperiment(s, { ...ex, members: [...ex.members, ...added] });
  const nextInfo = experimentInfo(next.experiment!);
  for (const { userId } of added) {
    const st = states.get(userId) as StudentSessionState;
    states.set(userId, { ...st, exercise: st.exercise && { ...st.exercise, experiment: nextInfo } });
  }
  return { session: next, added };
}

/**
 * The exercise's config for this student's run: in an experiment, the group's settings, locked.
 * Null: the exercise is an experiment and the student has no group (by choice, not chosen yet).
 *
 * Why locked rather than "graded as claimed": a run with another group's learning rate tells
 * nothing about this group's setting and would blur the comparison, so it is refused
 * (settingsLocked) like any run breaking a preset lock, and is not stored.
 */
export function configFor(s: Row, userId: string, exercise: Exercise): unknown | null {
  const ex = running(s, exercise.id);
  if (!ex) return exercise.config;
  const info = experimentInfo(ex);
  const group = info.members[userId];
  if (group === undefined) return null;
  const parsed = exerciseConfigSchema.safeParse(exercise.config);
  if (!parsed.success || parsed.data.type === "ACTIVATION") return exercise.config;
  return groupConfig(parsed.data, info.groups[group]);
}

/**
 * A seed experiment: the run must start from the group's seed (the presets have no seed, so the
 * lock cannot say it). True when the run keeps to its group or no experiment runs.
 */
export function keepsToGroup(s: Row, userId: string, exercise: Exercise, payload: unknown): boolean {
  const ex = running(s, exercise.id);
  if (!ex) return true;
  const info = experimentInfo(ex);
  const settings = info.groups[info.members[userId]];
  if (settings?.seed === undefined) return true;
  return !!payload && typeof payload === "object" && (payload as { seed?: unknown }).seed === settings.seed;
}

/** Accuracy after epochs 1..n of a streamed run, replayed; only a run with its group's settings counts. */
function curveOf(progress: ProgressState | null, settings: GroupSettings, exerciseLr: number): number[] | null {
  const run = runOf(progress);
  if (!run || run.epoch < 1 || !runFitsGroup(settings, exerciseLr, run)) return null;
  return train({ gate: run.gate, lr: run.lr, epochs: Math.min(run.epoch, 10_000), seed: run.seed }).history.map((h) => h.accuracy);
}

/**
 * The comparison as it stands, stored with the experiment (the history and the students after the
 * reveal read it). Three queries: progress, right submissions, the update (an activation
 * experiment: the two-layer runs, the update).
 */
export async function storeResult(s: Row): Promise<Row> {
  const ex = s.experiment;
  if (!ex) return s;
  const info = experimentInfo(ex);
  if (info.variable === "activation") return saveResult(s, ex, netComparison(info, await countedNetRuns(s.id, ex.exerciseId)));
  const config = s.lesson.exercises.find((e) => e.id === ex.exerciseId)?.config as { lr?: unknown } | undefined;
  const exerciseLr = typeof config?.lr === "number" ? config.lr : NaN;
  const [participants, right] = await Promise.all([
    db.sessionParticipant.findMany({ where: { sessionId: s.id, kicked: false, exerciseId: ex.exerciseId }, select: { userId: true, progress: true } }),
    db.submission.findMany({ where: { sessionId: s.id, exerciseId: ex.exerciseId, correct: true }, select: { userId: true }, distinct: ["userId"] }),
  ]);
  const progress = new Map(participants.map((p) => [p.userId, p.progress as ProgressState | null]));
  const correct = new Set(right.map((r) => r.userId));
  const runs: MemberRun[] = Object.entries(info.members).map(([userId, group]) => ({
    group,
    curve: curveOf(progress.get(userId) ?? null, info.groups[group], exerciseLr),
    correct: correct.has(userId),
  }));
  return saveResult(s, ex, summarizeGroups(info.groups, runs));
}

async function saveResult(s: Row, ex: ExperimentRow, result: GroupSummary[]): Promise<Row> {
  await db.experiment.update({ where: { id: ex.id }, data: { result: result as unknown as object }, select: { id: true } });
  return withExperiment(s, { ...ex, result: result as unknown as ExperimentRow["result"] });
}

/** Experiments of a session or a class, oldest first (history, dashboard): one query. */
export async function experimentsOf(where: { sessionId: string } | { classId: string }): Promise<ExperimentRecord[]> {
  const rows = await db.experiment.findMany({
    where: "sessionId" in where ? { sessionId: where.sessionId } : { session: { classId: where.classId } },
    select: { id: true, sessionId: true, exerciseId: true, mode: true, groups: true, result: true, createdAt: true, members: { select: { group: true } } },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((r) => {
    const groups = r.groups as unknown as GroupSettings[];
    const sizes = groups.map((_, g) => r.members.filter((m) => m.group === g).length);
    return { id: r.id, sessionId: r.sessionId, exerciseId: r.exerciseId, mode: r.mode as AssignmentMode, groups, sizes, result: (r.result as unknown as GroupSummary[] | null) ?? null, createdAt: r.createdAt.toISOString() };
  });
}
