// Losing a node in the middle of a lecture, behind the real balancer (HAProxy, deploy/haproxy.cfg):
// half the students and the instructor's first board on node A, the rest and a second board on
// node B; every student submits; node A is killed (-9). Measured from outside, as a user notices:
// when A's students who come back are back (reconnected through the balancer, entered again, their
// unacknowledged submission resent), when both open boards show the right number online (the
// students who closed their laptops at the crash offline), whether the next push reaches everyone,
// and how many submissions are stored. Used by server/failover.test.ts (20 students) and
// bench/failover.ts (any number).
import type { Balancer } from "./balancer";
import type { RunningServer } from "./server";
import { openHall, pushReaching, sameSet, storedSubmissions, until } from "./hall";
import { train } from "@/lib/nn/perceptron";

export interface FailoverFigures {
  students: number;
  /** A's students who reconnect (the others closed their laptops at the crash). */
  returning: number;
  leaving: number;
  /** ms from the kill to the last returning student entered again on the survivor. */
  backMs: number | null;
  /** ms from the kill until each board showed exactly the students still there as online. */
  boardSurvivorMs: number | null;
  /** The board whose own node died (it reconnects to the survivor and re-watches). */
  boardOfDeadNodeMs: number | null;
  /** Students still there who got the push sent after the failover. */
  pushReached: number;
  pushExpected: number;
  submissionsAcked: number;
  submissionsStored: number;
  /** Students disconnected by the kill: must be exactly node A's share (stickiness held). */
  disconnectedByKill: number;
}

export async function loseANode(opts: {
  lb: Balancer;
  a: RunningServer;
  b: RunningServer;
  demo: { email: string; password: string };
  students: number;
  /** Of node A's students, this many do not come back. */
  leaving: number;
  limitMs?: number;
  log?: (line: string) => void;
}): Promise<FailoverFigures> {
  const { lb, a, students: n, leaving } = opts;
  const limitMs = opts.limitMs ?? 30_000;
  const log = opts.log ?? (() => {});
  // Even students on A, odd on B; the first `leaving` of A's do not reconnect.
  const hall = await openHall({ lb, demo: opts.demo, students: n, returns: (i, node) => !(node === 0 && i / 2 < leaving), log });
  try {
    const { teacher, cls, sessionId, exercise, boardSocketA, boardSocketB, boardA, boardB, all } = hall;
    const gate = exercise("GATE");
    await boardSocketB.emitWithAck("control:push", { sessionId, exerciseId: gate });
    const cfg = { gate: "AND" as const, lr: 0.1, epochs: 100, seed: 7 };
    const { final } = train(cfg);
    const payload = { ...cfg, w: final.w, b: final.b };
    const acks = await Promise.all(all.map((s) => s.socket.emitWithAck("session:submit", { sessionId, exerciseId: gate, clientId: s.clientId, payload })));
    const submissionsAcked = acks.filter((r) => r.ok).length;
    const everyone = new Set(all.map((s) => s.userId));
    if ((await until(() => sameSet(boardA.onlineSet(), everyone) && sameSet(boardB.onlineSet(), everyone), limitMs, Date.now())) === null) throw new Error("boards did not show everyone before the kill");

    let disconnectedByKill = 0;
    for (const s of all) s.socket.once("disconnect", () => disconnectedByKill++);
    log("kill -9 node A");
    const t0 = Date.now();
    await a.kill();
    const returning = all.filter((s) => s.node === 0 && s.returns);
    const staying = new Set(all.filter((s) => s.returns).map((s) => s.userId));
    const backMs = await until(() => returning.every((s) => s.enteredAt > t0), limitMs, t0);
    log(`back: ${backMs} ms`);
    // A submission not yet acknowledged is resent with the same client id (savePending): stored once.
    await Promise.all(returning.map((s) => s.socket.emitWithAck("session:submit", { sessionId, exerciseId: gate, clientId: s.clientId, payload })));
    const [boardSurvivorMs, boardOfDeadNodeMs] = await Promise.all([
      until(() => sameSet(boardB.onlineSet(), staying), limitMs, t0),
      until(() => boardSocketA.connected && sameSet(boardA.onlineSet(), staying), limitMs, t0),
    ]);
    log(`boards right: survivor's ${boardSurvivorMs} ms, dead node's ${boardOfDeadNodeMs} ms`);

    const there = all.filter((s) => s.returns && s.socket.connected);
    const next = exercise("XOR");
    const pushReached = await pushReaching(there, () => boardSocketA.emitWithAck("control:push", { sessionId, exerciseId: next }), next);
    const submissionsStored = await storedSubmissions(teacher, cls.id);
    return {
      students: n,
      returning: returning.length,
      leaving,
      backMs,
      boardSurvivorMs,
      boardOfDeadNodeMs,
      pushReached,
      pushExpected: staying.size,
      submissionsAcked,
      submissionsStored,
      disconnectedByKill,
    };
  } finally {
    hall.close();
  }
}
