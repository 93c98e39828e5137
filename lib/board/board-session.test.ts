import { describe, expect, it } from "vitest";
import { applyEvents } from "./board";
import type { BoardState } from "../live/session-protocol";

const ex = { id: "g", position: 1, type: "GATE" as const, config: {}, points: 10, open: true, revealed: false, targetUserIds: [] };
const state: BoardState = {
  sessionId: "s", classId: "c", status: "LIVE", paused: false, exercise: ex, exercises: [],
  tiles: [{ userId: "a", nickname: "A", online: true, status: "working", progress: { type: "GATE", gate: "AND", lr: 0.1, epochs: 10, seed: 1, epoch: 3, accuracy: 0.5, w: [1, 1], b: 0 }, result: null }],
};

describe("board:session delta", () => {
  it("changes the session's fields and keeps every tile (same objects)", () => {
    const { state: next } = applyEvents(state, [{ kind: "session", session: { status: "LIVE", paused: true, exercise: { ...ex, open: false } } }]);
    expect(next).toMatchObject({ paused: true, exercise: { open: false } });
    expect(next!.tiles[0]).toBe(state.tiles[0]);
  });
});

describe("board:presence with a nickname", () => {
  it("adds the entering student's tile in board order, without asking for a snapshot", () => {
    const { state: next, missing } = applyEvents(state, [
      { kind: "presence", userId: "0", online: true, nickname: "Zero" },
      { kind: "presence", userId: "b", online: true, nickname: "Bee" },
    ]);
    expect(missing).toEqual([]);
    expect(next!.tiles.map((t) => [t.userId, t.nickname, t.status])).toEqual([["0", "Zero", "joined"], ["a", "A", "working"], ["b", "Bee", "joined"]]);
    // Without a nickname (an older server), the board still asks for a snapshot.
    expect(applyEvents(state, [{ kind: "presence", userId: "c", online: true }]).missing).toEqual(["c"]);
  });
});
