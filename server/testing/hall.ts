// A lecture hall behind the real balancer (HAProxy, deploy/haproxy.cfg), for the outage scenarios
// (server/testing/failover.ts, server/testing/database-restart.ts): the demo instructor's class and
// live session, one board per node, and N students joined and entered through the balancer, even
// ones pinned to node A and odd ones to node B by its stickiness cookie, each entering again on
// every reconnect as the student page does.
import { Client } from "./http-client";
import { connect, type TestSocket } from "./sockets";
import type { Balancer } from "./balancer";

type Lesson = { id: string; slug: string | null; exercises: { id: string; type: string }[] };
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A client pinned to node i through HAProxy's stickiness cookie (what a browser holds after its first answer). */
export function pinned(lb: Balancer, i: number): Client {
  const c = new Client(lb.url);
  const [name, value] = lb.pin(i);
  c.cookies.set(name, value);
  return c;
}

/** The board as useBoard keeps it: a snapshot on every (re)connect, then presence deltas. */
export function board(socket: TestSocket, sessionId: string) {
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

export const sameSet = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((x) => b.has(x));

/** ms from `from` until ok() holds, polled every 50 ms; null when it did not within limitMs. */
export async function until(ok: () => boolean, limitMs: number, from: number): Promise<number | null> {
  while (Date.now() - from < limitMs) {
    if (ok()) return Date.now() - from;
    await sleep(50);
  }
  return ok() ? Date.now() - from : null;
}

export type HallStudent = { i: number; userId: string; socket: TestSocket; node: number; returns: boolean; enteredAt: number; clientId: string };

export async function openHall(opts: {
  lb: Balancer;
  demo: { email: string; password: string };
  students: number;
  /** Whether student i reconnects after losing its connection (default: all do). */
  returns?: (i: number, node: number) => boolean;
  log?: (line: string) => void;
}) {
  const { lb, students: n } = opts;
  const returnsOf = opts.returns ?? (() => true);
  const sockets: TestSocket[] = [];
  const teacher = pinned(lb, 0);
  if ((await teacher.signIn("instructor", opts.demo)) !== null) throw new Error("instructor sign-in failed");
  const cls = (await teacher.json<{ id: string; joinCode: string }>("/api/classes", { name: `Hall ${Date.now()}` })).body;
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

  opts.log?.(`${n} students joining through the balancer`);
  const all: HallStudent[] = [];
  const close = () => {
    for (const s of sockets) s.close();
  };
  try {
    await joinAll();
  } catch (e) {
    close();
    throw e;
  }
  return { teacher, cls, sessionId, exercise, boardSocketA, boardSocketB, boardA, boardB, all, close };

  async function joinAll() {
    for (let i = 0; i < n; i += 10) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(10, n - i) }, async (_, k) => {
          const idx = i + k;
          const node = idx % 2;
          const returns = returnsOf(idx, node);
          const c = pinned(lb, node);
          const err = await c.join(cls.joinCode, `S${idx}`);
          if (err) throw new Error(`join ${idx}: ${err}`);
          const socket = await connect(lb.url, c, { reconnect: returns });
          const res = await socket.emitWithAck("session:enter", { sessionId });
          if (!res.ok) throw new Error(`enter ${idx}: ${res.error}`);
          const s: HallStudent = { i: idx, userId: res.userId, socket, node, returns, enteredAt: 0, clientId: `hall-${sessionId}-${idx}` };
          // As useStudentSession: enter again on every reconnect.
          socket.on("connect", () => void socket.emitWithAck("session:enter", { sessionId }).then((r) => r.ok && (s.enteredAt = Date.now())).catch(() => {}));
          return s;
        }),
      );
      all.push(...batch);
      sockets.push(...batch.map((s) => s.socket));
    }
  }
}

/** Students still there who get the session:update of a push of `exerciseId` within 10 s. */
export async function pushReaching(students: HallStudent[], send: () => Promise<unknown>, exerciseId: string): Promise<number> {
  let reached = 0;
  const waits = students.map(
    (s) =>
      new Promise<void>((resolve) => {
        const t = setTimeout(resolve, 10_000);
        s.socket.on("session:update", (u) => {
          if (u.exercise?.id !== exerciseId) return;
          clearTimeout(t);
          reached++;
          resolve();
        });
      }),
  );
  await send();
  await Promise.all(waits);
  return reached;
}

/** Rows in the class's submissions export: what is stored, each submission once. */
export async function storedSubmissions(teacher: Client, classId: string): Promise<number> {
  const csv = await (await teacher.fetch(`/api/classes/${classId}/export/submissions`)).text();
  return csv.trim().split(/\r\n/).length - 1;
}
