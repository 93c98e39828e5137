// bench:board's lecture hall: the real server with a real instructor, class and session, the
// synthetic students who stream to the page, and the front server that puts the page on one origin
// with the benchmark's own socket.io server.
import { createServer, request as httpRequest, type Server as HttpServer } from "node:http";
import { pgliteBackend, startServer } from "../server/testing/server";
import { Client } from "../server/testing/http-client";
import { connect } from "../server/testing/sockets";
import { makeRng } from "../lib/nn/random";
import { startTraining, accuracy, type TrainState } from "../lib/nn/perceptron";
import type { BoardState, ProgressState } from "../lib/live/session-protocol";

export interface Sim { id: string; nickname: string; run: TrainState; seed: number; lr: number; speed: number }

/** The real server, a real instructor, class and session; the GATE exercise pushed. Returns the board state as the server sends it. */
export async function realSession(appPort: number) {
  const backend = await pgliteBackend();
  const server = await startServer(backend, { PORT: String(appPort) });
  const base = server.url;
  const teacher = new Client(base);
  const email = `bench-${Date.now()}@example.com`;
  await teacher.signUp("Bench Teacher", email, "correct horse battery");
  const err = await teacher.signIn("instructor", { email, password: "correct horse battery" });
  if (err) throw new Error(`sign-in failed: ${err}`);
  const post = async <T>(path: string, body: unknown) => {
    const res = await teacher.fetch(path, { method: "POST", headers: { "content-type": "application/json", origin: base }, body: JSON.stringify(body) });
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const cls = await post<{ id: string }>("/api/classes", { name: "Lecture hall" });
  const { body } = await teacher.json<{ lessons: { id: string; slug: string | null; exercises: { id: string; type: string }[] }[] }>("/api/lessons");
  const lesson = body.lessons.find((l) => l.slug === "activation-basics") ?? body.lessons[0];
  const session = await post<{ id: string }>(`/api/classes/${cls.id}/sessions`, { lessonId: lesson.id });
  const control = await connect(base, teacher);
  const gate = lesson.exercises.find((e) => e.type === "GATE")!;
  await control.emitWithAck("control:push", { sessionId: session.id, exerciseId: gate.id });
  const watched = (await control.emitWithAck("board:watch", { sessionId: session.id })) as { ok: boolean; state: BoardState };
  control.close();
  if (!watched.ok) throw new Error("board:watch refused");
  return { server, backend, base, teacher, state: watched.state };
}

export function makeSims(n: number): Sim[] {
  const rng = makeRng(7);
  return Array.from({ length: n }, (_, i) => {
    const seed = Math.floor(rng.uniform() * 1e6);
    const lr = [0.01, 0.05, 0.1, 0.5][i % 4];
    return { id: `bench${String(i).padStart(5, "0")}`, nickname: `Student ${i + 1}`, seed, lr, run: startTraining({ gate: "AND", lr, epochs: 1000, seed }), speed: 1 + Math.floor(rng.uniform() * 6) };
  });
}

export function progressOf(s: Sim): ProgressState {
  const m = s.run.model;
  return { type: "GATE", gate: "AND", lr: s.lr, epochs: 1000, seed: s.seed, epoch: s.run.epoch, accuracy: accuracy(m, "AND"), w: [m.w[0], m.w[1]], b: m.b };
}

/**
 * The page's origin: an HTTP server that serves the benchmark's socket.io server at /socket.io/
 * and passes every other request on to the real app server, so the page talks to the fake
 * hall over a real WebSocket, as it would to the app (no relay through the test driver).
 */
export function frontServer(appBase: string): HttpServer {
  const app = new URL(appBase);
  return createServer((req, res) => {
    const up = httpRequest({ host: app.hostname, port: app.port, method: req.method, path: req.url, headers: { ...req.headers, host: app.host } }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    up.on("error", () => res.destroy());
    req.pipe(up);
  });
}
