// Students' progress, kept in memory per node: sent to the board in 250 ms batches and written to
// the database every 2 s in one statement per session. A snapshot read from the database flushes
// its session first (flushSession) so that it does not lag behind.
import type { ProgressState } from "@/lib/live/session-protocol";
import * as sessions from "../live/sessions";
import { boardRoom } from "./rooms";
import type { Hub } from "./socket-types";

const BOARD_FLUSH_MS = 250; // the board gets at most 4 progress batches a second per node
const DB_FLUSH_MS = 2000; // latest progress reaches the database every 2 s

export type Pending = { exerciseId: string; progress: ProgressState };
export type ProgressBuffer = ReturnType<typeof progressBuffer>;

export function progressBuffer(io: Hub) {
  const pendingBoard = new Map<string, Map<string, ProgressState>>();
  const pendingDb = new Map<string, Map<string, Pending>>();

  const boardTimer = setInterval(() => {
    for (const [sessionId, batch] of pendingBoard) {
      io.to(boardRoom(sessionId)).emit("board:progress", { sessionId, items: [...batch].map(([userId, progress]) => ({ userId, progress })) });
    }
    pendingBoard.clear();
  }, BOARD_FLUSH_MS);
  const dbTimer = setInterval(() => void flushDb(), DB_FLUSH_MS);

  async function flushDb() {
    for (const sessionId of [...pendingDb.keys()]) await flushSession(sessionId);
  }

  /** Save a session's pending progress now: snapshots read from the database must not lag behind. */
  async function flushSession(sessionId: string) {
    const batch = pendingDb.get(sessionId);
    if (!batch) return;
    pendingDb.delete(sessionId);
    await sessions.saveProgress(sessionId, batch).catch((e) => console.error("saving progress failed", e));
  }

  return {
    /** A student's latest progress: to the board's next batch and the next write. */
    record(sessionId: string, userId: string, exerciseId: string, progress: ProgressState) {
      if (!pendingBoard.has(sessionId)) pendingBoard.set(sessionId, new Map());
      pendingBoard.get(sessionId)!.set(userId, progress);
      if (!pendingDb.has(sessionId)) pendingDb.set(sessionId, new Map());
      pendingDb.get(sessionId)!.set(userId, { exerciseId, progress });
    },
    /** Progress of the session not written yet (newer than the stored one), by user. */
    pending: (sessionId: string): ReadonlyMap<string, Pending> | undefined => pendingDb.get(sessionId),
    flushSession,
    flushDb,
    close: async () => {
      clearInterval(boardTimer);
      clearInterval(dbTimer);
      await flushDb();
    },
  };
}
