// bench:live's yardstick: a bare socket.io server with the live session's event names and payloads,
// and nothing else: no sign-in (the handshake's auth.user is the user id), no database, the session
// in memory. Progress is validated with the same zod schema, throttled and coalesced for the board
// every 250 ms like server/socket/progress-buffer.ts; submissions are graded with the same lib/ code. A control is one
// session:update to the session's room (who is targeted travels inside) and one message to the board. Run: tsx bench/bare-server.ts <port>.
import http from "node:http";
import { Server, type Socket } from "socket.io";
import { BUILTIN_LESSON } from "../lib/lessons/exercises";
import { gradeSubmission } from "../lib/grading/grade-submission";
import { checkXorNetRun, gradeXorNetRun } from "../lib/xor/xor-net-grading";
import { xorSubmitSchema } from "../lib/live/xor-protocol";
import { pauseSchema, progressSchema, pushSchema, sessionRef, submitSchema } from "../lib/live/session-protocol";
import type { BoardState, ExerciseView, ProgressState, StudentSessionState, SubmissionResult } from "../lib/live/session-protocol";

const port = Number(process.argv[2] ?? 0);
export const BARE = { sessionId: "bare-session", classId: "bare-class" };
const exercises: ExerciseView[] = BUILTIN_LESSON.exercises.map((config, position) => ({ id: `bare-${config.type}`, position, type: config.type, config, points: config.points }));

const session = { exerciseId: null as string | null, targets: [] as string[], paused: false, open: false, revealed: false };
const entered = new Map<string, { progress: ProgressState | null; result: SubmissionResult | null }>();
const stored = new Map<string, SubmissionResult>();
const netRuns = new Map<string, { solved: boolean; accuracy: number; at: string }>();
/** Two-layer runs received and not yet graded, and their replays, one per turn of the event loop. */
const netQueued = new Set<string>();
const netQueue: (() => void)[] = [];
let draining = false;
function drainNet() {
  const job = netQueue.shift();
  if (!job) return void (draining = false);
  job();
  setImmediate(drainNet);
}
let hiddenLayer = false;
const pending = new Map<string, ProgressState>();
const room = `session:${BARE.sessionId}`;
const board = `board:${BARE.sessionId}`;

const targeted = (userId: string) => session.targets.length === 0 || session.targets.includes(userId);
const current = () => exercises.find((e) => e.id === session.exerciseId) ?? null;

function view(userId: string | null): StudentSessionState {
  const ex = current();
  const mine = ex && (userId === null || targeted(userId)) ? ex : null;
  const me = userId ? entered.get(userId) : undefined;
  return {
    sessionId: BARE.sessionId, status: "LIVE", paused: session.paused,
    exercise: mine ? { ...mine, open: session.open, revealed: session.revealed } : null,
    progress: mine ? (me?.progress ?? null) : null, result: mine ? (me?.result ?? null) : null,
  };
}

function boardState(): BoardState {
  const ex = current();
  return {
    sessionId: BARE.sessionId, classId: BARE.classId, status: "LIVE", paused: session.paused,
    exercise: ex ? { ...ex, open: session.open, revealed: session.revealed, targetUserIds: session.targets } : null,
    exercises,
    tiles: [...entered].map(([userId, t]) => ({ userId, nickname: userId, online: true, status: t.result ? "submitted" : t.progress ? "working" : "joined", progress: t.progress, result: t.result })),
  };
}

/** One message to the whole room (who is targeted travels inside; each client derives its view), one to the board. */
function broadcast(io: Server, pushed: boolean) {
  const ex = current();
  const update = { sessionId: BARE.sessionId, status: "LIVE", paused: session.paused, exercise: ex ? { ...ex, open: session.open, revealed: session.revealed } : null, targetUserIds: session.targets };
  io.to(room).emit("session:update", update);
  if (pushed) io.to(board).emit("board:state", boardState());
  else io.to(board).emit("board:session", { sessionId: BARE.sessionId, status: "LIVE", paused: session.paused, exercise: update.exercise ? { ...update.exercise, targetUserIds: session.targets } : null });
}

type Ack = (r: unknown) => void;
const ackOf = (a: unknown): Ack => (typeof a === "function" ? (a as Ack) : () => {});

function register(io: Server, socket: Socket) {
  const user = String(socket.handshake.auth?.user ?? "");
  const instructor = socket.handshake.auth?.role === "instructor";
  let last = 0;
  socket.on("class:watch", (_p, ack) => ackOf(ack)({ ok: true, liveSessionId: BARE.sessionId }));
  socket.on("session:enter", async (p, ack) => {
    if (!sessionRef.safeParse(p).success || !user) return ackOf(ack)({ ok: false, error: "invalidInput" });
    await socket.join([room, `user:${user}`]);
    if (!entered.has(user)) entered.set(user, { progress: null, result: null });
    io.to(board).emit("board:presence", { sessionId: BARE.sessionId, userId: user, online: true });
    ackOf(ack)({ ok: true, state: view(user), userId: user });
  });
  socket.on("session:progress", (p) => {
    const t = Date.now();
    if (t - last < 100) return;
    const parsed = progressSchema.safeParse(p);
    if (!parsed.success || !entered.has(user)) return;
    const { sessionId: _s, exerciseId, ...progress } = parsed.data;
    if (session.paused || exerciseId !== session.exerciseId || !targeted(user)) return;
    last = t;
    pending.set(user, progress as ProgressState);
    entered.get(user)!.progress = progress as ProgressState;
  });
  socket.on("session:submit", (p, ack) => {
    const parsed = submitSchema.safeParse(p);
    if (!parsed.success) return ackOf(ack)({ ok: false, error: "invalidInput" });
    const d = parsed.data;
    const again = stored.get(`${user}:${d.clientId}`);
    if (again) return ackOf(ack)({ ok: true, result: again });
    const ex = current();
    if (!ex || ex.id !== d.exerciseId || !session.open || session.paused || !targeted(user)) return ackOf(ack)({ ok: false, error: "exerciseClosed" });
    const g = gradeSubmission(ex.config, d.payload);
    if (!g.valid) return ackOf(ack)({ ok: false, error: "invalidSubmission" });
    const result: SubmissionResult = { exerciseId: ex.id, score: g.score, maxScore: g.maxScore, correct: g.correct, reason: g.reason, at: new Date().toISOString() };
    stored.set(`${user}:${d.clientId}`, result);
    entered.get(user)!.result = result;
    io.to(board).emit("board:result", { sessionId: BARE.sessionId, userId: user, result });
    ackOf(ack)({ ok: true, result });
  });
  // The XOR proof's two-layer run: replayed with the same lib/ code as server/xor/xor-proof.ts (gradeXorNetRun), no database.
  socket.on("control:unlock", (p, ack) => {
    if (!instructor || !sessionRef.safeParse(p).success) return ackOf(ack)({ ok: false, error: "forbidden" });
    hiddenLayer = true;
    io.to(room).emit("xor:unlocked", { sessionId: BARE.sessionId });
    ackOf(ack)({ ok: true });
  });
  // Acknowledged on receipt, as ours does (server/xor/net-receipts.ts); replayed one at a time on the event loop, the grade to the student after.
  socket.on("xor:submit", (p, ack) => {
    const parsed = xorSubmitSchema.safeParse(p);
    if (!parsed.success || !entered.has(user)) return ackOf(ack)({ ok: false, error: "invalidInput" });
    const d = parsed.data;
    const key = `${user}:${d.clientId}`;
    const again = netRuns.get(key);
    if (again) return ackOf(ack)({ ok: true, status: "graded", result: again });
    if (netQueued.has(key)) return ackOf(ack)({ ok: true, status: "received" });
    const ex = current();
    if (!hiddenLayer || !ex || ex.id !== d.exerciseId || ex.type !== "XOR" || !session.open || session.paused || !targeted(user)) return ackOf(ack)({ ok: false, error: "exerciseClosed" });
    const checked = checkXorNetRun(d.run);
    if ("invalid" in checked) return ackOf(ack)({ ok: false, error: checked.invalid });
    netQueued.add(key);
    void socket.join(`user:${user}`);
    const about = { sessionId: BARE.sessionId, exerciseId: d.exerciseId, clientId: d.clientId };
    netQueue.push(() => {
      const g = gradeXorNetRun(d.run);
      netQueued.delete(key);
      if (!g.net) return void io.to(`user:${user}`).emit("xor:graded", { ...about, ok: false, error: g.reason === "replayMismatch" ? "replayMismatch" : "invalidSubmission" });
      const result = { solved: g.solved, accuracy: g.accuracy, at: new Date().toISOString() };
      netRuns.set(key, result);
      io.to(board).emit("xor:run", { sessionId: BARE.sessionId, run: { userId: user, hidden: g.net.hidden, accuracy: g.accuracy, solved: g.solved, steps: g.steps, diag: g.diag } });
      io.to(`user:${user}`).emit("xor:graded", { ...about, ok: true, result });
    });
    if (!draining) {
      draining = true;
      setImmediate(drainNet);
    }
    ackOf(ack)({ ok: true, status: "received" });
  });
  socket.on("board:watch", async (_p, ack) => {
    if (!instructor) return ackOf(ack)({ ok: false, error: "forbidden" });
    await socket.join(board);
    ackOf(ack)({ ok: true, state: boardState() });
  });
  const control = (event: string, schema: { safeParse: (p: unknown) => { success: boolean; data?: unknown } }, act: (d: never) => void) =>
    socket.on(event, (p, ack) => {
      const parsed = schema.safeParse(p);
      if (!instructor || !parsed.success) return ackOf(ack)({ ok: false, error: "forbidden" });
      act(parsed.data as never);
      broadcast(io, event === "control:push");
      ackOf(ack)({ ok: true });
    });
  control("control:push", pushSchema, (d: { exerciseId: string; userIds?: string[] }) => {
    Object.assign(session, { exerciseId: d.exerciseId, targets: d.userIds ?? [], open: true, paused: false, revealed: false });
    for (const t of entered.values()) Object.assign(t, { progress: null, result: null });
  });
  control("control:pause", pauseSchema, (d: { paused: boolean }) => (session.paused = d.paused));
}

const httpServer = http.createServer();
const io = new Server(httpServer, { serveClient: false, maxHttpBufferSize: 256 * 1024 });
io.on("connection", (socket) => register(io, socket));
setInterval(() => {
  if (pending.size === 0) return;
  io.to(board).emit("board:progress", { sessionId: BARE.sessionId, items: [...pending].map(([userId, progress]) => ({ userId, progress })) });
  pending.clear();
}, 250);
httpServer.listen(port, "127.0.0.1", () => console.log(`[bare] ready on http://localhost:${port}`));
process.on("disconnect", () => process.exit(0));
process.on("SIGTERM", () => process.exit(0));
