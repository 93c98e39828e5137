// Integration: sessions that can be revoked, and the instructor's join controls, on the real server
// with real sign-in and real sockets. Sign-out, removing a student or a co-instructor and deleting a
// class act at once: later requests are refused and the open sockets stop receiving the class.
import { describe, expect, it } from "vitest";
import { connect, nextEvent } from "../testing/sockets";
import { backends, cloneClient, disconnected, recorder, signOut, sleep, startWorld } from "../testing/world";

describe.each(backends())("on %s", (_name, backend) => {
  const made = startWorld({ backend });

  function activation(sessionId: string, exerciseId: string) {
    return { type: "ACTIVATION" as const, sessionId, exerciseId, activation: "relu" as const, threshold: 0, alpha: 0.1 };
  }

  describe("revocation", () => {
    it("sign-out: the old cookie opens neither the API nor a socket, and open sockets are disconnected", async () => {
      const t = await made.world.instructor();
      const cls = await made.world.cls(t.c);
      const s = await made.world.student(cls.joinCode);
      const oldT = cloneClient(t.c);
      const oldS = cloneClient(s.c);
      const tSocket = await made.world.open(t.c);
      const sSocket = await made.world.open(s.c);
      expect((await oldT.json("/api/classes")).status).toBe(200);

      const tGone = disconnected(tSocket);
      await signOut(t.c);
      expect(await tGone).toBe("io server disconnect");
      expect((await oldT.json("/api/classes")).status).toBe(401);
      expect((await oldT.json<{ user?: unknown }>("/api/auth/session")).body.user).toBeUndefined();
      await expect(connect(made.server.url, oldT)).rejects.toThrow("unauthorized");

      const sGone = disconnected(sSocket);
      await signOut(s.c);
      await sGone;
      await expect(connect(made.server.url, oldS)).rejects.toThrow("unauthorized");
      expect((await oldS.json("/api/homework/none/start", { exerciseId: "x" })).status).toBe(401);

      // Signing in again gives a fresh, working session.
      expect(await t.c.signIn("instructor", { email: t.email, password: "correct horse" })).toBeNull();
      expect((await t.c.json("/api/classes")).status).toBe(200);
      await made.world.open(t.c);
    });

    it("a removed co-instructor's open socket stops receiving the board, progress and roster at once", async () => {
      const { owner, co, cls, byType, sessionId } = await made.world.coTaughtSession();
      const student = await made.world.student(cls.joinCode);

      const ownerSocket = await made.world.open(owner.c);
      const coSocket = await made.world.open(co.c);
      for (const sock of [ownerSocket, coSocket]) {
        expect(await sock.emitWithAck("class:watch", { classId: cls.id })).toMatchObject({ ok: true });
        expect(await sock.emitWithAck("board:watch", { sessionId })).toMatchObject({ ok: true });
      }
      expect(await ownerSocket.emitWithAck("control:push", { sessionId, exerciseId: byType("ACTIVATION") })).toEqual({ ok: true });
      const sSocket = await made.world.open(student.c);
      expect(await sSocket.emitWithAck("session:enter", { sessionId })).toMatchObject({ ok: true });
      // Before: the co-instructor sees progress.
      const coSaw = nextEvent(coSocket, "board:progress");
      sSocket.emit("session:progress", activation(sessionId, byType("ACTIVATION")));
      await coSaw;

      expect((await owner.c.fetch(`/api/classes/${cls.id}/instructors/${co.id}`, { method: "DELETE" })).status).toBe(200);
      const log = recorder(coSocket);
      await sleep(150);
      const ownerProgress = nextEvent(ownerSocket, "board:progress", (p) => p.items.some((i) => i.progress.type === "ACTIVATION" && i.progress.activation === "tanh"));
      sSocket.emit("session:progress", { ...activation(sessionId, byType("ACTIVATION")), activation: "tanh" });
      await ownerProgress;
      const ownerRoster = nextEvent(ownerSocket, "class:joined", (m) => m.classId === cls.id); // the roster travels as deltas
      await made.world.student(cls.joinCode);
      await ownerRoster;
      const ownerState = nextEvent(ownerSocket, "board:session", (m) => m.paused); // a pause sends the board the session's fields
      expect(await ownerSocket.emitWithAck("control:pause", { sessionId, paused: true })).toEqual({ ok: true });
      await ownerState;
      await sleep(300);
      expect(log.events).toEqual([]);
      // And the removed co-instructor can get back in neither by socket nor by HTTP.
      expect(await coSocket.emitWithAck("board:watch", { sessionId })).toEqual({ ok: false, error: "forbidden" });
      expect(await coSocket.emitWithAck("class:watch", { classId: cls.id })).toEqual({ ok: false, error: "forbidden" });
      expect((await co.c.json(`/api/classes/${cls.id}/dashboard`)).status).toBe(403);
    });

    it("a removed student is told, disconnected, refused afterwards, and their tile leaves the board", async () => {
      const t = await made.world.instructor();
      const cls = await made.world.cls(t.c);
      const { lesson } = await made.world.lesson(t.c);
      const sessionId = await made.world.startSession(t.c, cls.id, lesson.id);
      const stay = await made.world.student(cls.joinCode, "Stay");
      const go = await made.world.student(cls.joinCode, "Go");
      const board = await made.world.open(t.c);
      expect(await board.emitWithAck("board:watch", { sessionId })).toMatchObject({ ok: true });
      const goSocket = await made.world.open(go.c);
      const staySocket = await made.world.open(stay.c);
      expect(await goSocket.emitWithAck("session:enter", { sessionId })).toMatchObject({ ok: true });
      expect(await staySocket.emitWithAck("session:enter", { sessionId })).toMatchObject({ ok: true });
      const stayLog = recorder(staySocket);

      const kicked = nextEvent(goSocket, "session:kicked");
      const gone = disconnected(goSocket);
      const fresh = nextEvent(board, "board:state", (s) => !s.tiles.some((x) => x.nickname === "Go"));
      const res = await t.c.fetch(`/api/classes/${cls.id}/students/${go.id}`, { method: "DELETE" });
      expect(await res.json()).toEqual({ removed: 1, accountsDeleted: 1 });
      expect(await kicked).toEqual({ sessionId });
      await gone;
      expect((await fresh).tiles.map((x) => x.nickname)).toEqual(["Stay"]);
      await expect(connect(made.server.url, go.c)).rejects.toThrow("unauthorized");
      expect((await go.c.json("/api/auth/session")).body).toEqual({});
      // The student who stays noticed nothing, and is still connected.
      await sleep(200);
      expect(stayLog.events.filter((e) => e.name !== "board:presence")).toEqual([]);
      expect(staySocket.connected).toBe(true);
    });

    it("deleting a class empties its rooms on the spot and signs its students out", async () => {
      const { owner, co, cls, sessionId } = await made.world.coTaughtSession();
      const s = await made.world.student(cls.joinCode);
      const coSocket = await made.world.open(co.c);
      expect(await coSocket.emitWithAck("board:watch", { sessionId })).toMatchObject({ ok: true });
      expect(await coSocket.emitWithAck("class:watch", { classId: cls.id })).toMatchObject({ ok: true });
      const sSocket = await made.world.open(s.c);
      expect(await sSocket.emitWithAck("session:enter", { sessionId })).toMatchObject({ ok: true });
      const gone = disconnected(sSocket);
      expect((await owner.c.fetch(`/api/classes/${cls.id}`, { method: "DELETE" })).status).toBe(200);
      await gone;
      expect((await s.c.json("/api/auth/session")).body).toEqual({});
      expect(coSocket.connected).toBe(true); // the co-instructor keeps their other classes
      expect(await coSocket.emitWithAck("board:watch", { sessionId })).toEqual({ ok: false, error: "forbidden" });
    });
  });

  describe("join controls", () => {
    it("locks joining, caps the class size under concurrent joins, rotates the code", async () => {
      const t = await made.world.instructor();
      const cls = await made.world.cls(t.c);
      const first = await made.world.student(cls.joinCode, "First");

      // Lock: new joins are refused with joiningLocked; the enrolled student is unaffected.
      expect((await t.c.json(`/api/classes/${cls.id}/joining`, { joinLocked: true }, "PATCH")).body).toMatchObject({ joinLocked: true, students: 1 });
      expect(await made.world.client().join(cls.joinCode, "Late")).toBe("joiningLocked");
      expect((await first.c.json<{ user: { name: string } }>("/api/auth/session")).body.user.name).toBe("First");
      expect((await t.c.json(`/api/classes/${cls.id}/joining`, { joinLocked: false }, "PATCH")).status).toBe(200);

      // Cap 3 with one enrolled: of 6 concurrent joins exactly 2 get in, the rest are told classFull.
      expect((await t.c.json(`/api/classes/${cls.id}/joining`, { maxStudents: 0 }, "PATCH")).body).toMatchObject({ error: { code: "classSizeInvalid" } });
      expect((await t.c.json(`/api/classes/${cls.id}/joining`, { maxStudents: 3 }, "PATCH")).body).toMatchObject({ maxStudents: 3 });
      const results = await Promise.all([...Array(6)].map((_, i) => made.world.client().join(cls.joinCode, `Rush${i}`)));
      expect(results.filter((r) => r === null)).toHaveLength(2);
      expect(results.filter((r) => r === "classFull")).toHaveLength(4);
      expect((await t.c.json<{ students: number }>(`/api/classes/${cls.id}/joining`)).body.students).toBe(3);

      // Rotate: the old code is unknown at once, the new one works (within the cap), students stay.
      expect((await t.c.json(`/api/classes/${cls.id}/joining`, { maxStudents: null }, "PATCH")).body).toMatchObject({ maxStudents: null });
      const rotated = await t.c.json<{ joinCode: string }>(`/api/classes/${cls.id}/join-code`, {});
      expect(rotated.body.joinCode).not.toBe(cls.joinCode);
      expect(await made.world.client().join(cls.joinCode, "Old")).toBe("codeUnknown");
      expect(await made.world.client().join(rotated.body.joinCode, "New")).toBeNull();
      expect((await first.c.json<{ user: { name: string } }>("/api/auth/session")).body.user.name).toBe("First");
    });

    it("removes students in bulk with their data, and exports one student's data first", async () => {
      const t = await made.world.instructor();
      const cls = await made.world.cls(t.c);
      const other = await made.world.cls(t.c, "Other");
      const outsider = await made.world.student(other.joinCode, "Outsider");
      const flood = await Promise.all([...Array(5)].map((_, i) => made.world.student(cls.joinCode, `Bot${i}`)));
      const keep = await made.world.student(cls.joinCode, "Keep");
      const { lesson, byType } = await made.world.lesson(t.c);
      const due = new Date(Date.now() + 86_400_000).toISOString();
      const hw = await t.c.json<{ id: string }>(`/api/classes/${cls.id}/assignments`, { lessonId: lesson.id, dueAt: due });
      expect((await flood[0].c.json(`/api/homework/${hw.body.id}/start`, { exerciseId: byType("GATE") })).status).toBe(200);

      const exported = await t.c.json<{ student: { nickname: string }; homeworkStarts: unknown[] }>(`/api/classes/${cls.id}/students/${flood[0].id}`);
      expect(exported.body.student.nickname).toBe("Bot0");
      expect(exported.body.homeworkStarts).toHaveLength(1);

      // An id from another class is ignored: an instructor cannot delete another class's student here.
      const res = await t.c.json(`/api/classes/${cls.id}/students`, { userIds: [...flood.map((f) => f.id), outsider.id] }, "DELETE");
      expect(res.body).toEqual({ removed: 5, accountsDeleted: 5 });
      const left = (await t.c.json<{ students: number }>(`/api/classes/${cls.id}/joining`)).body.students;
      expect(left).toBe(1);
      expect((await t.c.json(`/api/classes/${cls.id}/students/${flood[0].id}`)).status).toBe(404);
      expect((await flood[0].c.json(`/api/homework/${hw.body.id}/start`, { exerciseId: byType("GATE") })).status).toBe(401);
      expect((await keep.c.json(`/api/homework/${hw.body.id}/start`, { exerciseId: byType("GATE") })).status).toBe(200);
      expect((await outsider.c.json<{ user: { name: string } }>("/api/auth/session")).body.user.name).toBe("Outsider");
      expect((await t.c.json(`/api/classes/${cls.id}/students`, { userIds: [] }, "DELETE")).status).toBe(400);
    });
  });
});

