// bench:live load generator: one of several child processes (child_process.fork from bench/live.ts),
// each playing a share of the students. A student joins over HTTP exactly as the join form does
// (one POST /api/join, bench/join-client.ts: its own cookie), opens a socket.io connection
// with that cookie, watches the class and enters the session, like useStudentSession. Then it does
// what the parent asks: wait for an expected session:state, stream progress, submit.
import { io, type Socket } from "socket.io-client";
import { joinAsStudent } from "./join-client";
import { train } from "../lib/nn/perceptron";
import { studentView } from "../lib/live/session-view";
import type { SessionUpdate, StudentSessionState } from "../lib/live/session-protocol";
import type { Expect, FromWorker, Joined, Sent, ToWorker, WorkerInit } from "./live-messages";
import { netSubmitAll, prepareNets, submitAll, type Sends } from "./live-worker-submit";

const now = () => performance.timeOrigin + performance.now();
const send = (m: FromWorker) => process.send?.(m);

interface Student {
  i: number;
  nickname: string;
  userId: string;
  socket?: Socket;
  joined: Joined;
  seed: number;
  state: StudentSessionState | null;
  inSession: boolean;
  pending?: () => void;
  current: StudentSessionState["exercise"];
  paused: boolean;
  timer?: NodeJS.Timeout;
}

let init: WorkerInit;
const students: Student[] = [];
/** The state students should get next; only those in the session are waited for (the others count as not in). */
let active: { e: Expect; got: Map<number, number>; waiting: number } | null = null;
let disconnects = 0;
const reasons: Record<string, number> = {};
let connectErrors = 0;
let senderDropped = 0;

const LR = 0.1;
const EPOCHS = 100;
const runs = new Map<number, ReturnType<typeof train>>();
const runOf = (seed: number) => runs.get(seed) ?? runs.set(seed, train({ gate: "AND", lr: LR, epochs: EPOCHS, seed })).get(seed)!;
/** What the submissions (bench/live-worker-submit.ts) need of this worker. */
const sends = (): Sends => ({ students, send, sessionId: init.sessionId, runId: init.runId, now, andRun: (seed) => ({ gate: "AND", lr: LR, epochs: EPOCHS, seed, w: runOf(seed).final.w, b: runOf(seed).final.b }) });

async function joinOne(s: Student): Promise<void> {
  const j = s.joined;
  j.joinStart = now();
  try {
    let cookie = "";
    if (!init.bare) {
      const joined = await joinAsStudent(init.url, init.joinCode!, s.nickname);
      if (joined.error) throw new Error(`join refused: ${joined.error}`);
      s.userId = joined.userId;
      cookie = joined.cookie;
    } else s.userId = s.nickname;
    j.userId = s.userId;
    j.joinEnd = now();
    await enter(s, cookie);
    j.enteredAt = now();
  } catch (e) {
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    j.error = (e instanceof Error ? e.message : String(e)) + (cause ? ` (${cause.code ?? cause.message})` : "");
  }
}

function enter(s: Student, cookie: string): Promise<void> {
  const socket = io(init.url, {
    extraHeaders: cookie ? { cookie } : {},
    auth: init.bare ? { user: s.nickname } : {},
    transports: init.transports as ("polling" | "websocket")[],
    tryAllTransports: true, // a WebSocket that cannot open falls back to polling, as in the browser
    forceNew: true,
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
    timeout: 60_000,
  });
  s.socket = socket;
  // The engine before the scale work sent each student its own view; now one update for the room.
  socket.on("session:state", (state: StudentSessionState) => onState(s, state));
  socket.on("session:update", (u: SessionUpdate) => onState(s, studentView(u, s.userId, s.state)));
  socket.on("disconnect", (reason: string) => {
    s.inSession = false;
    disconnects++;
    reasons[reason] = (reasons[reason] ?? 0) + 1;
  });
  socket.on("connect_error", () => connectErrors++);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("session:enter: no answer in time")), init.timeoutMs);
    // Like useStudentSession: watch the class and enter again on every (re)connect.
    socket.on("connect", () => {
      if (s.joined.connects++ > 0) s.joined.reconnects++;
      socket.emit("class:watch", { classId: init.classId }, () => {});
      socket.emit("session:enter", { sessionId: init.sessionId }, (res: { ok: boolean; error?: string; state?: StudentSessionState }) => {
        if (!res.ok) {
          clearTimeout(timer);
          return reject(new Error(`session:enter refused: ${res.error}`));
        }
        clearTimeout(timer);
        s.inSession = true;
        s.pending?.();
        if (res.state) onState(s, res.state, false);
        resolve();
      });
    });
  });
}

function onState(s: Student, state: StudentSessionState, live = true) {
  s.state = state;
  s.current = state.exercise;
  s.paused = state.paused;
  if (!live || !active || active.got.has(s.i) || !s.joined.enteredAt) return;
  const e = active.e;
  const t = now();
  if (t < e.since) return;
  const want = e.paused !== undefined ? state.paused === e.paused : !state.paused && (state.exercise?.id ?? null) === (e.targets === null || e.targets.includes(s.i) ? e.exerciseId : e.othersExerciseId);
  if (!want) return;
  active.got.set(s.i, t);
  if (active.got.size === active.waiting) finishExpect();
}

function finishExpect() {
  if (!active) return;
  const { e, got, waiting } = active;
  active = null;
  send({ type: "expect-done", id: e.id, latencies: [...got.values()], missed: waiting - got.size });
}

/** Valid GATE progress for the student's own run (epoch k of 100, 5 a second), volatile as in the browser. */
function progressOf(s: Student, k: number, exerciseId: string) {
  const run = runOf(s.seed);
  const rec = run.history[(k - 1) % EPOCHS];
  const base = { sessionId: init.sessionId, exerciseId, lr: LR, epochs: EPOCHS, seed: s.seed, epoch: ((k - 1) % EPOCHS) + 1, accuracy: rec.accuracy, w: rec.w, b: rec.b };
  if (s.current?.type === "XOR") return { type: "XOR", ...base, bestAccuracy: rec.accuracy };
  if (s.current?.type === "ACTIVATION") return { type: "ACTIVATION", sessionId: init.sessionId, exerciseId, activation: "sigmoid", threshold: 0, alpha: 0.01 };
  return { type: "GATE", gate: "AND", ...base };
}

function stream(count: number, intervalMs: number, exerciseId: string | null) {
  const sent: Sent[] = [];
  let running = 0;
  for (const s of students) {
    if (!s.socket) continue;
    running++;
    const times: number[] = [];
    sent.push({ userId: s.userId, times });
    let k = 0;
    const tick = () => {
      if (++k > count) {
        clearInterval(s.timer);
        if (--running === 0) send({ type: "stream-done", sent });
        return;
      }
      const ex = exerciseId ?? s.current?.id;
      if (!ex || !s.socket!.connected) return void times.push(0);
      // A volatile packet is dropped by the client itself while its transport is busy writing.
      if (!s.socket!.io.engine?.transport?.writable) senderDropped++;
      s.socket!.volatile.emit("session:progress", progressOf(s, k, ex));
      times.push(now());
    };
    s.timer = setTimeout(() => {
      s.timer = setInterval(tick, intervalMs);
      tick();
    }, Math.random() * intervalMs);
  }
  if (running === 0) send({ type: "stream-done", sent });
}

function stopStream() {
  for (const s of students) clearInterval(s.timer);
}

function sendStats() {
  const transports: Record<string, number> = {};
  for (const st of students) {
    const name = st.socket?.io.engine?.transport?.name ?? "none";
    transports[name] = (transports[name] ?? 0) + 1;
  }
  send({ type: "stats", disconnects, reasons, connectErrors, senderDropped, transports, connected: students.filter((s) => s.socket?.connected).length });
}

async function joinAll() {
  let next = 0;
  const lane = async () => {
    while (next < students.length) await joinOne(students[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(init.concurrency, students.length) }, lane));
  send({ type: "joined", joined: students.map((s) => s.joined), workerStart: now() });
}

process.on("message", (m: ToWorker) => {
  if (m.cmd === "init") {
    init = m;
    for (const st of m.students) {
      const joined: Joined = { i: st.i, userId: "", joinStart: 0, joinEnd: 0, enteredAt: 0, connects: 0, reconnects: 0 };
      students.push({ ...st, userId: "", joined, seed: 1000 + st.i, inSession: false, state: null, current: null, paused: false });
    }
    void joinAll();
  } else if (m.cmd === "expect") {
    active = { e: m.expect, got: new Map(), waiting: students.filter((s) => s.joined.enteredAt > 0).length };
    if (active.waiting === 0) finishExpect();
    send({ type: "expect-ready", id: m.expect.id });
  } else if (m.cmd === "expect-end") {
    if (active?.e.id === m.id) finishExpect();
  } else if (m.cmd === "stream") stream(m.count, m.intervalMs, m.exerciseId);
  else if (m.cmd === "stream-stop") stopStream();
  else if (m.cmd === "submit") submitAll(sends(), m.windowMs, m.exerciseId, m.giveUpMs);
  else if (m.cmd === "net-prepare") prepareNets(sends());
  else if (m.cmd === "net-submit") netSubmitAll(sends(), m.windowMs, m.exerciseId, m.giveUpMs);
  else if (m.cmd === "stats") sendStats();
  else if (m.cmd === "close") {
    stopStream();
    for (const s of students) s.socket?.close();
    setTimeout(() => process.exit(0), 200);
  }
});
// Never outlive the parent.
process.on("disconnect", () => process.exit(0));
