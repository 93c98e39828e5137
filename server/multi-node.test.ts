// Two server nodes on one PostgreSQL, sharing socket.io rooms through Redis, behind HAProxy as
// docs/deploy.md configures it: an instructor connected to node A sees, live, a student who joins
// through node B and enters the session there. Each client is pinned to its node by the balancer's
// stickiness cookie (what a browser holds after its first answer).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "./testing/http-client";
import { connect, nextEvent, nextView, type TestSocket } from "./testing/sockets";
import { train } from "@/lib/nn/perceptron";
import { postgresBackend, startServer, type Backend, type RunningServer } from "./testing/server";
import { haproxyMissing, startBalancer, type Balancer } from "./testing/balancer";
import { port } from "./testing/throwaway";

const pgUrl = process.env.TEST_DATABASE_URL;
const redisUrl = process.env.TEST_REDIS_URL;
const why = !pgUrl ? "set TEST_DATABASE_URL (a PostgreSQL server)" : !redisUrl ? "set TEST_REDIS_URL (a Redis server)" : haproxyMissing();
if (why) console.warn(`[skip] multi-node test: ${why}`);

describe.skipIf(why !== null)("two nodes through Redis", () => {
  let backend: Backend;
  let a: RunningServer;
  let b: RunningServer;
  let lb: Balancer;
  const sockets: TestSocket[] = [];
  const A = 0;
  const B = 1;
  /** A new client whose requests the balancer sends to node i. */
  const pinned = (i: number) => onNode(new Client(lb.url), i);
  /** The same user's cookies, sent to node i (another tab, stuck to another node). */
  const onNode = (c: Client, i: number) => {
    const copy = new Client(lb.url);
    copy.cookies = new Map([...c.cookies, lb.pin(i)]);
    return copy;
  };

  beforeAll(async () => {
    backend = await postgresBackend(pgUrl!);
    a = await startServer(backend, { REDIS_URL: redisUrl! });
    b = await startServer(backend, { REDIS_URL: redisUrl! }); // one after the other: migrations run once
    lb = await startBalancer(await port(81), [a.port, b.port]);
  }, 240_000);
  afterAll(async () => {
    for (const s of sockets) s.close();
    await lb?.stop();
    await a?.stop();
    await b?.stop();
    await backend?.dispose();
  });

  it("delivers roster, session state and board updates across nodes", async () => {
    const teacher = pinned(A);
    expect(await teacher.signIn("instructor", a.demo!)).toBeNull();
    const cls = (await teacher.json<{ id: string; joinCode: string }>("/api/classes", { name: "Two nodes" })).body;
    const teacherSocket = await connect(lb.url, teacher);
    sockets.push(teacherSocket);
    await teacherSocket.emitWithAck("class:watch", { classId: cls.id });

    const joined = nextEvent(teacherSocket, "class:joined", (m) => m.entry.nickname === "Bea");
    const student = pinned(B); // signs in through node B
    expect(await student.join(cls.joinCode, "Bea")).toBeNull();
    await joined;

    const lessons = (await teacher.json<{ lessons: { id: string; exercises: { id: string; type: string }[] }[] }>("/api/lessons")).body.lessons;
    const sessionId = (await teacher.json<{ id: string }>(`/api/classes/${cls.id}/sessions`, { lessonId: lessons[0].id })).body.id;
    await teacherSocket.emitWithAck("board:watch", { sessionId });

    const studentSocket = await connect(lb.url, student);
    sockets.push(studentSocket);
    const online = nextEvent(teacherSocket, "board:presence", (p) => p.online);
    expect(await studentSocket.emitWithAck("session:enter", { sessionId })).toMatchObject({ ok: true });
    await online;

    // A push on node A reaches the student on node B.
    const pushed = nextEvent(studentSocket, "session:update", (s) => s.exercise?.type === "XOR");
    await teacherSocket.emitWithAck("control:push", { sessionId, exerciseId: lessons[0].exercises.find((e) => e.type === "XOR")!.id });
    await pushed;
  });

  it("targets, counts presence and shows submissions across nodes", async () => {
    const teacher = pinned(A);
    expect(await teacher.signIn("instructor", a.demo!)).toBeNull();
    const cls = (await teacher.json<{ id: string; joinCode: string }>("/api/classes", { name: "Across" })).body;
    const lesson = (await teacher.json<{ lessons: { id: string; slug: string | null; exercises: { id: string; type: string }[] }[] }>("/api/lessons")).body.lessons.find((l) => l.slug === "activation-basics")!;
    const gate = lesson.exercises.find((e) => e.type === "GATE")!.id;
    const sessionId = (await teacher.json<{ id: string }>(`/api/classes/${cls.id}/sessions`, { lessonId: lesson.id })).body.id;
    const board = await connect(lb.url, teacher);
    sockets.push(board);
    await board.emitWithAck("board:watch", { sessionId });

    const enterOn = async (node: number, c: Client) => {
      const s = await connect(lb.url, onNode(c, node));
      sockets.push(s);
      const res = await s.emitWithAck("session:enter", { sessionId });
      expect(res.ok).toBe(true);
      return { socket: s, userId: res.ok ? res.userId : "" };
    };
    const join = async (nickname: string) => {
      const c = pinned(B);
      expect(await c.join(cls.joinCode, nickname)).toBeNull();
      return c;
    };
    const [cam, dee] = [await join("Cam"), await join("Dee")];
    const camB = await enterOn(B, cam);
    const deeB = await enterOn(B, dee);

    // A push from node A to Cam only: both students on node B get the one update, only Cam sees it.
    const camGets = nextView(camB.socket, camB.userId, (v) => v.exercise?.id === gate);
    const deeGets = nextView(deeB.socket, deeB.userId);
    expect(await board.emitWithAck("control:push", { sessionId, exerciseId: gate, userIds: [camB.userId] })).toEqual({ ok: true });
    await camGets;
    expect((await deeGets).exercise).toBeNull();

    // A submission on node B is on the board on node A.
    const cfg = { gate: "AND" as const, lr: 0.1, epochs: 100, seed: 4 };
    const { final } = train(cfg);
    const onBoard = nextEvent(board, "board:result", (r) => r.userId === camB.userId);
    const res = await camB.socket.emitWithAck("session:submit", { sessionId, exerciseId: gate, clientId: "multi-node-cam-1", payload: { ...cfg, w: final.w, b: final.b } });
    expect(res).toMatchObject({ ok: true, result: { score: 10, correct: true } });
    expect((await onBoard).result.score).toBe(10);
    expect(await deeB.socket.emitWithAck("session:submit", { sessionId, exerciseId: gate, clientId: "multi-node-dee-1", payload: { ...cfg, w: final.w, b: final.b } })).toEqual({ ok: false, error: "notTargeted" });

    // Presence counts connections on every node: Cam opens a second tab on node A, closes the one on B.
    const camA = await enterOn(A, cam);
    let wentOffline = false;
    board.on("board:presence", (p) => p.userId === camB.userId && !p.online && (wentOffline = true));
    camB.socket.close();
    await new Promise((r) => setTimeout(r, 1000));
    expect(wentOffline).toBe(false);
    const snap = await board.emitWithAck("board:watch", { sessionId });
    expect(snap.ok && snap.state.tiles.find((t) => t.userId === camB.userId)).toMatchObject({ online: true, status: "correct" });
    // A board on node B sees the same session, Cam online through node A.
    const boardB = await connect(lb.url, onNode(teacher, B));
    sockets.push(boardB);
    const snapB = await boardB.emitWithAck("board:watch", { sessionId });
    expect(snapB.ok && snapB.state.tiles.map((t) => [t.nickname, t.online]).sort()).toEqual([["Cam", true], ["Dee", true]]);
    // The last tab closes: offline on both boards.
    const offA = nextEvent(board, "board:presence", (p) => p.userId === camB.userId && !p.online);
    const offB = nextEvent(boardB, "board:presence", (p) => p.userId === camB.userId && !p.online);
    camA.socket.close();
    await Promise.all([offA, offB]);
  });

  it("holds an attempt limit when one student submits on two nodes at the same moment", async () => {
    const teacher = pinned(A);
    expect(await teacher.signIn("instructor", a.demo!)).toBeNull();
    type Lesson = { id: string; slug: string | null; exercises: { id: string; type: string; position: number; config: Record<string, unknown> }[] };
    const builtin = (await teacher.json<{ lessons: Lesson[] }>("/api/lessons")).body.lessons.find((l) => l.slug === "activation-basics")!;
    const copyId = (await teacher.json<{ id: string }>(`/api/lessons/${builtin.id}/duplicate`, {})).body.id;
    const lesson = (await teacher.json<{ lessons: Lesson[] }>("/api/lessons")).body.lessons.find((l) => l.id === copyId)!;
    const gate = lesson.exercises.find((e) => e.type === "GATE")!;
    const once = { ...gate.config, attempts: { maxAttempts: 1, feedback: "now", counts: "best" } };
    expect((await teacher.json(`/api/lessons/${lesson.id}/exercises/${gate.position}`, { config: once }, "PUT")).status).toBe(200);
    const cls = (await teacher.json<{ id: string; joinCode: string }>("/api/classes", { name: "One attempt" })).body;
    const sessionId = (await teacher.json<{ id: string }>(`/api/classes/${cls.id}/sessions`, { lessonId: lesson.id })).body.id;
    const board = await connect(lb.url, teacher);
    sockets.push(board);
    await board.emitWithAck("board:watch", { sessionId });
    const eve = pinned(A);
    expect(await eve.join(cls.joinCode, "Eve")).toBeNull();
    const onA = await connect(lb.url, onNode(eve, A));
    const onB = await connect(lb.url, onNode(eve, B));
    sockets.push(onA, onB);
    for (const s of [onA, onB]) expect(await s.emitWithAck("session:enter", { sessionId })).toMatchObject({ ok: true });
    await board.emitWithAck("control:push", { sessionId, exerciseId: gate.id });

    const cfg = { gate: "AND" as const, lr: 0.1, epochs: 100, seed: 5 };
    const { final } = train(cfg);
    const payload = { ...cfg, w: final.w, b: final.b };
    // Two different attempts sent at once, one through each node: each node counts the
    // attempts stored so far, so without a guard in the database both would be stored.
    const acks = await Promise.all([
      onA.emitWithAck("session:submit", { sessionId, exerciseId: gate.id, clientId: "two-nodes-a", payload }),
      onB.emitWithAck("session:submit", { sessionId, exerciseId: gate.id, clientId: "two-nodes-b", payload }),
    ]);
    expect(acks.filter((x) => x.ok)).toHaveLength(1);
    expect(acks.filter((x) => !x.ok).map((x) => (x as { error: string }).error)).toEqual(["noAttemptsLeft"]);
    const csv = await (await teacher.fetch(`/api/classes/${cls.id}/export/submissions`)).text();
    expect(csv.trim().split(/\r\n/).length - 1).toBe(1);
  });
});
