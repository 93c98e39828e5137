// Two-layer runs acknowledged on receipt. A class hands its runs in together and each replay is
// several ms of CPU, more than a burst's window has: replaying before the ack made the acks wait
// for the whole queue. So a run checked at the edge (server/xor/xor-proof.ts) is acknowledged at
// once, held here in memory and replayed on the pool (server/xor/replay-pool.ts); its grade goes
// to the student afterwards (xor:graded, server/socket/xor-live.ts) and the stored runs are written
// in batches (server/database/batch.ts), never one insert per run. Nothing of the ack touches the
// database: the browser keeps the run until its grade arrives and sends it again (same clientId)
// after a reconnect or a long silence, so a receipt lost with this process loses nothing the
// browser does not still hold. Stored once per (userId, clientId), as before.
import type { ErrorCode } from "@/lib/edge/error-codes";
import type { LabelledPoint } from "@/lib/nn/custom-points";
import type { XorNetResult, XorSubmitAck } from "@/lib/live/xor-protocol";
import type { XorNetGrade, XorNetRun } from "@/lib/xor/xor-net-grading";
import { batcher } from "../database/batch";
import { db } from "../db";
import { refusalOf } from "../errors";
import { netRunPayload, runSelect, type RunRow } from "./net-runs";
import { gradeNetRun } from "./replay-pool";

/** `points`: the exercise's own points the run must have been trained on (absent: XOR's four). */
export interface Receipt { sessionId: string; exerciseId: string; userId: string; clientId: string; run: XorNetRun; points?: readonly LabelledPoint[] }
export type NetGraded = { ok: true; row: RunRow; result: XorNetResult } | { ok: false; error: ErrorCode };

/** Graded results remembered on this node for resends (a later resend reads the stored row). */
const REMEMBER_MAX = 50_000;
const keyOf = (userId: string, clientId: string) => `${userId}\0${clientId}`;
/** Stored runs streaming in (one replay every few ms) wait this long for company: a few inserts a second, not one a run. */
const STORE_GATHER_MS = 100;
const resultOf = (row: RunRow): XorNetResult => ({ solved: row.solved, accuracy: row.accuracy, at: row.createdAt.toISOString() });

/** One batch of replayed runs stored: one insert, and one read for those stored already (a resend this node had forgotten). */
async function storeBatch(items: { r: Receipt; grade: XorNetGrade }[]): Promise<(RunRow | Error)[]> {
  const select = { ...runSelect, clientId: true } as const;
  const data = items.map(({ r, grade }) => ({
    sessionId: r.sessionId, exerciseId: r.exerciseId, userId: r.userId, clientId: r.clientId,
    payload: netRunPayload(r.run, grade), accuracy: grade.accuracy, solved: grade.solved,
  }));
  const rows = new Map<string, RunRow>();
  for (const row of await db.xorNetRun.createManyAndReturn({ data, skipDuplicates: true, select })) rows.set(keyOf(row.userId, row.clientId), row);
  const missing = items.filter(({ r }) => !rows.has(keyOf(r.userId, r.clientId)));
  if (missing.length) {
    const found = await db.xorNetRun.findMany({ where: { OR: missing.map(({ r }) => ({ userId: r.userId, clientId: r.clientId })) }, select });
    for (const row of found) rows.set(keyOf(row.userId, row.clientId), row);
  }
  return items.map(({ r }) => rows.get(keyOf(r.userId, r.clientId)) ?? new Error("net run not stored"));
}

/** `deliver`: told each received run's grade once (the student's xor:graded, the board's xor:run). */
export function netReceipts(deliver: (r: Receipt, g: NetGraded) => void) {
  const queued = new Set<string>();
  const graded = new Map<string, XorNetResult>();
  const store = batcher(storeBatch, 500, STORE_GATHER_MS);

  /** What this node knows of a run already: graded (its result), received (grading), or nothing. */
  function known(userId: string, clientId: string): XorSubmitAck | null {
    const key = keyOf(userId, clientId);
    const result = graded.get(key);
    if (result) return { status: "graded", result };
    return queued.has(key) ? { status: "received" } : null;
  }

  /** A run checked at the edge: queued for its replay (once, however often it is sent), acknowledged. */
  function receive(r: Receipt): XorSubmitAck {
    const seen = known(r.userId, r.clientId);
    if (seen) return seen;
    const key = keyOf(r.userId, r.clientId);
    queued.add(key);
    void grade(r).then((g) => {
      if (g.ok) {
        graded.set(key, g.result);
        if (graded.size > REMEMBER_MAX) graded.delete(graded.keys().next().value!);
      }
      queued.delete(key);
      deliver(r, g);
    });
    return { status: "received" };
  }

  async function grade(r: Receipt): Promise<NetGraded> {
    // the ack first: without worker threads (REPLAY_WORKERS=0, tsx) the replay runs on this loop
    await new Promise((go) => setImmediate(go));
    try {
      const g = await gradeNetRun(r.run, r.points);
      if (g.reason === "invalid") return { ok: false, error: g.error ?? "invalidSubmission" };
      if (g.reason === "replayMismatch" || !g.net) return { ok: false, error: "replayMismatch" };
      const row = await store({ r, grade: g });
      return { ok: true, row, result: resultOf(row) };
    } catch (e) {
      // databaseUnavailable: not stored; the browser still holds the run and sends it again
      return { ok: false, error: refusalOf(e, "net run").code };
    }
  }

  return { known, receive };
}
