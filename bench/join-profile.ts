// Profiling aid for the join path: against a running server (started with `node --cpu-prof`, or
// not), an instructor makes a class and N students join it (POST /api/join), then
// (optionally) every student opens a socket, watches the class and enters a live session. Per
// phase it prints the server's CPU (from /proc of --pid) per student, and the phase's window on
// the monotonic clock (the clock of a .cpuprofile's timestamps), so that bench/cpuprofile.ts can
// summarise one phase of one profile.
//
//   tsx bench/join-profile.ts --url http://127.0.0.1:3401 --pid 1234 --students 300 --enter
//   (--submit: then every student submits at once; --hold S: every student stays connected S seconds;
//   --transport polling,websocket: socket.io's default, long-polling then an upgrade; default WebSocket)
import { io, type Socket } from "socket.io-client";
import { Client } from "../server/testing/http-client";
import { procTree } from "./live-servers";
import { joinAsStudent } from "./join-client";
import { train } from "../lib/nn/perceptron";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const url = arg("url", "http://127.0.0.1:3401");
const pid = Number(arg("pid", "0"));
const n = Number(arg("students", "300"));
const concurrency = Number(arg("concurrency", "16"));
const submitToo = process.argv.includes("--submit");
const holdS = Number(arg("hold", "0"));
const transports = arg("transport", "websocket").split(",") as ("polling" | "websocket")[];
const enterToo = submitToo || holdS > 0 || process.argv.includes("--enter");

const monoUs = () => Number(process.hrtime.bigint() / 1000n);
const cpuMs = () => (pid ? procTree(pid).cpuS * 1000 : 0);

async function pool<T>(items: T[], k: number, f: (x: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: k }, async () => {
    while (next < items.length) await f(items[next++]);
  }));
}

async function queries(s: Socket): Promise<number> {
  const res = (await s.timeout(5000).emitWithAck("debug:queries").catch(() => null)) as { count: number } | null;
  return res?.count ?? NaN;
}

function socketOf(cookie: string): Promise<Socket> {
  const s = io(url, { extraHeaders: { cookie }, forceNew: true, reconnection: false, transports });
  return new Promise((resolve, reject) => {
    s.once("connect", () => resolve(s));
    s.once("connect_error", reject);
  });
}

/** GATE pushed, then every student submits its own valid AND run at once: CPU and queries per submission, ack times. */
async function submitAll(t: Client, board: Socket, sockets: Socket[], sessionId: string, exercises: { id: string; type: string }[]) {
  void t;
  const gate = exercises.find((e) => e.type === "GATE")!.id;
  const pushed = (await board.timeout(30_000).emitWithAck("control:push", { sessionId, exerciseId: gate })) as { ok: boolean };
  if (!pushed.ok) throw new Error("push refused");
  await new Promise((r) => setTimeout(r, 1000));
  const payloads = sockets.map((_, i) => {
    const cfg = { gate: "AND" as const, lr: 0.1, epochs: 100, seed: i + 1 };
    const { final } = train(cfg);
    return { ...cfg, w: final.w, b: final.b };
  });
  const q0 = await queries(board);
  const c0 = cpuMs();
  const w0 = monoUs();
  const t0 = performance.now();
  const acks = await Promise.all(sockets.map(async (s, i) => {
    const res = (await s.timeout(60_000).emitWithAck("session:submit", { sessionId, exerciseId: gate, clientId: `prof-${i}-${Date.now()}`, payload: payloads[i] })) as { ok: boolean; error?: string };
    if (!res.ok) throw new Error(`submit refused: ${res.error}`);
    return performance.now() - t0;
  }));
  acks.sort((a, b) => a - b);
  const q = (p: number) => Math.round(acks[Math.min(acks.length - 1, Math.floor(p * acks.length))]);
  return {
    cpuMsPerSubmit: +((cpuMs() - c0) / sockets.length).toFixed(2),
    queriesPerSubmit: +(((await queries(board)) - q0) / sockets.length).toFixed(3),
    ackMs: { p50: q(0.5), p99: q(0.99), max: Math.round(acks[acks.length - 1]) },
    submitWindow: [w0, monoUs()],
  };
}

async function main() {
  const t = new Client(url);
  const email = `prof-${Date.now()}@example.com`;
  await t.signUp("Profiler", email, "correct horse battery");
  if (await t.signIn("instructor", { email, password: "correct horse battery" })) throw new Error("instructor sign-in failed");
  const board = await socketOf(t.cookieHeader());
  const lessons = (await t.json<{ lessons: { id: string; slug: string | null; exercises: { id: string; type: string }[] }[] }>("/api/lessons")).body.lessons;
  const lessonId = lessons.find((l) => l.slug === "activation-basics")!.id;
  const report: Record<string, unknown>[] = [];
  {
    const p = "join";
    const cls = (await t.json<{ id: string; joinCode: string }>("/api/classes", { name: `Profile ${p}` })).body;
    const session = (await t.json<{ id: string }>(`/api/classes/${cls.id}/sessions`, { lessonId })).body.id;
    // Warm-up: the route's modules load and compile before the window.
    for (let k = 0; k < 5; k++) await joinAsStudent(url, cls.joinCode, `warm ${p} ${k}`);
    const cookies: string[] = [];
    const q0 = await queries(board);
    const c0 = cpuMs();
    const w0 = monoUs();
    const t0 = Date.now();
    await pool([...Array(n).keys()], concurrency, async (i) => {
      const r = await joinAsStudent(url, cls.joinCode, `${p} student ${i}`);
      if (r.error) throw new Error(`join ${i} (${p}) refused: ${r.error}`);
      cookies.push(r.cookie);
    });
    const row: Record<string, unknown> = {
      path: p, students: n, wallS: (Date.now() - t0) / 1000,
      cpuMsPerJoin: +((cpuMs() - c0) / n).toFixed(2),
      queriesPerJoin: +(((await queries(board)) - q0) / n).toFixed(2),
      window: [w0, monoUs()],
    };
    if (enterToo) {
      const sockets: Socket[] = [];
      const q1 = await queries(board);
      const c1 = cpuMs();
      const w1 = monoUs();
      await pool(cookies, concurrency, async (cookie) => {
        const s = await socketOf(cookie);
        sockets.push(s);
        await s.timeout(30_000).emitWithAck("class:watch", { classId: cls.id });
        const res = (await s.timeout(30_000).emitWithAck("session:enter", { sessionId: session })) as { ok: boolean; error?: string };
        if (!res.ok) throw new Error(`session:enter refused: ${res.error}`);
      });
      Object.assign(row, {
        cpuMsPerEnter: +((cpuMs() - c1) / n).toFixed(2),
        queriesPerEnter: +(((await queries(board)) - q1) / n).toFixed(2),
        enterWindow: [w1, monoUs()],
      });
      if (submitToo) Object.assign(row, await submitAll(t, board, sockets, session, lessons.find((l) => l.slug === "activation-basics")!.exercises));
      if (holdS > 0) {
        // Every student stays connected for a while: the time to read the server's memory.
        console.log(JSON.stringify({ holding: sockets.length, seconds: holdS }));
        await new Promise((r) => setTimeout(r, holdS * 1000));
      }
      for (const s of sockets) s.close();
    }
    report.push(row);
    console.log(JSON.stringify(row));
  }
  board.close();
  console.log(JSON.stringify({ report }));
}

main().then(() => process.exit(0), (e) => {
  console.error(e);
  process.exit(1);
});
