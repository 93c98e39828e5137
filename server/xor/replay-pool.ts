// Two-layer runs are graded by replaying them (lib/xor/xor-net-grading.ts; a 2-8-1 net for 3,000
// epochs is several ms of CPU). A class submitting together would hold the event loop for seconds,
// so the replays run on worker threads: the loop stays free for every other event. The same
// gradeXorNetRun runs in the worker (same engine, same numbers). REPLAY_WORKERS sets the threads
// (default: the cores less one, at least 1, at most 4; 0: on the event loop). Threads run only from
// the bundle (scripts/server-bundle.mjs builds replay-worker.mjs); under tsx (npm run dev) and in
// tests the event loop grades. A worker that fails is replaced, its runs graded inline; one that
// fails before its first answer turns the threads off (inline from then on).
import os from "node:os";
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { LabelledPoint } from "@/lib/nn/custom-points";
import { gradeXorNetRun, type XorNetGrade } from "@/lib/xor/xor-net-grading";

type Task = { payload: unknown; points?: readonly LabelledPoint[]; resolve: (g: XorNetGrade) => void; reject: (e: unknown) => void };
interface Slot { worker: Worker; pending: Map<number, Task>; answered: boolean }

function inline(t: Task) {
  try {
    t.resolve(gradeXorNetRun(t.payload, t.points));
  } catch (e) {
    t.reject(e);
  }
}

function workerFile(): URL | null {
  // the bundle puts replay-worker.mjs beside its chunks; from the sources (tsx, tests) there is none
  const own = typeof import.meta.url === "string" ? import.meta.url : "";
  if (!own.endsWith(".mjs")) return null;
  const url = new URL("./replay-worker.mjs", own);
  return fs.existsSync(fileURLToPath(url)) ? url : null;
}

export function replayThreads(env: Record<string, string | undefined> = process.env): number {
  const set = env.REPLAY_WORKERS;
  if (set !== undefined && set !== "") return Math.max(0, Math.min(16, Math.floor(Number(set)) || 0));
  return Math.max(1, Math.min(4, os.availableParallelism() - 1));
}

let slots: Slot[] | null = null;
let nextId = 1;

function start(): Slot[] {
  const n = replayThreads();
  const file = n > 0 ? workerFile() : null;
  slots = file ? Array.from({ length: n }, () => spawn(file)) : [];
  return slots;
}

function spawn(file: URL): Slot {
  const slot: Slot = { worker: new Worker(file), pending: new Map(), answered: false };
  slot.worker.unref(); // never keeps the process alive
  slot.worker.on("message", (m: { id: number; grade?: XorNetGrade; error?: string }) => {
    slot.answered = true;
    const t = slot.pending.get(m.id);
    if (!t) return;
    slot.pending.delete(m.id);
    if (m.grade) t.resolve(m.grade);
    else inline(t); // the worker threw: the event loop grades it (and throws the same way, to the guard)
  });
  let failed = false;
  const fail = (why: unknown) => {
    if (failed || !slots) return;
    failed = true;
    console.error("replay worker failed", why);
    const i = slots.indexOf(slot);
    if (!slot.answered) slots = []; // it never worked: the event loop grades from now on
    else if (i >= 0) slots[i] = spawn(file);
    for (const t of slot.pending.values()) inline(t);
    slot.pending.clear();
  };
  slot.worker.once("error", fail);
  slot.worker.once("exit", (code) => { if (code !== 0 || slot.pending.size) fail(`exit ${code}`); });
  return slot;
}

/** gradeXorNetRun on a worker thread (the least busy), or on the event loop when there are none. */
export function gradeNetRun(payload: unknown, points?: readonly LabelledPoint[]): Promise<XorNetGrade> {
  const pool = slots ?? start();
  return new Promise<XorNetGrade>((resolve, reject) => {
    const task: Task = { payload, points, resolve, reject };
    if (pool.length === 0) return inline(task);
    let best = pool[0];
    for (const s of pool) if (s.pending.size < best.pending.size) best = s;
    const id = nextId++;
    best.pending.set(id, task);
    best.worker.postMessage({ id, payload, points });
  });
}

/** Stops the threads (tests, shutdown). */
export async function closeReplayPool(): Promise<void> {
  const s = slots;
  slots = null;
  await Promise.all((s ?? []).map((x) => x.worker.terminate()));
}
