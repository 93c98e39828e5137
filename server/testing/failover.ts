// Losing a node in the middle of a lecture, behind the real balancer (HAProxy, deploy/haproxy.cfg):
// half the students and the instructor's first board on node A, the rest and a second board on
// node B; every student submits; node A is killed (-9). Measured from outside, as a user notices:
// when A's students who come back are back (reconnected through the balancer, entered again, their
// unacknowledged submission resent), when both open boards show the right number online (the
// students who closed their laptops at the crash offline), whether the next push reaches everyone,
// and how many submissions are stored. Used by server/failover.test.ts (20 students) and
// bench/failover.ts (any number).
import { Client } from "./http-client";
import { connect, type TestSocket } from "./sockets";
import type { Balancer } from "./balancer";
import type { RunningServer } from "./server";
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

type Lesson = { id: string; slug: string | null; exercises: { id: string; type: string }[] };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A client pinned to node i through HAProxy's stickiness cookie (what a browser holds after its first answer). */
function pinned(lb: Balancer, i: number): Client {
  const c = new Client(lb.url);
  const [name, value] = lb.pin(i);
  c.cookies.set(name, value);
  return c;
}

/** The board as useBoard keeps it: a snapshot on every (re)connect, then presence deltas. */
function board(socket: TestSocket, sessionId: string) {
  const online = new Map<string, boolean>();
  const watch = async () => {
    const r = await socket.emitWithAck("board:watch", { sessionId });
    if (!r.ok) return;
    online.clear();
    for (const t of r.state.tiles) online.set(t.userId, t.online);
  };
  socket.on("board:presence", (p) => p.sessionId === sessionId && online.set(p.userId, p.online));
  socket.on("connect", () => void watch().catch(() => {}));
  return { watch, onlineSet: () => new Set([...online].filter(([, v]) => v).map(([k]) => k)) };
}

const sameSet = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((x) => b.has(x));

async function until(ok: () => boolean, limitMs: number, from: number): Promise<number | null> {
  while (Date.now() - from < limitMs) {
    if (ok()) return Date.now() - from;
    await sleep(50);
  }
  return ok() ? Date.now() - from : null;
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
  const sockets: TestSocket[] = [];
  try {
    const teacher = pinned(lb, 0);
    if ((await teacher.signIn("instructor", opts.demo)) !== null) throw new Error("instructor sign-in failed");
    const cls = (await teacher.json<{ id: string; joinCode: string }>("/api/classes", { name: `Failover ${Date.now()}` })).body;
    const lesson = (await teacher.json<{ lessons: Lesson[] }>("/api/lessons")).body.lessons.find((l) => l.slug === "activation-basics")!;
    const exercise = (type: string) => lesson.exercises.find((e) => e.type === type)!.id;
    const sessionId = (await teacher.json<{ id: string }>(`/api/classes/${cls.id}/sessions`, { lessonId: lesson.id })).body.id;

    const boardSocketA = await connect(lb.url, teacher, { reconnect: true });
    const teacherB = pinned(lb, 1);
    teacherB.cookies = new Map([...teacher.cookies, lb.pin(1)]);
    const boardSocketB = await connect(lb.url, teacherB, { reconnect: true });
    sockets.push(boardSocketA, boardSocketB);
    const boardA = board(boardSocketA, sessionId);
    const boardB = board(boardSocketB, sessionId);
    await Promise.all([boardA.watch(), boardB.watch()]);

    // Students: even ones pinned to A, odd ones to B; the first `leaving` of A's do not reconnect.
    log(`${n} students joining through the balancer`);
    type Student = { userId: string; socket: TestSocket; node: number; returns: boolean; enteredAt: number; clientId: string };
    const all: Student[] = [];
    for (let i = 0; i < n; i += 10) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(10, n - i) }, async (_, k) => {
          const idx = i + k;
          const node = idx % 2;
          const returns = !(node === 0 && idx / 2 < leaving);
          const c = pinned(lb, node);
          const err = await c.join(cls.joinCode, `S${idx}`);
          if (err) throw new Error(`join ${idx}: ${err}`);
          const socket = await connect(lb.url, c, { reconnect: returns });
          const res = await socket.emitWithAck("session:enter", { sessionId });
          if (!res.ok) throw new Error(`enter ${idx}: ${res.error}`);
          const s: Student = { userId: res.userId, socket, node, returns, enteredAt: 0, clientId: `failover-${sessionId}-${idx}` };
          // As useStudentSession: enter again on every reconnect.
          socket.on("connect", () => void socket.emitWithAck("session:enter", { sessionId }).then((r) => r.ok && (s.enteredAt = Date.now())).catch(() => {}));
          return s;
        }),
      );
      all.push(...batch);
      sockets.push(...batch.map((s) => s.socket));
    }

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
    let pushReached = 0;
    const next = exercise("XOR");
    const reached = Promise.all(
      there.map(
        (s) =>
          new Promise<void>((resolve) => {
            const t = setTimeout(resolve, 10_000);
            s.socket.on("session:update", (u) => {
              if (u.exercise?.id !== next) return;
              clearTimeout(t);
              pushReached++;
              resolve();
            });
          }),
      ),
    );
    await boardSocketA.emitWithAck("control:push", { sessionId, exerciseId: next });
    await reached;
    const csv = await (await teacher.fetch(`/api/classes/${cls.id}/export/submissions`)).text();
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
      submissionsStored: csv.trim().split(/\r\n/).length - 1,
      disconnectedByKill,
    };
  } finally {
    for (const s of sockets) s.close();
  }
}
