// The XOR proof in the database: the hidden layer unlocked per session (one UPDATE), two-layer
// runs checked at the edge (then replayed and stored once per clientId: server/xor/net-receipts.ts),
// and the board's view (two queries for the whole session, every stored run replayed with lib/,
// never a claimed score).
import { db } from "../db";
import { runSelect, type RunRow } from "./net-runs";
import { DomainError } from "../errors";
import { isTargeted, sessionSelect, type SessionRow } from "../live/sessions";
import { experimentInfo } from "../experiments/experiment-info";
import { groupOf, netActivationOf } from "@/lib/experiments/experiments";
import { classResult, netSummary, replayedLine, type HiddenRun, type PerceptronLine, type ReplayMemo, type XorBoardView } from "@/lib/xor/xor-proof";
import { checkXorNetRun, netPointsOf, onExercisePoints, type XorNetRun } from "@/lib/xor/xor-net-grading";
import type { LabelledPoint } from "@/lib/nn/custom-points";
import type { XorReplay } from "@/lib/grading/grading";
import type { XorSubmit } from "@/lib/live/xor-protocol";

/**
 * Replayed perceptron runs by settings, on this node: each XOR answer is replayed once when it is
 * submitted, so a board's watch costs two queries and lookups (2,000 students x 1,000 epochs
 * replayed cold take about half a second of CPU). Bounded: the oldest entries go first.
 */
const MEMO_MAX = 20_000;
const memo: ReplayMemo = new Map();
function bounded(): ReplayMemo {
  while (memo.size > MEMO_MAX) memo.delete(memo.keys().next().value!);
  return memo;
}

const xorExerciseIds = (s: SessionRow) => s.lesson.exercises.filter((e) => e.type === "XOR").map((e) => e.id);

/** Unlock the hidden layer: one UPDATE returning the row; null when it already was (nothing to tell anyone). */
export async function unlockHiddenLayer(s: SessionRow): Promise<SessionRow | null> {
  if (s.status !== "LIVE") throw new DomainError("sessionEnded", 409);
  if (s.hiddenLayer) return null;
  return db.liveSession.update({ where: { id: s.id }, data: { hiddenLayer: true }, select: sessionSelect });
}


export function hiddenRunOf(row: RunRow): HiddenRun {
  const p = row.payload as XorNetRun & { steps?: HiddenRun["steps"]; diag?: HiddenRun["diag"] };
  return {
    userId: row.userId, activation: p.activation, hidden: p.final.hidden, accuracy: row.accuracy, solved: row.solved,
    ...(Array.isArray(p.steps) && { epochs: p.epochs, steps: p.steps }),
    ...(p.width !== undefined && { width: p.width }),
    ...(p.layers !== undefined && { layers: p.layers }),
    ...(p.diag && { diag: p.diag }),
  };
}

/** The stored two-layer runs of a session (or of one exercise in it), oldest first: one query. */
async function storedRuns(sessionId: string, exerciseId?: string): Promise<HiddenRun[]> {
  const rows = await db.xorNetRun.findMany({ where: { sessionId, ...(exerciseId && { exerciseId }) }, select: runSelect, orderBy: { createdAt: "asc" } });
  return rows.map(hiddenRunOf);
}

/** Each student's counted two-layer run on one exercise (the board's rule): one query. */
export async function countedNetRuns(sessionId: string, exerciseId: string): Promise<HiddenRun[]> {
  return netSummary(await storedRuns(sessionId, exerciseId)).runs;
}

/** The board's XOR view: every XOR submission of the session and every two-layer run, two queries. */
export async function xorBoardView(s: SessionRow): Promise<XorBoardView> {
  const [subs, runs] = await Promise.all([
    db.submission.findMany({ where: { sessionId: s.id, exerciseId: { in: xorExerciseIds(s) } }, select: { userId: true, payload: true } }),
    storedRuns(s.id),
  ]);
  return { sessionId: s.id, unlocked: s.hiddenLayer, perceptron: classResult(subs, bounded()), net: netSummary(runs) };
}

/**
 * A graded XOR answer's replayed line for the board, or null when the exercise is not XOR. `replay`
 * is the grading's own replay of the same settings (server-made, never the client's claim): kept in
 * the memo, so neither this delta nor a later watch replays the run again.
 */
export function lineOfSubmission(s: SessionRow | null, exerciseId: string, userId: string, payload: unknown, replay?: XorReplay): PerceptronLine | null {
  if (!s || !xorExerciseIds(s).includes(exerciseId)) return null;
  return replayedLine(userId, payload, bounded(), replay);
}

/** The points the exercise's network trains on: the XOR preset's own, or undefined for XOR's four. */
const exercisePoints = (s: SessionRow, exerciseId: string) => netPointsOf(s.lesson.exercises.find((e) => e.id === exerciseId)?.config);

/** Why this two-layer run may not be taken, or null. Kicked students have left the room (checked at the edge). */
function refusal(s: SessionRow | null, userId: string, exerciseId: string): DomainError | null {
  if (!s) return new DomainError("notFound", 404);
  if (s.status !== "LIVE") return new DomainError("sessionEnded", 409);
  if (!s.hiddenLayer) return new DomainError("notUnlocked", 409);
  const ex = s.lesson.exercises.find((e) => e.id === exerciseId);
  if (s.currentExerciseId !== exerciseId || !ex || ex.type !== "XOR" || !s.exerciseOpen) return new DomainError("exerciseClosed", 409);
  if (!isTargeted(s, userId)) return new DomainError("notTargeted", 403);
  if (s.paused) return new DomainError("paused", 409);
  return null;
}

/** An activation experiment on this exercise: the hidden activation this student's group must use (null: any). */
function groupActivation(s: SessionRow, userId: string, exerciseId: string, activation: unknown): DomainError | null {
  const ex = s.experiment?.exerciseId === exerciseId ? experimentInfo(s.experiment) : null;
  if (!ex || ex.variable !== "activation") return null;
  if (groupOf(ex, userId) === null) return new DomainError("experimentNoGroup", 409);
  return netActivationOf(ex, userId) === activation ? null : new DomainError("experimentActivation", 409);
}

/**
 * A two-layer run at the edge: everything that can refuse it without a replay (the session, the
 * exercise, the unlock, the run's points, the experiment's activation, the run's and its weights'
 * shape), or the checked run and the exercise's points it is to be replayed on. Its replay and storage come after the ack (server/xor/net-receipts.ts); a claim the
 * replay does not reproduce is refused then (replayMismatch) and not stored.
 */
export function checkNetRun(s: SessionRow | null, userId: string, data: XorSubmit): { run: XorNetRun; points?: LabelledPoint[] } {
  const claim = data.run as { points?: unknown; activation?: unknown } | null;
  const refused = refusal(s, userId, data.exerciseId);
  if (refused) throw refused;
  // the exercise's points, read once: the run must claim exactly them (or none on XOR's four)
  const points = exercisePoints(s!, data.exerciseId);
  if (!onExercisePoints(points, claim?.points)) throw new DomainError("netPointsNotThisExercise", 400);
  const wrongGroup = groupActivation(s!, userId, data.exerciseId, claim?.activation);
  if (wrongGroup) throw wrongGroup;
  const checked = checkXorNetRun(data.run, points);
  if ("invalid" in checked) throw new DomainError(checked.invalid, 400);
  return { run: checked.run, ...(points && { points }) };
}
