// Integration: the real server (production build) on a free port with a fresh database; real HTTP
// sign-in through next-auth and joins through POST /api/join; real socket.io clients. Runs on the
// embedded PGlite, and on PostgreSQL too when TEST_DATABASE_URL is set.
import { describe, expect, it } from "vitest";
import { connect, nextEvent } from "../testing/sockets";
import { backends, startWorld } from "../testing/world";

describe.each(backends())("live roster on %s", (_name, backend) => {
  const made = startWorld({ backend });
  const client = () => made.world.client();
  const open = (c: Parameters<typeof connect>[1]) => made.world.open(c);

  it("seeds a demo instructor who can sign in", async () => {
    expect(made.server.demo?.email).toBe("demo@neuronlab.local");
    const c = client();
    expect(await c.signIn("instructor", made.server.demo!)).toBeNull();
  });

  it("answers bad sign-up and sign-in input with clear errors", async () => {
    const c = client();
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
    const { t, cls } = await made.world.teacherWithClass("Period 1");
    const teacherSocket = await open(t);
    const watched = await teacherSocket.emitWithAck("class:watch", { classId: cls.id });
    expect(watched).toEqual({ ok: true, roster: [], liveSessionId: null });

    const joined = nextEvent(teacherSocket, "class:joined", (m) => m.entry.nickname === "지민");
    const s = client();
    expect(await s.join(cls.joinCode.toLowerCase(), "  지민 ")).toBeNull();
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
    const { cls } = await made.world.teacherWithClass("Period 2");
    const s = client();
    expect(await s.join("ZZZZZZ", "a")).toBe("codeUnknown");
    expect(await s.join("nope", "a")).toBe("codeInvalid");
    expect(await s.join(cls.joinCode, "   ")).toBe("nicknameEmpty");
    expect(await s.join(cls.joinCode, "x".repeat(200))).toBe("nicknameTooLong");
    expect(await s.join(cls.joinCode, "Mina")).toBeNull();
    expect(await client().join(cls.joinCode, "Mina")).toBe("nicknameTaken");
  });

  it("refuses an unauthenticated socket", async () => {
    await expect(connect(made.server.url)).rejects.toThrow("unauthorized");
    const forged = client();
    forged.cookies.set("next-auth.session-token", "forged.token.value");
    await expect(connect(made.server.url, forged)).rejects.toThrow("unauthorized");
  });

  it("never lets a student or another instructor into a class's room", async () => {
    const a = await made.world.teacherWithClass("A");
    const b = await made.world.teacherWithClass("B");
    const student = client();
    expect(await student.join(a.cls.joinCode, "Only-A")).toBeNull();

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
    expect((await client().json("/api/classes")).status).toBe(401);
  });
});
