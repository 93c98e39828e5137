import { describe, expect, it } from "vitest";
import type { BoardTile, ProgressState, TileStatus } from "../live/session-protocol";
import {
  chosenActivations, densityAlpha, filterTiles, foldName, gridColumns, isDense, lineOffsets, movedFromStart,
  sameCounts, sameRoster, shiftSegment, statusBands, statusCounts, updateExplorers, visibleRows, DENSE_AT,
} from "./board-view";
import { explorerChoices } from "../explorer/explorer-choices";

const tile = (userId: string, status: TileStatus, progress: ProgressState | null = null, nickname = userId): BoardTile =>
  ({ userId, nickname, online: status !== "disconnected", status, progress, result: null });
const act = (activation: "sigmoid" | "relu" | "tanh" | "custom1" | "custom2", threshold = 0, alpha = 0.01): ProgressState => ({ type: "ACTIVATION", activation, threshold, alpha });
const start = { activation: "sigmoid", threshold: 0, alpha: 0.01 };

describe("dense board", () => {
  it("switches to the dense grid above the threshold only", () => {
    expect(isDense(30)).toBe(false);
    expect(isDense(DENSE_AT)).toBe(false);
    expect(isDense(DENSE_AT + 1)).toBe(true);
    expect(isDense(2000)).toBe(true);
  });

  it("counts statuses and lays the bands end to end", () => {
    const tiles = [tile("a", "joined"), tile("b", "correct"), tile("c", "correct"), tile("d", "disconnected")];
    expect(statusCounts(tiles)).toEqual({ joined: 1, working: 0, submitted: 0, correct: 2, disconnected: 1 });
    expect(statusBands(statusCounts(tiles))).toEqual([
      { status: "joined", count: 1, x0: 0, x1: 0.25 },
      { status: "correct", count: 2, x0: 0.25, x1: 0.75 },
      { status: "disconnected", count: 1, x0: 0.75, x1: 1 },
    ]);
    expect(statusBands(statusCounts([]))).toEqual([]);
  });

  it("tells a roster that changed (who, in which order, their names and presence) from tiles that only moved on", () => {
    const before = [tile("a", "joined"), tile("b", "working")];
    const moved = [tile("a", "working", act("relu")), tile("b", "correct")];
    expect(sameRoster(before, moved)).toBe(true);
    expect(sameRoster(before, [tile("a", "joined"), tile("b", "disconnected")])).toBe(false); // b went offline
    expect(sameRoster(before, [tile("a", "joined", null, "Ana"), tile("b", "working")])).toBe(false);
    expect(sameRoster(before, [tile("b", "working"), tile("a", "joined")])).toBe(false);
    expect(sameRoster(before, [...before, tile("c", "joined")])).toBe(false);
    expect(sameCounts(statusCounts(before), statusCounts([tile("x", "working"), tile("y", "joined")]))).toBe(true);
    expect(sameCounts(statusCounts(before), statusCounts(moved))).toBe(false);
  });

  it("filters by status and by the shown name, ignoring case and accents", () => {
    const tiles = [tile("1", "joined", null, "Ána"), tile("2", "working", null, "Ben"), tile("3", "working", null, "하늘")];
    const names = new Map([["1", "Ána"], ["2", "Ben"], ["3", "하늘"]]);
    expect(filterTiles(tiles, names, { status: "all", query: "" })).toBe(tiles);
    expect(filterTiles(tiles, names, { status: "working", query: "" }).map((t) => t.userId)).toEqual(["2", "3"]);
    expect(filterTiles(tiles, names, { status: "all", query: " ana " }).map((t) => t.userId)).toEqual(["1"]);
    expect(filterTiles(tiles, names, { status: "working", query: "하" }).map((t) => t.userId)).toEqual(["3"]);
    expect(filterTiles(tiles, names, { status: "joined", query: "ben" })).toEqual([]);
    // In projector mode the alias is what the instructor sees and types.
    expect(filterTiles(tiles, new Map([["2", "Student 2"]]), { status: "all", query: "student 2" }).map((t) => t.userId)).toEqual(["2"]);
    expect(foldName("  ÉLODIE ")).toBe("elodie");
  });

  it("renders only the rows in view (plus overscan)", () => {
    expect(gridColumns(1000, 132, 6)).toBe(7);
    expect(gridColumns(50, 132, 6)).toBe(1);
    expect(visibleRows(2000, 10, 40, 0, 400, 2)).toEqual({ first: 0, last: 12, rows: 200 });
    expect(visibleRows(2000, 10, 40, 4000, 400, 2)).toEqual({ first: 98, last: 112, rows: 200 });
    expect(visibleRows(2000, 10, 40, 7800, 400, 2)).toEqual({ first: 193, last: 200, rows: 200 });
    expect(visibleRows(0, 10, 40, 0, 400)).toEqual({ first: 0, last: 0, rows: 0 });
  });
});

describe("chosen activations", () => {
  it("does not count students still on the opening view", () => {
    expect(movedFromStart(act("sigmoid"), start)).toBe(false);
    expect(movedFromStart(act("relu"), start)).toBe(true);
    expect(movedFromStart(act("sigmoid", 0.5), start)).toBe(true);
    expect(movedFromStart(null, start)).toBe(false);
    const tiles = [tile("a", "working", act("sigmoid")), tile("b", "working", act("relu")), tile("c", "joined")];
    const explorers = updateExplorers(new Set(), tiles, start);
    expect([...explorers]).toEqual(["b"]);
    expect(chosenActivations(["sigmoid", "relu", "tanh"], tiles, explorers)).toEqual({ counts: { sigmoid: 0, relu: 1, tanh: 0 }, untouched: 1 });
  });

  it("counts a student who explored and came back to the first function", () => {
    let explorers = updateExplorers(new Set(), [tile("a", "working", act("tanh"))], start);
    const same = updateExplorers(explorers, [tile("a", "working", act("tanh"))], start);
    expect(same).toBe(explorers);
    explorers = updateExplorers(explorers, [tile("a", "working", act("sigmoid"))], start);
    expect(chosenActivations(["sigmoid", "relu", "tanh"], [tile("a", "working", act("sigmoid"))], explorers).counts.sigmoid).toBe(1);
  });

  it("counts the students looking at a preset's formula under its key, beside the built-in ones", () => {
    const config = { activations: ["sigmoid", "relu"] as const, customs: [{ label: "Mish", formula: "x * tanh(ln(1 + exp(x)))", params: {} }] };
    const keys = explorerChoices({ activations: [...config.activations], customs: config.customs }).map((c) => c.id);
    const tiles = [tile("a", "working", act("custom1")), tile("b", "working", act("custom1")), tile("c", "working", act("relu")), tile("d", "working", act("custom2"))];
    const explorers = updateExplorers(new Set(), tiles, start);
    // custom2 is not in this preset: not counted as anything
    expect(chosenActivations(keys, tiles, explorers).counts).toEqual({ sigmoid: 0, relu: 1, custom1: 2 });
  });
});

describe("identical decision lines", () => {
  it("gives identical lines (even scaled) centred offsets, and a lone line none", () => {
    const out = lineOffsets([
      { id: "a", w: [1, 1], b: -1.5 },
      { id: "b", w: [2, 2], b: -3 },
      { id: "c", w: [1, 0], b: -0.5 },
      { id: "d", w: [1, 1], b: -1.5 },
    ]);
    expect(out.get("a")).toEqual({ offset: -1, group: 3 });
    expect(out.get("b")).toEqual({ offset: 0, group: 3 });
    expect(out.get("d")).toEqual({ offset: 1, group: 3 });
    expect(out.get("c")).toEqual({ offset: 0, group: 1 });
  });

  it("shifts a segment perpendicular to itself", () => {
    expect(shiftSegment([[0, 0], [10, 0]], 2)).toEqual([[0, 2], [10, 2]]);
    const [[x1, y1]] = shiftSegment([[0, 0], [0, 10]], 3);
    expect([x1 + 0, y1 + 0]).toEqual([-3, 0]);
  });

  it("makes density strokes fainter as lines multiply, never invisible", () => {
    expect(densityAlpha(1)).toBe(0.6);
    expect(densityAlpha(10)).toBeCloseTo(0.4);
    expect(densityAlpha(2000)).toBe(0.025);
  });
});
