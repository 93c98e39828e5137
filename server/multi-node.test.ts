// Two server nodes on one PostgreSQL, sharing socket.io rooms through Redis: an instructor connected
// to node A sees, live, a student who joins through node B and enters the session there.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "./testing/http-client";
import { connect, nextEvent, type TestSocket } from "./testing/sockets";
import { postgresBackend, startServer, type Backend, type RunningServer } from "./testing/server";

const pgUrl = process.env.TEST_DATABASE_URL;
const redisUrl = process.env.TEST_REDIS_URL;
const why = !pgUrl ? "TEST_DATABASE_URL" : !redisUrl ? "TEST_REDIS_URL" : null;
if (why) console.warn(`[skip] multi-node test: set ${why} (a PostgreSQL and a Redis server) to run it`);

describe.skipIf(why !== null)("two nodes through Redis", () => {
  let backend: Backend;
  let a: RunningServer;
  let b: RunningServer;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    backend = await postgresBackend(pgUrl!);
    a = await startServer(backend, { REDIS_URL: redisUrl! });
    b = await startServer(backend, { REDIS_URL: redisUrl! }); // one after the other: migrations run once
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await a?.stop();
    await b?.stop();
    await backend?.dispose();
  });

  it("delivers roster, session state and board updates across nodes", async () => {
    const teacher = new Client(a.url);
    expect(await teacher.signIn("instructor", a.demo!)).toBeNull();
    const cls = (await teacher.json<{ id: string; joinCode: string }>("/api/classes", { name: "Two nodes" })).body;
    const teacherSocket = await connect(a.url, teacher);
    sockets.push(teacherSocket);
    await teacherSocket.emitWithAck("class:watch", { classId: cls.id });

    const joined = nextEvent(teacherSocket, "class:roster", (m) => m.roster.some((r) => r.nickname === "Bea"));
    const student = new Client(b.url); // signs in through node B
    expect(await student.signIn("student", { code: cls.joinCode, nickname: "Bea" })).toBeNull();
    await joined;

    const lessons = (await teacher.json<{ lessons: { id: string; exercises: { id: string; type: string }[] }[] }>("/api/lessons")).body.lessons;
    const sessionId = (await teacher.json<{ id: string }>(`/api/classes/${cls.id}/sessions`, { lessonId: lessons[0].id })).body.id;
    await teacherSocket.emitWithAck("board:watch", { sessionId });

    const studentSocket = await connect(b.url, student);
    sockets.push(studentSocket);
    const online = nextEvent(teacherSocket, "board:presence", (p) => p.online);
    expect(await studentSocket.emitWithAck("session:enter", { sessionId })).toMatchObject({ ok: true });
    await online;

    // A push on node A reaches the student on node B.
    const pushed = nextEvent(studentSocket, "session:update", (s) => s.exercise?.type === "XOR");
    await teacherSocket.emitWithAck("control:push", { sessionId, exerciseId: lessons[0].exercises.find((e) => e.type === "XOR")!.id });
    await pushed;
  });
});
