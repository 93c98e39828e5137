// bench:live's load worker (bench/live-worker.ts): every student's one submission, at a random
// moment of the window, resent as the page resends it: a perceptron's AND run (session:submit) or,
// with --net-burst, a 2-8-1 network's XOR run (xor:submit).
import type { Socket } from "socket.io-client";
import { trainMlp, type MlpNet } from "../lib/nn/mlp";
import { XOR_NET_DEFAULTS } from "../lib/xor/xor-net";
import type { FromWorker, Submitted } from "./live-messages";

/** What a submission needs of a worker's student. */
export interface Submitter { i: number; userId: string; seed: number; socket?: Socket; inSession: boolean; pending?: () => void }

/** What the submissions need of the worker. */
export interface Sends {
  students: Submitter[];
  send(m: FromWorker): void;
  sessionId: string;
  runId: string;
  now(): number;
  /** The student's finished AND run, as GateTrainer submits it. */
  andRun(seed: number): { gate: "AND"; lr: number; epochs: number; seed: number; w: [number, number]; b: number };
}

/**
 * Every student sends once, at a random moment of the window: `sender(s, r, done, finished)`, called
 * up front (the payload made before the window), gives the function that sends (and sends again, as
 * the page does); `done` records the answer or why it gave up (no socket, no ack within giveUpMs).
 * When every student is done, the results go to the parent as `type`.
 */
function eachStudentOnce(
  ctx: Sends,
  type: "submit-done" | "net-done",
  windowMs: number,
  giveUpMs: number,
  sender: (s: Submitter, r: Submitted, done: (x: Submitted) => void, finished: () => boolean) => () => void,
) {
  const out: Submitted[] = [];
  let left = ctx.students.length;
  for (const s of ctx.students) {
    const r: Submitted = { userId: s.userId, sentAt: 0, ackAt: 0, tries: 0, ok: false };
    let finished = false;
    const done = (x: Submitted) => {
      if (finished) return;
      finished = true;
      s.pending = undefined;
      out.push(x);
      if (--left === 0) ctx.send({ type, results: out });
    };
    const attempt = sender(s, r, done, () => finished);
    setTimeout(() => {
      if (!s.socket) return done({ ...r, error: "notConnected" });
      r.sentAt = ctx.now();
      setTimeout(() => done({ ...r, error: r.ackAt ? "noGrade" : "noAck" }), giveUpMs);
      attempt();
    }, Math.random() * windowMs);
  }
  if (left === 0) ctx.send({ type, results: out });
}

/** Every student submits its own valid AND run once at a random moment of the window; resent after 5 s without ack, same clientId. */
export function submitAll(ctx: Sends, windowMs: number, exerciseId: string, giveUpMs: number) {
  eachStudentOnce(ctx, "submit-done", windowMs, giveUpMs, (s, r, done, finished) => {
    const payload = ctx.andRun(s.seed);
    const clientId = `bench-${ctx.runId}-${s.i}`;
    // Like useStudentSession: sent only while entered; after a reconnect, again once entered.
    const attempt = () => {
      if (finished()) return;
      if (!s.inSession) return void (s.pending = attempt);
      r.tries++;
      s.socket!.timeout(5000).emit("session:submit", { sessionId: ctx.sessionId, exerciseId, clientId, payload }, (err: Error | null, res: { ok: boolean; error?: string; result?: { score: number; correct: boolean } }) => {
        if (err) return attempt();
        done({ ...r, ackAt: ctx.now(), ok: res.ok, error: res.error, correct: res.result?.correct });
      });
    };
    return attempt;
  });
}

/** --net-burst: each student's honest 2-8-1 sigmoid run (lib/nn/mlp.ts, as the browser trains it), 3,000 epochs at the page's lr. */
const NET = { activation: "sigmoid", lr: XOR_NET_DEFAULTS.lr, epochs: XOR_NET_DEFAULTS.epochs, width: 8, layers: 1, initScale: 0.3 } as const;
/** 64 seeds for the class (1000 + i mod 64): the load workers train 64 runs, not 2,000; the server replays every submission all the same (nothing is memoised). */
const NET_SEEDS = 64;
const netSeed = (s: Submitter) => 1000 + (s.i % NET_SEEDS);
const nets = new Map<number, MlpNet>();

export function prepareNets(ctx: Sends) {
  const t0 = ctx.now();
  for (const s of ctx.students) if (!nets.has(netSeed(s))) nets.set(netSeed(s), trainMlp({ ...NET, seed: netSeed(s) }).final);
  ctx.send({ type: "net-ready", runs: nets.size, ms: ctx.now() - t0 });
}

/** Received but no grade after this long: sent again (components/xor/useNetRunSubmit.ts). */
const GRADE_SILENCE_MS = 20_000;

/**
 * Every student submits its run once at a random moment of the window, as components/xor/useNetRunSubmit.ts
 * does: sent again after 5 s without an ack (same clientId), at most 5 tries; acknowledged on
 * receipt ("received"), then graded (xor:graded), sent again after 20 s without the grade. `ackAt`:
 * the first ack; `gradedAt`: the grade.
 */
export function netSubmitAll(ctx: Sends, windowMs: number, exerciseId: string, giveUpMs: number) {
  eachStudentOnce(ctx, "net-done", windowMs, giveUpMs, (s, r, done, finished) => {
    const run = { ...NET, seed: netSeed(s), final: nets.get(netSeed(s)) };
    const clientId = `bench-net-${ctx.runId}-${s.i}`;
    let silence: ReturnType<typeof setTimeout> | undefined;
    const graded = (ok: boolean, error?: string, solved?: boolean) => {
      clearTimeout(silence);
      s.socket?.off("xor:graded", onGraded);
      done({ ...r, gradedAt: ok ? ctx.now() : 0, ok, error, correct: solved });
    };
    const onGraded = (g: { clientId: string; ok: boolean; error?: string; result?: { solved: boolean } }) => {
      if (g.clientId === clientId && r.ackAt) graded(g.ok, g.error, g.result?.solved);
    };
    let tries = 0;
    const attempt = () => {
      if (finished()) return;
      if (tries >= 5) return r.ackAt ? void (silence = setTimeout(() => { tries = 0; attempt(); }, GRADE_SILENCE_MS)) : done({ ...r, error: "maxTries" });
      if (!s.socket!.connected) return void setTimeout(attempt, 5000);
      tries++;
      r.tries++;
      if (r.tries === 1) s.socket!.on("xor:graded", onGraded);
      s.socket!.timeout(5000).emit("xor:submit", { sessionId: ctx.sessionId, exerciseId, clientId, run }, (err: Error | null, res: { ok: boolean; error?: string; status?: string; result?: { solved: boolean } }) => {
        if (finished()) return;
        if (err) return attempt();
        if (!r.ackAt) r.ackAt = ctx.now();
        if (!res.ok) return graded(false, res.error);
        if (res.status !== "received") return graded(true, undefined, res.result?.solved);
        clearTimeout(silence);
        silence = setTimeout(() => { tries = 0; attempt(); }, GRADE_SILENCE_MS);
      });
    };
    return attempt;
  });
}
