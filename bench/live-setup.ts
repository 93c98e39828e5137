// bench:live: the instructor's side of a run. On the real server: sign up and sign in over HTTP,
// create a class, start a live session of the built-in lesson, open the board (class:watch +
// board:watch on one socket, as the class page and the board do). On the bare server: a socket
// with auth.role = instructor. The board's socket records what arrives, with receive times.
import { io, type Socket } from "socket.io-client";
import { parse } from "csv-parse/sync";
import { Client } from "../server/testing/http-client";
import { joinAsStudent } from "./join-client";
import type { BoardState, ProgressState } from "../lib/live/session-protocol";

export const now = () => performance.timeOrigin + performance.now();
export const log = (s: string) => process.stderr.write(`[bench:live] ${s}\n`);
/** How often a student's page streams progress: 5 a second, as useStudentSession sends. */
export const PROGRESS_MS = 200;

export interface Target {
  kind: "ours" | "bare";
  url: string;
  classId: string;
  sessionId: string;
  joinCode?: string;
  ex: { ACTIVATION: string; GATE: string; XOR: string };
  board: Socket;
  http?: Client;
  rec: BoardRecorder;
}

export class BoardRecorder {
  recording = false;
  progress = new Map<string, number>();
  progressBatches = 0;
  progressItems = 0;
  results = new Map<string, number>();
  presence = 0;
  rosters = 0;
  rosterEntries = 0;
  rosterDeltas = 0;
  states = 0;

  listen(s: Socket) {
    s.on("board:progress", (p: { items: { userId: string; progress: ProgressState }[] }) => {
      const t = now();
      this.progressBatches++;
      this.progressItems += p.items.length;
      if (!this.recording) return;
      for (const { userId, progress } of p.items) {
        if (progress.type === "ACTIVATION") continue;
        const key = `${userId}:${progress.epoch}`;
        if (!this.progress.has(key)) this.progress.set(key, t);
      }
    });
    s.on("board:result", (r: { userId: string }) => {
      if (!this.results.has(r.userId)) this.results.set(r.userId, now());
    });
    s.on("board:presence", () => this.presence++);
    s.on("board:state", () => this.states++);
    s.on("class:joined", () => this.rosterDeltas++);
    s.on("class:presence", () => this.rosterDeltas++);
    s.on("class:roster", (r: { roster: unknown[] }) => {
      this.rosters++;
      this.rosterEntries += r.roster.length;
    });
  }
}

function connect(url: string, opts: { cookie?: string; auth?: Record<string, string>; transports: string[] }): Promise<Socket> {
  const s = io(url, { extraHeaders: opts.cookie ? { cookie: opts.cookie } : {}, auth: opts.auth ?? {}, transports: opts.transports as ("websocket" | "polling")[], tryAllTransports: true, forceNew: true });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("instructor socket: no connection")), 60_000);
    s.once("connect", () => {
      clearTimeout(timer);
      resolve(s);
    });
  });
}

export async function ack<T = { ok: boolean; error?: string }>(s: Socket, event: string, payload: unknown, timeoutMs = 60_000): Promise<T> {
  return (await s.timeout(timeoutMs).emitWithAck(event, payload)) as T;
}

export async function setupOurs(url: string, runId: string, transports: string[]): Promise<Target> {
  const http = new Client(url);
  const email = `bench-${runId}@example.com`;
  const password = "correct horse battery staple";
  const up = await http.signUp("Bench Instructor", email, password);
  if (!up.body.id) throw new Error(`sign-up failed: ${JSON.stringify(up.body)}`);
  const err = await http.signIn("instructor", { email, password });
  if (err) throw new Error(`instructor sign-in failed: ${err}`);
  const cls = (await http.json<{ id: string; joinCode: string }>("/api/classes", { name: `Bench ${runId}` })).body;
  type Lessons = { lessons: { id: string; slug: string | null; exercises: { id: string; type: "ACTIVATION" | "GATE" | "XOR" }[] }[] };
  const lesson = (await http.json<Lessons>("/api/lessons")).body.lessons.find((l) => l.slug === "activation-basics")!;
  const id = (type: string) => lesson.exercises.find((e) => e.type === type)!.id;
  const started = await http.json<{ id: string }>(`/api/classes/${cls.id}/sessions`, { lessonId: lesson.id });
  if (started.status !== 201) throw new Error(`session start failed: ${started.status}`);
  await warmUp(http, url, transports);
  const board = await connect(url, { cookie: http.cookieHeader(), transports });
  const rec = new BoardRecorder();
  rec.listen(board);
  const watched = await ack(board, "class:watch", { classId: cls.id });
  const watching = await ack(board, "board:watch", { sessionId: started.body.id });
  if (!watched.ok || !watching.ok) throw new Error("the board could not watch");
  return { kind: "ours", url, classId: cls.id, sessionId: started.body.id, joinCode: cls.joinCode, ex: { ACTIVATION: id("ACTIVATION"), GATE: id("GATE"), XOR: id("XOR") }, board, http, rec };
}

/**
 * One student joins another class and opens a socket first, so that the routes' modules are loaded
 * and compiled before the memory baseline (else the first students pay for the server's warm-up).
 */
async function warmUp(http: Client, url: string, transports: string[]) {
  const other = (await http.json<{ id: string; joinCode: string }>("/api/classes", { name: "Bench warm-up" })).body;
  for (let k = 0; k < 3; k++) {
    const c = await joinAsStudent(url, other.joinCode, `warm-up ${k}`);
    if (c.error) throw new Error(`warm-up join failed: ${c.error}`);
    const s = await connect(url, { cookie: c.cookie, transports });
    await ack(s, "class:watch", { classId: other.id });
    s.close();
  }
}

export async function setupBare(url: string, transports: string[]): Promise<Target> {
  for (let k = 0; k < 3; k++) {
    const s = await connect(url, { auth: { user: `warm-up ${k}` }, transports });
    await ack(s, "class:watch", { classId: "bare-class" });
    s.close();
  }
  const board = await connect(url, { auth: { role: "instructor" }, transports });
  const rec = new BoardRecorder();
  rec.listen(board);
  const sessionId = "bare-session";
  if (!(await ack(board, "board:watch", { sessionId })).ok) throw new Error("bare board could not watch");
  return { kind: "bare", url, classId: "bare-class", sessionId, ex: { ACTIVATION: "bare-ACTIVATION", GATE: "bare-GATE", XOR: "bare-XOR" }, board, rec };
}

/** A fresh board snapshot: how many tiles, and how many show a result. */
export async function snapshot(t: Target, timeoutMs: number): Promise<{ tiles: number; withResult: number; online: number; ms: number } | { error: string }> {
  const t0 = now();
  try {
    const res = await ack<{ ok: boolean; state?: BoardState; error?: string }>(t.board, "board:watch", { sessionId: t.sessionId }, timeoutMs);
    if (!res.ok || !res.state) return { error: res.error ?? "no state" };
    const tiles = res.state.tiles;
    return { tiles: tiles.length, withResult: tiles.filter((x) => x.result).length, online: tiles.filter((x) => x.online).length, ms: now() - t0 };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

/** What the instructor's submissions export holds for this session: rows, and distinct students. */
export async function storedSubmissions(t: Target, timeoutMs: number): Promise<{ rows: number; students: number; ms: number } | { error: string }> {
  if (!t.http) return { error: "no database" };
  const t0 = now();
  try {
    const res = await t.http.fetch(`/api/classes/${t.classId}/export/submissions`, { signal: AbortSignal.timeout(timeoutMs) });
    if (res.status !== 200) return { error: `status ${res.status}` };
    const rows = (parse((await res.text()).replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[]).filter((r) => r.session_or_homework_id === t.sessionId);
    return { rows: rows.length, students: new Set(rows.map((r) => r.nickname)).size, ms: now() - t0 };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}
