// bench:live load generator: one of several child processes (child_process.fork from bench/live.ts),
// each playing a share of the students. A student joins over HTTP exactly as the join form does
// (one POST /api/join, bench/join-client.ts: its own cookie), opens a socket.io connection
// with that cookie, watches the class and enters the session, like useStudentSession. Then it does
// what the parent asks: wait for an expected session:state, stream progress, submit.
import { io, type Socket } from "socket.io-client";
import { joinAsStudent } from "./join-client";
import { train } from "../lib/nn/perceptron";
import { trainMlp, type MlpNet } from "../lib/nn/mlp";
import { XOR_NET_DEFAULTS } from "../lib/xor/xor-net";
import { studentView } from "../lib/live/session-view";
import type { SessionUpdate, StudentSessionState } from "../lib/live/session-protocol";
import type { Expect, FromWorker, Joined, Sent, Submitted, ToWorker, WorkerInit } from "./live-messages";

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

/**
 * Every student sends once, at a random moment of the window: `sender(s, r, done, finished)`, called
 * up front (the payload made before the window), gives the function that sends (and sends again, as
 * the page does); `done` records the answer or why it gave up (no socket, no ack within giveUpMs).
 * When every student is done, the results go to the parent as `type`.
 */
function eachStudentOnce(
  type: "submit-done" | "net-done",
  windowMs: number,
  giveUpMs: number,
  sender: (s: Student, r: Submitted, done: (x: Submitted) => void, finished: () => boolean) => () => void,
) {
  const out: Submitted[] = [];
  let left = students.length;
  for (const s of students) {
    const r: Submitted = { userId: s.userId, sentAt: 0, ackAt: 0, tries: 0, ok: false };
    let finished = false;
    const done = (x: Submitted) => {
      if (finished) return;
      finished = true;
      s.pending = undefined;
      out.push(x);
      if (--left === 0) send({ type, results: out });
    };
    const attempt = sender(s, r, done, () => finished);
    setTimeout(() => {
      if (!s.socket) return done({ ...r, error: "notConnected" });
      r.sentAt = now();
      setTimeout(() => done({ ...r, error: "noAck" }), giveUpMs);
      attempt();
    }, Math.random() * windowMs);
  }
  if (left === 0) send({ type, results: out });
}

/** Every student submits its own valid AND run once at a random moment of the window; resent after 5 s without ack, same clientId. */
function submitAll(windowMs: number, exerciseId: string, giveUpMs: number) {
  eachStudentOnce("submit-done", windowMs, giveUpMs, (s, r, done, finished) => {
    const { final } = runOf(s.seed);
    const payload = { gate: "AND", lr: LR, epochs: EPOCHS, seed: s.seed, w: final.w, b: final.b };
    const clientId = `bench-${init.runId}-${s.i}`;
    // Like useStudentSession: sent only while entered; after a reconnect, again once entered.
    const attempt = () => {
      if (finished()) return;
      if (!s.inSession) return void (s.pending = attempt);
      r.tries++;
      s.socket!.timeout(5000).emit("session:submit", { sessionId: init.sessionId, exerciseId, clientId, payload }, (err: Error | null, res: { ok: boolean; error?: string; result?: { score: number; correct: boolean } }) => {
        if (err) return attempt();
        done({ ...r, ackAt: now(), ok: res.ok, error: res.error, correct: res.result?.correct });
      });
    };
    return attempt;
  });
}

function sendStats() {
  const transports: Record<string, number> = {};
  for (const st of students) {
    const name = st.socket?.io.engine?.transport?.name ?? "none";
    transports[name] = (transports[name] ?? 0) + 1;
  }
  send({ type: "stats", disconnects, reasons, connectErrors, senderDropped, transports, connected: students.filter((s) => s.socket?.connected).length });
}

/** --net-burst: each student's honest 2-8-1 sigmoid run (lib/nn/mlp.ts, as the browser trains it), 3,000 epochs at the page's lr. */
const NET = { activation: "sigmoid", lr: XOR_NET_DEFAULTS.lr, epochs: XOR_NET_DEFAULTS.epochs, width: 8, layers: 1, initScale: 0.3 } as const;
/** 64 seeds for the class (1000 + i mod 64): the load workers train 64 runs, not 2,000; the server replays every submission all the same (nothing is memoised). */
const NET_SEEDS = 64;
const netSeed = (s: Student) => 1000 + (s.i % NET_SEEDS);
const nets = new Map<number, MlpNet>();

function prepareNets() {
  const t0 = now();
  for (const s of students) if (!nets.has(netSeed(s))) nets.set(netSeed(s), trainMlp({ ...NET, seed: netSeed(s) }).final);
  send({ type: "net-ready", runs: nets.size, ms: now() - t0 });
}

/**
 * Every student submits its run once at a random moment of the window, as components/xor/XorHiddenLayer.tsx
 * does: sent again after 5 s without an ack (same clientId), at most 5 tries.
 */
function netSubmitAll(windowMs: number, exerciseId: string, giveUpMs: number) {
  eachStudentOnce("net-done", windowMs, giveUpMs, (s, r, done, finished) => {
    const run = { ...NET, seed: netSeed(s), final: nets.get(netSeed(s)) };
    const clientId = `bench-net-${init.runId}-${s.i}`;
    const attempt = () => {
      if (finished()) return;
      if (r.tries >= 5) return done({ ...r, error: "maxTries" });
      if (!s.socket!.connected) return void setTimeout(attempt, 5000);
      r.tries++;
      s.socket!.timeout(5000).emit("xor:submit", { sessionId: init.sessionId, exerciseId, clientId, run }, (err: Error | null, res: { ok: boolean; error?: string; result?: { solved: boolean } }) => {
        if (err) return attempt();
        done({ ...r, ackAt: now(), ok: res.ok, error: res.error, correct: res.result?.solved });
      });
    };
    return attempt;
  });
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
  else if (m.cmd === "submit") submitAll(m.windowMs, m.exerciseId, m.giveUpMs);
  else if (m.cmd === "net-prepare") prepareNets();
  else if (m.cmd === "net-submit") netSubmitAll(m.windowMs, m.exerciseId, m.giveUpMs);
  else if (m.cmd === "stats") sendStats();
  else if (m.cmd === "close") {
    stopStream();
    for (const s of students) s.socket?.close();
    setTimeout(() => process.exit(0), 200);
  }
});
// Never outlive the parent.
process.on("disconnect", () => process.exit(0));
