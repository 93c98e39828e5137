import { describe, expect, it } from "vitest";
import { emptyTrack, lastActive, RunWindows, trackEvents } from "./help-track";
import { train } from "../nn/perceptron";
import { answerKey } from "./help-flags";
import type { BoardState, ProgressState, SubmissionResult } from "../live/session-protocol";

const T0 = 5_000_000;
const exercise = (id: string) => ({ id, position: 1, type: "GATE" as const, config: {}, points: 10, open: true, revealed: false, targetUserIds: [] });
const state = (id: string, over: Partial<BoardState> = {}): BoardState => ({
  sessionId: "s", classId: "c", status: "LIVE", paused: false, exercise: exercise(id), exercises: [],
  tiles: [{ userId: "a", nickname: "A", online: true, status: "joined", progress: null, result: null }], ...over,
});
const progress: ProgressState = { type: "GATE", gate: "AND", lr: 10, epochs: 100, seed: 1, epoch: 3, accuracy: 0.75, w: [1, 2], b: -3 };
const result = (correct: boolean, at: number): SubmissionResult => ({ exerciseId: "e1", score: correct ? 10 : 0, maxScore: 10, correct, at: new Date(at).toISOString() });

describe("the help track", () => {
  it("starts every idle clock when the board first sees an exercise, and moves a student's on progress", () => {
    let t = trackEvents(emptyTrack(0), [{ kind: "state", state: state("e1") }], T0);
    expect(lastActive(t, "a")).toBe(T0);
    t = trackEvents(t, [{ kind: "progress", items: [{ userId: "a", progress }] }], T0 + 1000);
    expect(lastActive(t, "a")).toBe(T0 + 1000);
    expect(lastActive(t, "b")).toBe(T0);
  });

  it("restarts the clocks on a push of another exercise and when the session resumes, not on a pause", () => {
    let t = trackEvents(emptyTrack(0), [{ kind: "state", state: state("e1") }], T0);
    t = trackEvents(t, [{ kind: "session", session: { status: "LIVE", paused: true, exercise: exercise("e1") } }], T0 + 10_000);
    expect(t.clock).toBe(T0);
    t = trackEvents(t, [{ kind: "session", session: { status: "LIVE", paused: false, exercise: exercise("e1") } }], T0 + 90_000);
    expect(lastActive(t, "a")).toBe(T0 + 90_000);
    t = trackEvents(t, [{ kind: "progress", items: [{ userId: "a", progress }] }], T0 + 91_000);
    t = trackEvents(t, [{ kind: "state", state: state("e2") }], T0 + 95_000);
    expect(t.exerciseId).toBe("e2");
    expect(lastActive(t, "a")).toBe(T0 + 95_000);
  });

  it("counts identical failing submissions in a row, continuing the snapshot's streak", () => {
    const answer = { gate: "AND", w: [0.5, 0.5], b: -0.2 };
    const withRepeat = state("e1", { tiles: [{ userId: "a", nickname: "A", online: true, status: "submitted", progress: null, result: result(false, T0), repeat: { key: answerKey(answer), count: 2, since: new Date(T0 - 60_000).toISOString() } }] });
    let t = trackEvents(emptyTrack(0), [{ kind: "state", state: withRepeat }], T0);
    expect(t.streaks.get("a")).toMatchObject({ count: 2, since: T0 - 60_000 });
    t = trackEvents(t, [{ kind: "result", userId: "a", result: result(false, T0 + 1000), answer: { b: -0.2, w: [0.5, 0.5], gate: "AND" } }], T0 + 1000);
    expect(t.streaks.get("a")).toMatchObject({ count: 3, since: T0 - 60_000 });
    t = trackEvents(t, [{ kind: "result", userId: "a", result: result(true, T0 + 2000), answer: { gate: "AND", w: [1, 1], b: -1.5 } }], T0 + 2000);
    expect(t.streaks.has("a")).toBe(false);
  });

  it("returns the same track when nothing it keeps changed", () => {
    const t = trackEvents(emptyTrack(0), [{ kind: "state", state: state("e1") }], T0);
    expect(trackEvents(t, [{ kind: "presence", userId: "a", online: false }], T0 + 1)).toBe(t);
  });
});

describe("run windows", () => {
  it("replays a seeded run's accuracies, extended as the epoch grows, also after being dropped", () => {
    const { history } = train({ gate: "AND", lr: 0.1, seed: 9, epochs: 300 });
    const acc = history.map((h) => h.accuracy);
    const w = new RunWindows(1);
    expect(w.last("AND", 0.1, 9, 5, 10)).toEqual(acc.slice(0, 5));
    expect(w.last("AND", 0.1, 9, 300, 10)).toEqual(acc.slice(290, 300));
    expect(w.last("OR", 0.1, 9, 3, 10)).toHaveLength(3); // drops the AND run (max 1)
    expect(w.last("AND", 0.1, 9, 120, 4)).toEqual(acc.slice(116, 120));
  });
});
