// Integration: the help flags from what the real server sends the board. Students on real sockets
// stream a diverging run, stay idle, submit the same failing run again and again, or make the
// class's most common wrong explorer choice; the instructor's board (the same pure code the page
// runs: applyEvents, trackEvents, helpFlags) lists them with the right reasons.
import { describe, expect, it } from "vitest";
import { nextEvent, type TestSocket } from "../testing/sockets";
import { sleep, startWorld } from "../testing/world";
import { applyEvents, type BoardEvent } from "@/lib/board/board";
import { exerciseConfigSchema } from "@/lib/lessons/exercises";
import { helpFlags, IDLE_MS, REPEAT_MIN, type HelpFlag } from "@/lib/board/help-flags";
import { emptyTrack, inputsFor, RunWindows, trackEvents, type HelpTrack } from "@/lib/board/help-track";
import { train } from "@/lib/nn/perceptron";
import type { BoardState } from "@/lib/live/session-protocol";

const made = startWorld();
let seq = 0;
const clientId = () => `help-${Date.now()}-${++seq}`;


/** The instructor's board as the page keeps it, from the socket's events. */
class Board {
  state: BoardState | null = null;
  track: HelpTrack = emptyTrack(Date.now());
  private replay = new RunWindows();
  constructor(socket: TestSocket, sessionId: string) {
    const own = <T extends { sessionId: string }>(f: (p: T) => BoardEvent) => (p: T) => p.sessionId === sessionId && this.apply(f(p));
    socket.on("board:state", own((s) => ({ kind: "state", state: s })));
    socket.on("board:session", own((m) => ({ kind: "session", session: m })));
    socket.on("board:progress", own((p) => ({ kind: "progress", items: p.items })));
    socket.on("board:presence", own((p) => ({ kind: "presence", userId: p.userId, online: p.online, nickname: p.nickname })));
    socket.on("board:result", own((r) => ({ kind: "result", userId: r.userId, result: r.result, answer: r.answer })));
  }
  apply(e: BoardEvent) {
    this.track = trackEvents(this.track, [e], Date.now());
    this.state = applyEvents(this.state, [e]).state;
  }
  flags(now = Date.now()): (HelpFlag & { nickname: string })[] {
    const parsed = this.state?.exercise ? exerciseConfigSchema.safeParse(this.state.exercise.config) : null;
    const config = parsed?.success ? parsed.data : null;
    const nick = new Map(this.state?.tiles.map((t) => [t.userId, t.nickname]));
    return helpFlags(this.state, inputsFor(this.track, config, [], this.replay, now)).map((f) => ({ ...f, nickname: nick.get(f.userId) ?? "?" }));
  }
}

async function classWithBoard(nicknames: string[]) {
  const { teacher, watched, sessionId, byType, enter } = await made.world.liveClass();
  const board = new Board(teacher, sessionId);
  board.apply({ kind: "state", state: watched.state });
  const students = await Promise.all(nicknames.map((n) => enter(n)));
  return { teacher, board, sessionId, byType, sockets: students.map((s) => s.socket), ids: students.map((s) => s.id) };
}

/** Waits until the board's flags satisfy the check (events arrive in 250 ms batches). */
async function until(board: Board, check: (f: ReturnType<Board["flags"]>) => boolean, now?: () => number) {
  for (let i = 0; i < 60; i++) {
    if (check(board.flags(now?.()))) return board.flags(now?.());
    await sleep(100);
  }
  return board.flags(now?.());
}

describe("help flags from a live session", () => {
  it("flags a student streaming a diverging run (lr 10) and one who stays idle, with their reasons", async () => {
    const { teacher, board, sessionId, byType, sockets: [diverging], ids: [divId, idleId] } = await classWithBoard(["Dara", "Ivo"]);
    expect(await teacher.emitWithAck("control:push", { sessionId, exerciseId: byType("GATE") })).toEqual({ ok: true });
    await until(board, () => board.state?.exercise?.type === "GATE");

    // A real run: AND at learning rate 10, streamed epoch by epoch as the trainer does.
    const run = { gate: "AND" as const, lr: 10, epochs: 1000, seed: 1 };
    const { history } = train({ ...run, epochs: 4 });
    for (const h of history) {
      diverging.emit("session:progress", { type: "GATE", sessionId, exerciseId: byType("GATE"), ...run, epoch: h.epoch + 1, accuracy: h.accuracy, w: h.w, b: h.b });
      await sleep(150);
    }
    const flags = await until(board, (f) => f.some((x) => x.reason === "unstable"));
    expect(flags.find((f) => f.userId === divId)).toMatchObject({ reason: "unstable", nickname: "Dara" });
    expect((flags.find((f) => f.userId === divId) as { growth: number }).growth).toBeGreaterThan(5);
    // Nobody is idle yet; a minute later the one who never trained is, the streaming one is not.
    expect(flags.some((f) => f.reason === "idle")).toBe(false);
    const later = board.flags(Date.now() + IDLE_MS);
    expect(later.filter((f) => f.reason === "idle").map((f) => f.userId)).toContain(idleId);
    const active = board.track.active.get(divId)!;
    expect(board.flags(active + IDLE_MS - 1000).filter((f) => f.reason === "idle").map((f) => f.userId)).not.toContain(divId);

    // Paused, nobody is idle however long it lasts.
    expect(await teacher.emitWithAck("control:pause", { sessionId, paused: true })).toEqual({ ok: true });
    await until(board, () => board.state?.paused === true);
    expect(board.flags(Date.now() + 10 * IDLE_MS).some((f) => f.reason === "idle")).toBe(false);
  });

  it("flags the same failing run submitted again and again, also after the board reloads", async () => {
    const { teacher, board, sessionId, byType, sockets: [s], ids: [id] } = await classWithBoard(["Rhea"]);
    await teacher.emitWithAck("control:push", { sessionId, exerciseId: byType("GATE") });
    // lr 0.001 for 5 epochs: nowhere near learned, and the same every time.
    const cfg = { gate: "AND" as const, lr: 0.001, epochs: 5, seed: 1 };
    const { final } = train(cfg);
    for (let i = 0; i < REPEAT_MIN; i++) {
      const onBoard = nextEvent(teacher, "board:result", (r) => r.userId === id);
      const res = await s.emitWithAck("session:submit", { sessionId, exerciseId: byType("GATE"), clientId: clientId(), payload: { ...cfg, w: final.w, b: final.b } });
      expect(res).toMatchObject({ ok: true, result: { correct: false } });
      await onBoard;
    }
    const flags = await until(board, (f) => f.some((x) => x.reason === "repeated"));
    expect(flags.find((f) => f.reason === "repeated")).toMatchObject({ userId: id, count: REPEAT_MIN, nickname: "Rhea" });

    // A fresh board (a reload) gets the streak from the server's snapshot.
    const fresh = new Board(teacher, sessionId);
    const watched = await teacher.emitWithAck("board:watch", { sessionId });
    if (!watched.ok) throw new Error(watched.error);
    expect(watched.state.tiles[0].repeat).toMatchObject({ count: REPEAT_MIN });
    fresh.apply({ kind: "state", state: watched.state });
    expect(fresh.flags().find((f) => f.reason === "repeated")).toMatchObject({ userId: id, count: REPEAT_MIN });
  });

  it("flags wrong XOR explanations and the explorer's most common wrong choice", async () => {
    const { teacher, board, sessionId, byType, sockets, ids } = await classWithBoard(["Ash", "Bo", "Cai"]);
    await teacher.emitWithAck("control:push", { sessionId, exerciseId: byType("ACTIVATION") });
    await until(board, () => board.state?.exercise?.type === "ACTIVATION");
    // saturatesBothSides: step, sigmoid and tanh are right; two students add ReLU, one forgets tanh.
    const picks = [["step", "sigmoid", "tanh", "relu"], ["step", "sigmoid", "tanh", "relu"], ["step", "sigmoid"]];
    await Promise.all(sockets.map((s, i) => s.emitWithAck("session:submit", {
      sessionId, exerciseId: byType("ACTIVATION"), clientId: clientId(), payload: { question: "saturatesBothSides", selected: picks[i] },
    })));
    const flags = await until(board, (f) => f.filter((x) => x.reason === "commonWrongChoice").length === 2);
    expect(flags.filter((f) => f.reason === "commonWrongChoice").map((f) => f.userId).sort()).toEqual([ids[0], ids[1]].sort());
    expect(flags.find((f) => f.reason === "commonWrongChoice")).toMatchObject({ choice: "relu", kind: "extra", count: 2 });

    await teacher.emitWithAck("control:push", { sessionId, exerciseId: byType("XOR") });
    await until(board, () => board.state?.exercise?.type === "XOR");
    const best = train({ gate: "XOR", lr: 0.1, epochs: 10, seed: 1 }).bestAccuracy;
    const xor = (explanation: string) => ({ lr: 0.1, epochs: 10, seed: 1, bestAccuracy: best, explanation });
    await sockets[0].emitWithAck("session:submit", { sessionId, exerciseId: byType("XOR"), clientId: clientId(), payload: xor("lrTooSmall") });
    await sockets[1].emitWithAck("session:submit", { sessionId, exerciseId: byType("XOR"), clientId: clientId(), payload: xor("notSeparable") });
    const xf = await until(board, (f) => f.some((x) => x.reason === "xorExplanation"));
    expect(xf.filter((f) => f.reason === "xorExplanation")).toMatchObject([{ userId: ids[0], explanation: "lrTooSmall", nickname: "Ash" }]);
  });
});
