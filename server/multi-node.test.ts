// Two server nodes on one PostgreSQL, sharing socket.io rooms through Redis, behind HAProxy as
// docs/deploy.md configures it: an instructor connected to node A sees, live, a student who joins
// through node B and enters the session there. Each client is pinned to its node by the balancer's
// stickiness cookie (what a browser holds after its first answer).
import { describe, expect, it } from "vitest";
import type { Client } from "./testing/http-client";
import { nextEvent, nextView } from "./testing/sockets";
import { train } from "@/lib/nn/perceptron";
import { nodesMissing, startNodes } from "./testing/world";

const why = nodesMissing();
if (why) console.warn(`[skip] multi-node test: ${why}`);

describe.skipIf(why !== null)("two nodes through Redis", () => {
  const made = startNodes(81);
  const A = 0;
  const B = 1;
  /** The world whose clients the balancer sends to node i. */
  const node = (i: number) => (i === A ? made.wa : made.wb);
  /** A socket of this user's, on node i (another tab, stuck to another node). */
  const openOn = (i: number, c: Client) => node(i).open(node(i).tab(c));

  it("delivers roster, session state and board updates across nodes", async () => {
    const { t: teacher, cls } = await made.wa.teacherWithClass("Two nodes");
    const teacherSocket = await made.wa.open(teacher);
    await teacherSocket.emitWithAck("class:watch", { classId: cls.id });

    const joined = nextEvent(teacherSocket, "class:joined", (m) => m.entry.nickname === "Bea");
    const { c: student } = await made.wb.student(cls.joinCode, "Bea"); // joins through node B
    await joined;

    const { lesson, byType } = await made.wa.lesson(teacher);
    const sessionId = await made.wa.startSession(teacher, cls.id, lesson.id);
    await teacherSocket.emitWithAck("board:watch", { sessionId });

    const studentSocket = await made.wb.open(student);
    const online = nextEvent(teacherSocket, "board:presence", (p) => p.online);
    expect(await studentSocket.emitWithAck("session:enter", { sessionId })).toMatchObject({ ok: true });
    await online;

    // A push on node A reaches the student on node B.
    const pushed = nextEvent(studentSocket, "session:update", (s) => s.exercise?.type === "XOR");
    await teacherSocket.emitWithAck("control:push", { sessionId, exerciseId: byType("XOR") });
    await pushed;
  });

  it("targets, counts presence and shows submissions across nodes", async () => {
    const { t: teacher, cls, byType, sessionId, teacher: board } = await made.wa.liveClass("Across");
    const gate = byType("GATE");

    const enterOn = async (i: number, c: Client) => {
      const s = await openOn(i, c);
      const res = await s.emitWithAck("session:enter", { sessionId });
      expect(res.ok).toBe(true);
      return { socket: s, userId: res.ok ? res.userId : "" };
    };
    const join = async (nickname: string) => (await made.wb.student(cls.joinCode, nickname)).c;
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
    const boardB = await openOn(B, teacher);
    const snapB = await boardB.emitWithAck("board:watch", { sessionId });
    expect(snapB.ok && snapB.state.tiles.map((t) => [t.nickname, t.online]).sort()).toEqual([["Cam", true], ["Dee", true]]);
    // The last tab closes: offline on both boards.
    const offA = nextEvent(board, "board:presence", (p) => p.userId === camB.userId && !p.online);
    const offB = nextEvent(boardB, "board:presence", (p) => p.userId === camB.userId && !p.online);
    camA.socket.close();
    await Promise.all([offA, offB]);
  });

  it("holds an attempt limit when one student submits on two nodes at the same moment", async () => {
    const { t: teacher, cls } = await made.wa.teacherWithClass("One attempt");
    const preset = await made.wa.preset(teacher, "GATE");
    const gate = await preset.exercise();
    expect((await preset.put({ ...gate.config, attempts: { maxAttempts: 1, feedback: "now", counts: "best" } })).status).toBe(200);
    const { sessionId, teacher: board } = await made.wa.liveSession(teacher, cls, preset.lessonId);
    const { c: eve } = await made.wa.student(cls.joinCode, "Eve");
    const [onA, onB] = [await openOn(A, eve), await openOn(B, eve)];
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
