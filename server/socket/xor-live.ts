// The XOR proof's live events, registered on each socket by createLive (server/socket/live.ts)
// through `on` (server/socket/guard.ts) with the caller's rights checks (server/socket/context.ts).
// Unlock: one UPDATE, one message to the session room (the students' session:update) and one to
// the XOR room. A two-layer run: checked, acknowledged on receipt, then graded by replay and stored
// in a batch (server/xor/net-receipts.ts): its grade to the student, the run to the board room. The
// board's XOR view is read on watch (two queries), deltas after, in the board's own room on the
// board's own socket (one connection per board or projector tab).
import type { XorReplay } from "@/lib/grading/grading";
import type { Caller, Live } from "./context";
import { on } from "./guard";
import { boardRoom, userRoom } from "./rooms";
import { netReceipts } from "../xor/net-receipts";
import { checkNetRun, hiddenRunOf, lineOfSubmission, unlockHiddenLayer, xorBoardView } from "../xor/xor-proof";

/** XOR deltas go to the board's room: where the board's socket already is. */
const xorRoom = boardRoom;

export type XorLive = ReturnType<typeof xorLive>;

export function xorLive(live: Live) {
  const { io, cache } = live;
  // A run's grade, after its ack: to the student (every socket of theirs in the session), and a stored run to the board.
  const receipts = netReceipts(({ sessionId, exerciseId, clientId, userId }, g) => {
    const about = { sessionId, exerciseId, clientId };
    io.to(userRoom(userId)).emit("xor:graded", g.ok ? { ...about, ok: true, result: g.result } : { ...about, ok: false, error: g.error });
    if (g.ok) io.to(xorRoom(sessionId)).emit("xor:run", { sessionId, run: hiddenRunOf(g.row) });
  });
  function register({ socket, user, asInstructor, asStudent, requireCached }: Caller) {
    on(socket, "control:unlock", async ({ sessionId }) => {
      await asInstructor(sessionId);
      const next = await unlockHiddenLayer(await requireCached(sessionId));
      if (!next) return; // already unlocked: nothing changed, nobody told again
      live.changed(next, { students: true });
      io.to(xorRoom(sessionId)).emit("xor:unlocked", { sessionId });
    });

    on(socket, "xor:watch", async ({ sessionId }) => {
      await asInstructor(sessionId);
      await socket.join(xorRoom(sessionId)); // the board's room: joined by board:watch already, unless this came first
      return { view: await xorBoardView(await requireCached(sessionId)) };
    });

    on(socket, "xor:submit", async (data) => {
      asStudent(data.sessionId);
      // a run this node has graded or is grading: its answer, whatever became of the exercise since
      const seen = receipts.known(user.id, data.clientId);
      if (seen) return seen;
      const { run, points } = checkNetRun(await cache.get(data.sessionId), user.id, data);
      return receipts.receive({ sessionId: data.sessionId, exerciseId: data.exerciseId, userId: user.id, clientId: data.clientId, run, ...(points && { points }) });
    });
  }

  /** After a stored submission: if it answered an XOR exercise, its replayed line goes to the XOR room. */
  /** Never rejects: the submission is stored and acknowledged already, the board's delta is a bonus. */
  /** `replay`: the grading's own replay of it (not replayed again); without it (a retry) one lookup or replay. */
  async function submitted(sessionId: string, exerciseId: string, userId: string, payload: unknown, replay?: XorReplay) {
    try {
      const line = lineOfSubmission(await cache.get(sessionId), exerciseId, userId, payload, replay);
      if (line) io.to(xorRoom(sessionId)).emit("xor:line", { sessionId, line });
    } catch (e) {
      console.error("xor line failed", e);
    }
  }

  return { register, submitted };
}
