// Live-session events on the hub, one module per feature sharing one typed context
// (server/socket/context.ts): a student's session (server/socket/session-events.ts), the
// instructor's board and controls (control-events.ts), experiments (experiment-events.ts), the XOR
// proof (xor-live.ts). Every payload is parsed with its zod schema and every event checks who may
// do it (server/socket/guard.ts).
//
// Cost model (2,000 students): a state change is one UPDATE, one message to the session room and
// one to the board room; each browser derives its own view (lib/live/session-view). Enters and
// submissions arriving together are grouped into one batch of a few queries (server/database/batch.ts).
// Progress is kept in memory, sent to the board in 250 ms batches and written every 2 s in one
// statement (server/socket/progress-buffer.ts). Presence is a count of connections per user
// (server/socket/presence.ts).
import { callerOf, liveContext } from "./context";
import { controlEvents } from "./control-events";
import { experimentEvents } from "./experiment-events";
import type { Presence } from "./presence";
import { sessionEvents } from "./session-events";
import type { Hub, HubSocket } from "./socket-types";
import { xorLive } from "./xor-live";

export { boardRoom, sessionKey, sessionRoom, userRoom } from "./rooms";

/** `shared`: several nodes (Redis); only then do other nodes need telling that a session changed. */
export function createLive(io: Hub, presence: () => Presence, shared: () => boolean = () => false) {
  const live = liveContext(io, presence, shared);
  const xor = xorLive(live);
  const features = [sessionEvents(live, xor), experimentEvents(live), controlEvents(live), xor.register];

  return {
    register(socket: HubSocket) {
      const caller = callerOf(live, socket);
      for (const register of features) register(caller);
    },
    /** A session started or ended outside a control (an HTTP route): forget every cached row, here and elsewhere. */
    sessionsChanged: () => live.forget("*"),
    close: () => live.progress.close(),
  };
}
