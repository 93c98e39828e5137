// Experiments on the hub: a student chooses a group (`experiment:choose`), a student arriving late
// to a random or balanced experiment is given one (`joinLate`, from the enter batch), and before
// the exercise moves on the experiment's result is kept (`keepExperiment`, from the controls).
import type { StudentSessionState } from "@/lib/live/session-protocol";
import type { SessionRow } from "../live/sessions";
import * as experiments from "../experiments/experiments";
import type { Caller, Live } from "./context";
import { on } from "./guard";
import { boardRoom } from "./rooms";

export function experimentEvents(live: Live) {
  return ({ socket, user, asStudent, requireCached }: Caller) => {
    on(socket, "experiment:choose", async ({ sessionId, group }) => {
      asStudent(sessionId);
      const r = await experiments.choose(await requireCached(sessionId), user.id, group);
      if (r.added) {
        live.forget(sessionId); // the next update carries it; this student has the ack
        live.io.to(boardRoom(sessionId)).emit("board:group", { sessionId, experimentId: r.session.experiment!.id, userId: user.id, group });
      }
      return { group: r.group };
    });
  };
}

/** Arriving after a random or balanced experiment was pushed: a group now, for the whole enter batch. */
export async function joinLate(live: Live, sessionId: string, s: SessionRow, states: Map<string, StudentSessionState | Error>) {
  if (!s.experiment) return;
  const late = await experiments.lateJoin(s, states);
  if (!late.added.length) return;
  live.forget(sessionId);
  for (const a of late.added) live.io.to(boardRoom(sessionId)).emit("board:group", { sessionId, experimentId: late.session.experiment!.id, ...a });
}

/** Before the exercise moves on (push, close, reveal, end): the experiment's result is kept with it. */
export async function keepExperiment(live: Live, s: SessionRow) {
  if (!s.experiment) return;
  await live.progress.flushSession(s.id);
  await experiments.storeResult(s);
}
