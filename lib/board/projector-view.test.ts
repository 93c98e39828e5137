import { describe, expect, it } from "vitest";
import { projectorTiles, scoresWithheld, withoutAnswerFlags } from "./projector-view";
import type { BoardState, BoardTile } from "../live/session-protocol";

const exercise = (attempts: unknown, revealed: boolean): NonNullable<BoardState["exercise"]> => ({
  id: "x1", position: 0, type: "ACTIVATION", points: 10, config: { type: "ACTIVATION", attempts }, open: !revealed, revealed, targetUserIds: [],
});
const after = { maxAttempts: 3, feedback: "afterReveal", counts: "best" };
const solved: BoardTile = {
  userId: "u1", nickname: "Ana", online: true, status: "correct", progress: null, answer: ["tanh"],
  result: { exerciseId: "x1", score: 10, maxScore: 10, correct: true, reason: "right", at: "2026-12-02T00:00:00Z" },
};
const idle: BoardTile = { userId: "u2", nickname: "Ben", online: true, status: "joined", progress: null, result: null };

describe("the projector under feedback after the reveal", () => {
  it("shows who submitted, not who is right, until the reveal", () => {
    const [a, b] = projectorTiles(exercise(after, false), [solved, idle]);
    expect(a).toMatchObject({ status: "submitted", answer: undefined, result: { score: 0, correct: false, hidden: true } });
    expect(a.result?.reason).toBeUndefined();
    expect(b).toBe(idle);
  });
  it("shows the real results after the reveal, and at once without the policy", () => {
    const tiles = [solved, idle];
    expect(projectorTiles(exercise(after, true), tiles)).toBe(tiles);
    expect(projectorTiles(exercise(undefined, false), tiles)).toBe(tiles);
    expect(scoresWithheld(null)).toBe(false);
  });
});

describe("help counts on the projector while scores are withheld", () => {
  it("keep idle and unstable students, drop what tells right from wrong", () => {
    const flags = [{ reason: "idle" }, { reason: "repeated" }, { reason: "unstable" }, { reason: "xorExplanation" }, { reason: "commonWrongChoice" }, { reason: "conceptAnswer" }] as const;
    expect(withoutAnswerFlags(flags).map((f) => f.reason)).toEqual(["idle", "unstable"]);
  });
});
