import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { applyEvents, boardCounts, sortTiles, FRESH_PROGRESS_MS, type BoardEvent } from "./board";
import { AccuracyReplay, runOf } from "./accuracy-replay";
import { accuracyHistogram, countByKey } from "./counts";
import { aliasOf, ALIAS_ANIMALS } from "./aliases";
import { lineInBox, lineOf } from "./tile-lines";
import { textWidth, wrapWords } from "../util/wrap";
import { train } from "../nn/perceptron";
import type { BoardState, BoardTile, ProgressState, SubmissionResult } from "../live/session-protocol";

const tile = (userId: string, patch: Partial<BoardTile> = {}): BoardTile => ({
  userId, nickname: userId.toUpperCase(), online: true, status: "joined", progress: null, result: null, ...patch,
});
const board = (tiles: BoardTile[], type: "GATE" | "XOR" | "ACTIVATION" = "GATE"): BoardState => ({
  sessionId: "s1", classId: "c1", status: "LIVE", paused: false,
  exercise: { id: "ex1", position: 1, type, config: {}, points: 10, open: true, revealed: false, targetUserIds: [] },
  exercises: [], tiles,
});
const gate = (epoch: number, accuracy = 0.5): ProgressState => ({
  type: "GATE", gate: "AND", lr: 0.1, epochs: 100, seed: 1, epoch, accuracy, w: [0.1, 0.2], b: -0.3,
});
const result = (score: number, exerciseId = "ex1"): SubmissionResult => ({
  exerciseId, score, maxScore: 10, correct: score === 10, at: "2024-01-01T00:00:00.000Z",
});

describe("applyEvents", () => {
  it("replaces the state on a snapshot and sorts the tiles by user id", () => {
    const { state, missing } = applyEvents(null, [{ kind: "state", state: board([tile("b"), tile("a")]) }]);
    expect(state!.tiles.map((t) => t.userId)).toEqual(["a", "b"]);
    expect(missing).toEqual([]);
  });

  it("merges progress into tiles, marks them working and keeps untouched tiles identical", () => {
    const start = board([tile("a"), tile("b")]);
    const { state } = applyEvents(start, [{ kind: "progress", items: [{ userId: "a", progress: gate(3) }] }]);
    expect(state!.tiles[0]).toMatchObject({ status: "working", progress: { epoch: 3 } });
    expect(state!.tiles[1]).toBe(start.tiles[1]);
    expect(start.tiles[0].progress).toBeNull(); // the input is not mutated
  });

  it("keeps submitted and correct tiles in their status when progress arrives", () => {
    const start = board([tile("a", { result: result(10), status: "correct" }), tile("b", { result: result(0), status: "submitted" })]);
    const { state } = applyEvents(start, [{ kind: "progress", items: [{ userId: "a", progress: gate(4) }, { userId: "b", progress: gate(4) }] }]);
    expect(state!.tiles.map((t) => t.status)).toEqual(["correct", "submitted"]);
  });

  it("ignores progress of another exercise type (a stale batch after a push)", () => {
    const start = board([tile("a")], "XOR");
    const { state } = applyEvents(start, [{ kind: "progress", items: [{ userId: "a", progress: gate(2) }] }]);
    expect(state!.tiles[0].progress).toBeNull();
  });

  it("greys out a student who goes offline and brings them back", () => {
    const start = board([tile("a", { progress: gate(1) })]);
    const off = applyEvents(start, [{ kind: "presence", userId: "a", online: false }]).state!;
    expect(off.tiles[0]).toMatchObject({ online: false, status: "disconnected" });
    const on = applyEvents(off, [{ kind: "presence", userId: "a", online: true }]).state!;
    expect(on.tiles[0]).toMatchObject({ online: true, status: "working" });
  });

  it("reports students without a tile (to refetch), except someone leaving", () => {
    const start = board([tile("a")]);
    const events: BoardEvent[] = [
      { kind: "presence", userId: "new1", online: true },
      { kind: "progress", items: [{ userId: "new2", progress: gate(1) }] },
      { kind: "presence", userId: "gone", online: false },
    ];
    expect(applyEvents(start, events).missing.sort()).toEqual(["new1", "new2"]);
    // A snapshot after them makes them known: nothing is missing any more.
    const withSnapshot = applyEvents(start, [...events, { kind: "state", state: board([tile("a"), tile("new1"), tile("new2")]) }]);
    expect(withSnapshot.missing).toEqual([]);
  });

  it("keeps the best result, ignores results for another exercise", () => {
    const start = board([tile("a")]);
    const s1 = applyEvents(start, [{ kind: "result", userId: "a", result: result(10), answer: { w: [1, 1], b: -1.5 } }]).state!;
    expect(s1.tiles[0]).toMatchObject({ status: "correct", result: { score: 10 }, answer: { b: -1.5 } });
    const s2 = applyEvents(s1, [{ kind: "result", userId: "a", result: result(0) }]).state!;
    expect(s2.tiles[0].result!.score).toBe(10);
    const s3 = applyEvents(start, [{ kind: "result", userId: "a", result: result(10, "other") }]).state!;
    expect(s3.tiles[0].result).toBeNull();
  });

  it("keeps progress received live over a snapshot that lags it (same exercise, within the fresh window)", () => {
    const start = board([tile("a"), tile("b")]);
    const live = applyEvents(start, [{ kind: "progress", items: [{ userId: "a", progress: gate(90) }, { userId: "b", progress: gate(50) }], at: 1000 }]).state!;
    const lagging = board([tile("a", { progress: gate(2) }), tile("b", { progress: gate(2), online: false })]);
    const soon = applyEvents(live, [{ kind: "state", state: lagging, at: 1000 + FRESH_PROGRESS_MS - 1 }]).state!;
    expect(soon.tiles.map((t) => t.progress && t.progress.type === "GATE" && t.progress.epoch)).toEqual([90, 50]);
    expect(soon.tiles[1]).toMatchObject({ online: false, status: "disconnected" }); // the rest comes from the snapshot
    const late = applyEvents(live, [{ kind: "state", state: lagging, at: 1000 + FRESH_PROGRESS_MS + 1 }]).state!;
    expect(late.tiles[0].progress).toMatchObject({ epoch: 2 });
    const pushed = { ...lagging, exercise: { ...lagging.exercise!, id: "ex2" } };
    expect(applyEvents(live, [{ kind: "state", state: pushed, at: 1001 }]).state!.tiles[0].progress).toMatchObject({ epoch: 2 });
  });

  it("does nothing before the first snapshot", () => {
    expect(applyEvents(null, [{ kind: "presence", userId: "a", online: true }])).toEqual({ state: null, missing: [] });
  });
});

describe("counters and aliases", () => {
  it("counts joined, online, working, submitted and correct", () => {
    const tiles = [tile("a", { progress: gate(1) }), tile("b", { result: result(10) }), tile("c", { result: result(0), online: false }), tile("d")];
    expect(boardCounts(tiles)).toEqual({ joined: 4, online: 3, working: 1, submitted: 2, correct: 1 });
  });

  it("derives aliases from the position only, and goes round the animals", () => {
    expect(aliasOf(0)).toEqual({ n: 1, animal: "otter", round: 1 });
    expect(aliasOf(ALIAS_ANIMALS.length)).toEqual({ n: ALIAS_ANIMALS.length + 1, animal: "otter", round: 2 });
    expect(new Set(ALIAS_ANIMALS).size).toBe(ALIAS_ANIMALS.length);
  });

  it("orders tiles the same way whatever order they arrive in", () => {
    const a = sortTiles([tile("c2"), tile("a1"), tile("b3")]).map((t) => t.userId);
    const b = sortTiles([tile("b3"), tile("c2"), tile("a1")]).map((t) => t.userId);
    expect(a).toEqual(b);
  });
});

describe("AccuracyReplay", () => {
  it("replays exactly the accuracies training records, extending a cached run", () => {
    const replay = new AccuracyReplay();
    const { history } = train({ gate: "AND", lr: 0.1, epochs: 30, seed: 7 });
    expect(replay.series("AND", 0.1, 7, 10)).toEqual(history.slice(0, 10).map((r) => r.accuracy));
    expect(replay.series("AND", 0.1, 7, 30)).toEqual(history.map((r) => r.accuracy));
    expect(replay.series("AND", 0.1, 7, 5)).toHaveLength(5);
    expect(replay.series("AND", 0.1, 7, 0)).toEqual([]);
    const thin = replay.series("AND", 0.1, 7, 30, 4);
    expect(thin).toHaveLength(4);
    expect(thin[3]).toBe(history[29].accuracy);
    expect(thin[1]).toBe(history[7].accuracy);
  });

  it("forgets the least recently used runs beyond its size", () => {
    const replay = new AccuracyReplay(2);
    for (const seed of [1, 2, 3]) replay.series("OR", 0.1, seed, 3);
    expect(replay.series("OR", 0.1, 1, 3)).toEqual(train({ gate: "OR", lr: 0.1, epochs: 3, seed: 1 }).history.map((r) => r.accuracy));
  });
});

describe("chart helpers", () => {
  it("reads a student's run settings and decision line", () => {
    expect(runOf(gate(4))).toEqual({ gate: "AND", lr: 0.1, epochs: 100, seed: 1, epoch: 4 });
    expect(runOf({ type: "ACTIVATION", activation: "relu", threshold: 0, alpha: 0.01 })).toBeNull();
    expect(lineOf(tile("a", { progress: gate(1) }))).toMatchObject({ w: [0.1, 0.2], b: -0.3 });
    expect(lineOf(tile("a", { answer: { w: [1, 2], b: 3 } }))).toEqual({ w: [1, 2], b: 3 });
    expect(lineOf(tile("a", { answer: { explanation: "notSeparable" } }))).toBeNull();
  });

  it("clips a line to a box", () => {
    expect(lineInBox([1, 1], -1, 0, 1)).toEqual([[0, 1], [1, 0]]);
    const seg = lineInBox([1, 0], -0.5, -0.25, 1.25)!;
    expect(seg.map((p) => p[0])).toEqual([0.5, 0.5]);
    expect(lineInBox([1, 1], -10, 0, 1)).toBeNull();
    expect(lineInBox([0, 0], 1, 0, 1)).toBeNull();
    // Through a corner: the corner once, then the other end.
    expect(lineInBox([1, -1], 0, 0, 1)).toEqual([[0, 0], [1, 1]]);
  });

  it("clips every line to the two points where it crosses the box's edges, on the line", () => {
    const num = fc.double({ min: -5, max: 5, noNaN: true });
    fc.assert(fc.property(num, num, num, (w1, w2, b) => {
      const seg = lineInBox([w1, w2], b, -0.25, 1.25);
      if (!seg) return;
      const scale = Math.max(Math.abs(w1), Math.abs(w2));
      for (const [x1, x2] of seg) {
        expect(x1).toBeGreaterThanOrEqual(-0.25 - 1e-9);
        expect(x2).toBeLessThanOrEqual(1.25 + 1e-9);
        expect(Math.abs(w1 * x1 + w2 * x2 + b)).toBeLessThanOrEqual(1e-9 * Math.max(1, scale, Math.abs(b)));
      }
      expect(Math.hypot(seg[0][0] - seg[1][0], seg[0][1] - seg[1][1])).toBeGreaterThan(0);
    }));
  });

  it("bins accuracies by quarters and counts keys", () => {
    expect(accuracyHistogram([0.75, 0.75, 0.5, 1, 0, Number.NaN])).toEqual([1, 0, 1, 2, 1]);
    expect(countByKey(["a", "b"] as const, ["a", "a", "x", 3, "b"])).toEqual({ a: 2, b: 1 });
  });

  it("wraps words into short lines", () => {
    expect(wrapWords("one two three four", 9)).toEqual(["one two", "three", "four"]);
    expect(wrapWords("  ", 5)).toEqual([]);
    expect(wrapWords("supercalifragilistic is long", 5)).toEqual(["supercalifragilistic", "is", "long"]);
    expect(textWidth("ab")).toBe(2);
    expect(textWidth("학생")).toBeCloseTo(3.6);
    expect(wrapWords("학생 학생 학생", 9)).toEqual(["학생 학생", "학생"]);
  });
});
