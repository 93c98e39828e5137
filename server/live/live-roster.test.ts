// Integration: the real server (production build) on a free port with a fresh database; real HTTP
// sign-in through next-auth; real socket.io clients. Runs on the embedded PGlite, and on PostgreSQL
// too when TEST_DATABASE_URL is set.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "../testing/http-client";
import { connect, nextEvent, type TestSocket } from "../testing/sockets";
import { pgliteBackend, postgresBackend, startServer, type Backend, type RunningServer } from "../testing/server";

const backends: [string, () => Promise<Backend>][] = [["embedded PGlite", pgliteBackend]];
const pgUrl = process.env.TEST_DATABASE_URL;
if (pgUrl) backends.push(["PostgreSQL", () => postgresBackend(pgUrl)]);
else console.warn("[skip] PostgreSQL integration run: set TEST_DATABASE_URL=postgresql://... to include it");

describe.each(backends)("live roster on %s", (_name, makeBackend) => {
  let backend: Backend;
  let server: RunningServer;
  const sockets: TestSocket[] = [];
  const open = async (client?: Client) => {
    const s = await connect(server.url, client);
    sockets.push(s);
    return s;
  };

  beforeAll(async () => {
    backend = await makeBackend();
    server = await startServer(backend);
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await server?.stop();
    await backend?.dispose();
  });

  async function instructorWithClass(email: string, className: string) {
    const t = new Client(server.url);
    expect((await t.signUp("Teacher", email, "correct horse")).status).toBe(201);
    expect(await t.signIn("instructor", { email, password: "correct horse" })).toBeNull();
    const created = await t.json<{ id: string; joinCode: string }>("/api/classes", { name: className });
    expect(created.status).toBe(201);
    return { t, cls: created.body };
  }

  it("seeds a demo instructor who can sign in", async () => {
    expect(server.demo?.email).toBe("demo@neuronlab.local");
    const c = new Client(server.url);
    expect(await c.signIn("instructor", server.demo!)).toBeNull();
  });

  it("answers bad sign-up and sign-in input with clear errors", async () => {
    const c = new Client(server.url);
    expect((await c.signUp("A", "dup@example.com", "password1")).status).toBe(201);
    const dup = await c.signUp("B", "DUP@example.com", "password2");
    expect(dup).toMatchObject({ status: 409, body: { error: { code: "emailTaken" } } });
    const short = await c.signUp("B", "b@example.com", "short");
    expect(short).toMatchObject({ status: 400, body: { error: { code: "passwordTooShort" } } });
    const bad = await c.fetch("/api/signup", { method: "POST", body: "{not json", headers: { "content-type": "application/json" } });
    expect(bad.status).toBe(400);
    expect(await c.signIn("instructor", { email: "dup@example.com", password: "wrong-password" })).toBe("badCredentials");
    expect(await c.signIn("instructor", { email: "nobody@example.com", password: "whatever1" })).toBe("badCredentials");
  });

  it("shows a joining student on the instructor's live roster without reload", async () => {
    const { t, cls } = await instructorWithClass("roster@example.com", "Period 1");
    const teacherSocket = await open(t);
    const watched = await teacherSocket.emitWithAck("class:watch", { classId: cls.id });
    expect(watched).toEqual({ ok: true, roster: [], liveSessionId: null });

    const joined = nextEvent(teacherSocket, "class:joined", (m) => m.entry.nickname === "지민");
    const s = new Client(server.url);
    expect(await s.signIn("student", { code: cls.joinCode.toLowerCase(), nickname: "  지민 " })).toBeNull();
    const { entry } = await joined;
    expect(entry).toMatchObject({ nickname: "지민", online: false });

    // The student's session survives a "refresh" (a new request with the same cookie).
    const session = await s.json<{ user: { id: string; name: string; role: string } }>("/api/auth/session");
    expect(session.body.user).toMatchObject({ name: "지민", role: "STUDENT", id: entry.userId });

    // When the student's page connects, the roster shows them online (a delta, and in a fresh snapshot).
    const online = nextEvent(teacherSocket, "class:presence", (m) => m.userId === entry.userId && m.online);
    const studentSocket = await open(s);
    expect(await studentSocket.emitWithAck("class:watch", { classId: cls.id })).toEqual({ ok: true, liveSessionId: null });
    await online;
    const snapshot = await (await open(t)).emitWithAck("class:watch", { classId: cls.id });
    expect(snapshot).toMatchObject({ ok: true, roster: [{ nickname: "지민", online: true }] });
    const offline = nextEvent(teacherSocket, "class:presence", (m) => m.userId === entry.userId && !m.online);
    studentSocket.close();
    await offline;
  });

  it("refuses bad join attempts with a clear reason", async () => {
    const { cls } = await instructorWithClass("joins@example.com", "Period 2");
    const s = new Client(server.url);
    expect(await s.signIn("student", { code: "ZZZZZZ", nickname: "a" })).toBe("codeUnknown");
    expect(await s.signIn("student", { code: "nope", nickname: "a" })).toBe("codeInvalid");
    expect(await s.signIn("student", { code: cls.joinCode, nickname: "   " })).toBe("nicknameEmpty");
    expect(await s.signIn("student", { code: cls.joinCode, nickname: "x".repeat(200) })).toBe("nicknameTooLong");
    expect(await s.signIn("student", { code: cls.joinCode, nickname: "Mina" })).toBeNull();
    expect(await new Client(server.url).signIn("student", { code: cls.joinCode, nickname: "Mina" })).toBe("nicknameTaken");
  });

  it("refuses an unauthenticated socket", async () => {
    await expect(connect(server.url)).rejects.toThrow("unauthorized");
    const forged = new Client(server.url);
    forged.cookies.set("next-auth.session-token", "forged.token.value");
    await expect(connect(server.url, forged)).rejects.toThrow("unauthorized");
  });

  it("never lets a student or another instructor into a class's room", async () => {
    const a = await instructorWithClass("a@example.com", "A");
    const b = await instructorWithClass("b@example.com", "B");
    const student = new Client(server.url);
    expect(await student.signIn("student", { code: a.cls.joinCode, nickname: "Only-A" })).toBeNull();

    const studentSocket = await open(student);
    expect(await studentSocket.emitWithAck("class:watch", { classId: b.cls.id })).toEqual({ ok: false, error: "forbidden" });
    expect(await studentSocket.emitWithAck("class:watch", { classId: a.cls.id })).toEqual({ ok: true, liveSessionId: null });

    const otherTeacher = await open(b.t);
    expect(await otherTeacher.emitWithAck("class:watch", { classId: a.cls.id })).toEqual({ ok: false, error: "forbidden" });
    // A malformed payload gets an error ack, and the connection stays usable.
    expect(await otherTeacher.emitWithAck("class:watch", { classId: 42 } as never)).toEqual({ ok: false, error: "invalidInput" });
    expect(await otherTeacher.emitWithAck("class:watch", { classId: b.cls.id })).toMatchObject({ ok: true });

    // A student cannot use the instructors' HTTP routes either.
    expect((await student.json("/api/classes", { name: "Mine" })).status).toBe(403);
    expect((await new Client(server.url).json("/api/classes")).status).toBe(401);
  });
});
