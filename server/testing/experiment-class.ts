// The class experiments' tests share their class: an instructor, `n` students entered in a live
// session of the built-in lesson, the board watching, every student's session updates recorded.
import type { World } from "./world";
import { train } from "@/lib/nn/perceptron";
import type { ExperimentInfo } from "@/lib/experiments/experiments";
import type { SessionUpdate, StudentSessionState } from "@/lib/live/session-protocol";

let seq = 0;
/** Fresh client ids for submissions, with a prefix per test file. */
export const clientIds = (prefix: string) => () => `${prefix}-${Date.now()}-${++seq}`;

/** An instructor, a class of `n` students entered in a live session, the board watching. */
export async function experimentClass(world: World, n: number) {
  const { t, cls, sessionId, byType, teacher: board, enter } = await world.liveClass("Experiments");
  const join = async (nickname: string) => {
    const s = await enter(nickname);
    const updates: SessionUpdate[] = [];
    s.socket.on("session:update", (u) => updates.push(u));
    return { c: s.c, socket: s.socket, userId: s.id, state: s.state, updates };
  };
  const students = await Promise.all(Array.from({ length: n }, (_, i) => join(`S${i}-${++seq}`)));
  return { t, cls, sessionId, gate: byType("GATE"), activation: byType("ACTIVATION"), xor: byType("XOR"), board, students, join };
}

/** A finished AND run with these settings (what GateTrainer submits). */
export function andRun(lr: number, epochs = 200, seed = 5) {
  const { final } = train({ gate: "AND", lr, epochs, seed });
  return { gate: "AND" as const, lr, epochs, seed, w: final.w, b: final.b };
}

/** The experiment a session update or a student's state carries, if any. */
export const experimentOf = (u: SessionUpdate | StudentSessionState): ExperimentInfo | undefined => u.exercise?.experiment;
