// Integration: live sessions end to end on the real server — push, progress, server-side grading,
// pause/close/kick, authorization, and a server restart mid-session.
import { describe, expect, it } from "vitest";
import { startWorld } from "../testing/world";
import type { Client } from "../testing/http-client";
import { nextEvent, nextView, type TestSocket } from "../testing/sockets";
import { train } from "@/lib/nn/perceptron";
import type { BoardState, StudentSessionState } from "@/lib/live/session-protocol";

const made = startWorld();
let clientSeq = 0;
const clientId = () => `test-${Date.now()}-${++clientSeq}`;
const open = (client: Client, reconnect = false) => made.world.open(client, { reconnect });

async function setup() {
  const { t, cls } = await made.world.teacherWithClass("Live");
  const other = await made.world.cls(t, "Other");
  const { lesson, byType } = await made.world.lesson(t);
  const student = async (nickname: string, code = cls.joinCode) => (await made.world.student(code, nickname)).c;
  const [a, b, outsider] = await Promise.all([student("Ana"), student("Ben"), student("Cy", other.joinCode)]);
  const teacher = await open(t);
  const sessionId = await made.world.startSession(t, cls.id, lesson.id);
  const board = await teacher.emitWithAck("board:watch", { sessionId });
  expect(board.ok).toBe(true);
  return { t, cls, lesson, byType, a, b, outsider, teacher, sessionId };
}

async function enter(client: Client, sessionId: string, reconnect = false) {
  const socket = await open(client, reconnect);
  const res = await socket.emitWithAck("session:enter", { sessionId });
  const userId = res.ok ? res.userId : "";
  return { socket, res, userId };
}

function andRun(seed = 3) {
  const cfg = { gate: "AND" as const, lr: 0.1, epochs: 100, seed };
  const { final } = train(cfg);
  return { ...cfg, w: final.w, b: final.b };
}

describe("live session", () => {
  it("pushes an exercise to every student of the session and no one else, and grades on the server", async () => {
    const { teacher, sessionId, byType, a, b, outsider } = await setup();
    const ea = await enter(a, sessionId);
    const eb = await enter(b, sessionId);
    expect(ea.res).toMatchObject({ ok: true, state: { exercise: null } });
    const outsiderTry = await enter(outsider, sessionId);
    expect(outsiderTry.res).toEqual({ ok: false, error: "forbidden" });
    let outsiderGotState = false;
    outsiderTry.socket.on("session:update", () => (outsiderGotState = true));

    const gotA = nextView(ea.socket, ea.userId, (s) => s.exercise?.type === "GATE");
    const gotB = nextView(eb.socket, eb.userId, (s) => s.exercise?.type === "GATE");
    expect(await teacher.emitWithAck("control:push", { sessionId, exerciseId: byType("GATE") })).toEqual({ ok: true });
    const stateA = (await gotA) as StudentSessionState;
    await gotB;
    expect(stateA.exercise).toMatchObject({ type: "GATE", open: true, config: { gate: "AND" } });
    expect(outsiderGotState).toBe(false);

    // Progress streams to the board.
    const run = andRun();
    const progressed = nextEvent(teacher, "board:progress", (p) => p.items.some((i) => i.progress.type === "GATE" && i.progress.accuracy === 1));
    ea.socket.emit("session:progress", { type: "GATE", sessionId, exerciseId: byType("GATE"), gate: "AND", lr: run.lr, epochs: run.epochs, seed: run.seed, epoch: 99, accuracy: 1, w: run.w, b: run.b });
    await progressed;
    // A snapshot taken right away already has it (pending progress is saved first).
    const early = (await teacher.emitWithAck("board:watch", { sessionId })) as { ok: true; state: BoardState };
    expect(early.state.tiles.find((x) => x.nickname === "Ana")?.progress).toMatchObject({ type: "GATE", accuracy: 1, epoch: 99 });

    // A forged score is ignored: the server's score is stored and shown.
    const onBoard = nextEvent(teacher, "board:result", (r) => r.result.correct);
    const res = await ea.socket.emitWithAck("session:submit", { sessionId, exerciseId: byType("GATE"), clientId: clientId(), payload: { ...run, score: 1000, correct: true } });
    expect(res).toMatchObject({ ok: true, result: { score: 10, maxScore: 10, correct: true } });
    expect((await onBoard).result.score).toBe(10);

    // Tampered weights: the replay does not match, no points.
    const tampered = await eb.socket.emitWithAck("session:submit", { sessionId, exerciseId: byType("GATE"), clientId: clientId(), payload: { ...run, w: [run.w[0] + 1, run.w[1]], score: 10 } });
    expect(tampered).toMatchObject({ ok: true, result: { score: 0, correct: false, reason: "mismatch" } });

    // A payload that is no submission at all gets a clear error, not a crash.
    expect(await eb.socket.emitWithAck("session:submit", { sessionId, exerciseId: byType("GATE"), clientId: clientId(), payload: "hello" })).toEqual({ ok: false, error: "invalidSubmission" });
    expect(await eb.socket.emitWithAck("session:submit", { sessionId } as never)).toEqual({ ok: false, error: "invalidInput" });

    // The board's snapshot has both tiles with their server scores.
    const snapshot = (await teacher.emitWithAck("board:watch", { sessionId })) as { ok: true; state: BoardState };
    const tiles = Object.fromEntries(snapshot.state.tiles.map((x) => [x.nickname, x]));
    expect(tiles.Ana).toMatchObject({ status: "correct", result: { score: 10 } });
    expect(tiles.Ben).toMatchObject({ status: "submitted", result: { score: 0 } });
  });

  it("lets a retried submission count once", async () => {
    const { teacher, sessionId, byType, a } = await setup();
    const ea = await enter(a, sessionId);
    await teacher.emitWithAck("control:push", { sessionId, exerciseId: byType("GATE") });
    const id = clientId();
    const payload = andRun(5);
    const first = await ea.socket.emitWithAck("session:submit", { sessionId, exerciseId: byType("GATE"), clientId: id, payload });
    const second = await ea.socket.emitWithAck("session:submit", { sessionId, exerciseId: byType("GATE"), clientId: id, payload });
    expect(second).toEqual(first);
  });

  it("pushes to selected students only", async () => {
    const { teacher, sessionId, byType, a, b } = await setup();
    const ea = await enter(a, sessionId);
    const eb = await enter(b, sessionId);
    const anaId = (await a.json<{ user: { id: string } }>("/api/auth/session")).body.user.id;
    expect(ea.userId).toBe(anaId);
    const gotA = nextView(ea.socket, ea.userId, (s) => s.exercise?.type === "XOR");
    const gotB = nextView(eb.socket, eb.userId);
    await teacher.emitWithAck("control:push", { sessionId, exerciseId: byType("XOR"), userIds: [anaId] });
    await gotA;
    expect((await gotB).exercise).toBeNull();
    const benTries = await eb.socket.emitWithAck("session:submit", { sessionId, exerciseId: byType("XOR"), clientId: clientId(), payload: { lr: 0.1, epochs: 10, seed: 1, bestAccuracy: 0.5, explanation: "notSeparable" } });
    expect(benTries).toEqual({ ok: false, error: "notTargeted" });
  });

  it("refuses instructor actions from students, pauses, closes and kicks", async () => {
    const { teacher, sessionId, byType, a, b } = await setup();
    const ea = await enter(a, sessionId);
    const eb = await enter(b, sessionId);
    for (const [event, payload] of [
      ["control:pause", { sessionId, paused: true }],
      ["control:push", { sessionId, exerciseId: byType("GATE") }],
      ["control:reveal", { sessionId }],
      ["board:watch", { sessionId }],
    ] as const) {
      expect(await ea.socket.emitWithAck(event as "control:reveal", payload as never), event).toEqual({ ok: false, error: "forbidden" });
    }
    await teacher.emitWithAck("control:push", { sessionId, exerciseId: byType("GATE") });

    const paused = nextView(ea.socket, ea.userId, (s) => s.paused);
    expect(await teacher.emitWithAck("control:pause", { sessionId, paused: true })).toEqual({ ok: true });
    await paused;
    const submitGate = (socket: TestSocket) => socket.emitWithAck("session:submit", { sessionId, exerciseId: byType("GATE"), clientId: clientId(), payload: andRun() });
    expect(await submitGate(ea.socket)).toEqual({ ok: false, error: "paused" });
    await teacher.emitWithAck("control:pause", { sessionId, paused: false });
    expect(await submitGate(ea.socket)).toMatchObject({ ok: true });

    expect(await teacher.emitWithAck("control:close", { sessionId })).toEqual({ ok: true });
    expect(await submitGate(eb.socket)).toEqual({ ok: false, error: "exerciseClosed" });

    await teacher.emitWithAck("control:push", { sessionId, exerciseId: byType("GATE") });
    const benId = (await b.json<{ user: { id: string } }>("/api/auth/session")).body.user.id;
    const kicked = nextEvent(eb.socket, "session:kicked");
    expect(await teacher.emitWithAck("control:kick", { sessionId, userId: benId })).toEqual({ ok: true });
    await kicked;
    expect(await submitGate(eb.socket)).toEqual({ ok: false, error: "forbidden" });
    expect((await eb.socket.emitWithAck("session:enter", { sessionId }))).toEqual({ ok: false, error: "kicked" });
  });

  it("runs a duplicated lesson with the instructor's presets; the built-in one stays read-only", async () => {
    const { t, cls, lesson, a } = await setup();
    const gatePos = 1;
    expect(await t.json(`/api/lessons/${lesson.id}/exercises/${gatePos}`, { config: { type: "GATE", gate: "OR", lr: 0.1, epochs: 50, points: 5 } }, "PUT")).toMatchObject({ status: 403, body: { error: { code: "builtinReadOnly" } } });
    const copy = await t.json<{ id: string }>(`/api/lessons/${lesson.id}/duplicate`, {});
    expect(copy.status).toBe(201);
    const put = (pos: number, config: unknown) => t.json<{ error?: { code: string } }>(`/api/lessons/${copy.body.id}/exercises/${pos}`, { config }, "PUT");
    expect((await put(gatePos, { type: "GATE", gate: "OR", lr: 0.1, epochs: 50, points: 5 })).status).toBe(200);
    expect(await put(gatePos, { type: "GATE", gate: "XOR", lr: 0.1, epochs: 50, points: 5 })).toMatchObject({ status: 400 });
    expect(await put(gatePos, { type: "XOR", lr: 0.1, epochs: 50, points: 5 })).toMatchObject({ status: 400, body: { error: { code: "invalidInput" } } });
    expect(await put(0, { type: "ACTIVATION", activations: ["sigmoid", "tanh"], question: "saturatesBothSides", points: 5 })).toMatchObject({ status: 400, body: { error: { code: "questionUnfair" } } });
    // Another instructor may neither edit nor run it.
    const { c: other } = await made.world.instructor("Other");
    expect((await other.json(`/api/lessons/${copy.body.id}/exercises/${gatePos}`, { config: { type: "GATE", gate: "NOR", lr: 0.1, epochs: 50, points: 5 } }, "PUT")).status).toBe(403);

    const started = await t.json<{ id: string }>(`/api/classes/${cls.id}/sessions`, { lessonId: copy.body.id });
    const teacher = await open(t);
    const copyLesson = (await t.json<{ lessons: { id: string; exercises: { id: string; type: string }[] }[] }>("/api/lessons")).body.lessons.find((l) => l.id === copy.body.id)!;
    const ea = await enter(a, started.body.id);
    const got = nextView(ea.socket, ea.userId, (s) => s.exercise?.type === "GATE");
    await teacher.emitWithAck("control:push", { sessionId: started.body.id, exerciseId: copyLesson.exercises.find((e) => e.type === "GATE")!.id });
    expect((await got).exercise).toMatchObject({ config: { gate: "OR", lr: 0.1, epochs: 50, points: 5 }, points: 5 });
  });

  it("keeps the session and every submission through a server restart; students reconnect", async () => {
    const { t, sessionId, byType, a } = await setup();
    const ea = await enter(a, sessionId, true);
    const teacher = await open(t);
    await teacher.emitWithAck("board:watch", { sessionId });
    await teacher.emitWithAck("control:push", { sessionId, exerciseId: byType("GATE") });
    const before = await ea.socket.emitWithAck("session:submit", { sessionId, exerciseId: byType("GATE"), clientId: clientId(), payload: andRun(9) });
    expect(before).toMatchObject({ ok: true, result: { correct: true } });

    const reconnected = new Promise<void>((resolve) => ea.socket.io.once("reconnect", () => resolve()));
    const demoBefore = made.server.demo;
    await made.server.restart();
    // A second start on the same data seeds nothing twice.
    expect(made.server.demo).toEqual(demoBefore);
    const lessons = (await t.json<{ lessons: { slug: string | null; exercises: unknown[] }[] }>("/api/lessons")).body.lessons;
    expect(lessons.filter((l) => l.slug === "activation-basics").map((l) => l.exercises.length)).toEqual([3]);
    await reconnected;
    const again = await ea.socket.emitWithAck("session:enter", { sessionId });
    expect(again).toMatchObject({ ok: true, state: { exercise: { type: "GATE", open: true }, result: { score: 10, correct: true } } });
  }, 120_000);
});
