import { describe, expect, it } from "vitest";
import { better, studentView } from "./session-view";
import type { SessionUpdate, StudentSessionState, SubmissionResult } from "./session-protocol";

const gate = { id: "g", position: 1, type: "GATE" as const, config: { gate: "AND" }, points: 10, open: true, revealed: false };
const xor = { ...gate, id: "x", type: "XOR" as const };
const update = (over: Partial<SessionUpdate> = {}): SessionUpdate => ({ sessionId: "s", status: "LIVE", paused: false, exercise: gate, targetUserIds: [], ...over });
const result = (score: number, at = "2026-01-01T00:00:00.000Z", exerciseId = "g"): SubmissionResult => ({ exerciseId, score, maxScore: 10, correct: score === 10, at });

describe("studentView", () => {
  it("shows the exercise to everyone, or only to the targeted students", () => {
    expect(studentView(update(), "ana", null).exercise?.id).toBe("g");
    expect(studentView(update({ targetUserIds: ["ana"] }), "ana", null).exercise?.id).toBe("g");
    expect(studentView(update({ targetUserIds: ["ana"] }), "ben", null)).toMatchObject({ exercise: null, progress: null, result: null });
  });

  it("keeps progress and result on the same exercise, drops them for another", () => {
    const prev: StudentSessionState = { sessionId: "s", status: "LIVE", paused: false, exercise: gate, progress: { type: "ACTIVATION", activation: "relu", threshold: 0, alpha: 0 }, result: result(5) };
    const paused = studentView(update({ paused: true }), "ana", prev);
    expect(paused).toMatchObject({ paused: true, progress: prev.progress, result: prev.result });
    expect(studentView(update({ exercise: xor }), "ana", prev)).toMatchObject({ exercise: { id: "x" }, progress: null, result: null });
    // Pushed again later: the best known result for it comes back.
    const known = new Map([["g", result(10)]]);
    expect(studentView(update(), "ana", { ...prev, exercise: xor }, known).result?.score).toBe(10);
    expect(studentView(update({ status: "ENDED", exercise: null }), "ana", prev)).toMatchObject({ status: "ENDED", exercise: null });
  });

  it("carries the XOR proof's unlock of the hidden layer to every student", () => {
    expect(studentView(update({ exercise: xor, hiddenLayer: true }), "ana", null).hiddenLayer).toBe(true);
    expect(studentView(update({ exercise: xor, targetUserIds: ["ben"], hiddenLayer: true }), "ana", null)).toMatchObject({ exercise: null, hiddenLayer: true });
    expect(studentView(update({ exercise: xor }), "ana", null).hiddenLayer).toBeFalsy();
  });

  it("prefers the higher score, then the later result", () => {
    expect(better(result(5), result(7)).score).toBe(7);
    expect(better(result(5, "2026-01-02T00:00:00.000Z"), result(5)).at).toBe("2026-01-02T00:00:00.000Z");
    expect(better(result(5), null).score).toBe(5);
  });
});
