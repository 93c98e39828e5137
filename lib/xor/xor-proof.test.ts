import { describe, expect, it } from "vitest";
import { train } from "../nn/perceptron";
import { applyXorEvent, classResult, emptyXorView, mergeLine, mergeRun, netSummary, replayedLine, type HiddenRun, type ReplayMemo } from "./xor-proof";
import { gradeSubmission } from "../grading/grade-submission";

const sub = (userId: string, seed: number, epochs = 200, bestAccuracy = 0.5) =>
  ({ userId, payload: { lr: 0.1, epochs, seed, bestAccuracy, explanation: "notSeparable" } });
const reach = (seed: number, epochs = 200) => train({ gate: "XOR", lr: 0.1, epochs, seed }).bestAccuracy;

describe("the XOR class result", () => {
  it("counts every student who attempted, none at 100%, and the best a single perceptron reached", () => {
    const subs = Array.from({ length: 28 }, (_, i) => sub(`u${String(i).padStart(2, "0")}`, i + 1));
    const r = classResult(subs);
    expect(r.attempted).toBe(28);
    expect(r.reached).toBe(0);
    expect(r.best).toBe(Math.max(...subs.map((_, i) => reach(i + 1))));
    expect(r.best).toBeLessThanOrEqual(0.75);
    expect(r.lines).toHaveLength(28);
  });

  it("each student's line is their best run, replayed: a claimed accuracy is not believed", () => {
    // the same student twice, the second run better; a forged claim of 100% changes nothing
    const seeds = [1, 2, 3, 4, 5, 6, 7, 8].sort((a, b) => reach(a) - reach(b));
    const [lo, hi] = [seeds[0], seeds.at(-1)!];
    const r = classResult([sub("a", lo, 200, 1), sub("a", hi)]);
    expect(r.attempted).toBe(1);
    expect(r.lines[0].accuracy).toBe(reach(hi));
    const final = train({ gate: "XOR", lr: 0.1, epochs: 200, seed: hi }).final;
    expect(r.lines[0]).toMatchObject({ w: final.w, b: final.b });
    expect(r.reached).toBe(0);
  });

  it("ignores payloads that are not XOR answers", () => {
    expect(classResult([{ userId: "x", payload: { gate: "AND" } }]).attempted).toBe(0);
    expect(replayedLine("x", null)).toBeNull();
    expect(classResult([]).best).toBe(0);
  });

  it("a delta keeps a student's best line and the counts", () => {
    const base = classResult([sub("a", 1)]);
    const better = { ...replayedLine("a", sub("a", 1).payload)!, accuracy: 0.75 };
    const after = mergeLine(base, better);
    expect(after.lines[0].accuracy).toBe(0.75);
    expect(mergeLine(after, { ...better, accuracy: 0.25 })).toBe(after);
    expect(mergeLine(after, { ...better, userId: "b" }).attempted).toBe(2);
  });
});

describe("the hidden-layer summary", () => {
  const run = (userId: string, solved: boolean, accuracy = solved ? 1 : 0.5): HiddenRun =>
    ({ userId, activation: "sigmoid", hidden: [{ w: [1, 1], b: 0 }, { w: [1, -1], b: 0 }], accuracy, solved });

  it("counts who solved XOR, one run per student (a solved run beats a later unsolved one)", () => {
    const s = netSummary([run("a", true), run("a", false), run("b", false), run("c", true)]);
    expect(s).toMatchObject({ submitted: 3, solved: 2 });
    expect(s.runs.find((r) => r.userId === "a")!.solved).toBe(true);
    expect(mergeRun(s, run("b", true)).solved).toBe(3);
    expect(mergeRun(s, run("a", false))).toBe(s);
  });

  it("board events: deltas apply after the snapshot, the unlock flips once", () => {
    expect(applyXorEvent(null, { kind: "unlocked" })).toBeNull();
    let v = applyXorEvent(null, { kind: "view", view: emptyXorView("s") });
    v = applyXorEvent(v, { kind: "unlocked" });
    v = applyXorEvent(v, { kind: "run", run: run("a", true) });
    v = applyXorEvent(v, { kind: "line", line: { userId: "a", w: [1, 1], b: -1, accuracy: 0.75 } });
    expect(v).toMatchObject({ unlocked: true, net: { solved: 1 }, perceptron: { attempted: 1, best: 0.75, reached: 0 } });
  });
});

describe("replaying once", () => {
  it("a memo shared across calls replays each run's settings once, with the same result", () => {
    const memo = new Map();
    const subs = [sub("a", 1), sub("b", 1), sub("c", 2)];
    const cold = classResult(subs);
    expect(classResult(subs, memo)).toEqual(cold);
    expect(memo.size).toBe(2);
    expect(classResult(subs, memo)).toEqual(cold);
    expect(memo.size).toBe(2);
  });
});

describe("the board's line from the grading's replay", () => {
  const xor = { type: "XOR", lr: 0.1, epochs: 200, points: 10 };
  it("grading an XOR answer hands back its own replay: the board's line is the same, with no second replay", () => {
    const forged = { lr: 0.1, epochs: 200, seed: 3, bestAccuracy: 0.75, explanation: "notSeparable" }; // seed 3 reaches 50%
    const g = gradeSubmission(xor, forged);
    expect(g.reason).toBe("mismatch");
    const run = train({ gate: "XOR", lr: 0.1, epochs: 200, seed: 3 });
    // The replay's numbers, never the claim.
    expect(g.xorReplay).toEqual({ w: [run.final.w[0], run.final.w[1]], b: run.final.b, accuracy: run.bestAccuracy });
    expect(g.xorReplay!.accuracy).toBe(0.5);
    const memo: ReplayMemo = new Map();
    const line = replayedLine("u1", forged, memo, g.xorReplay);
    expect(line).toEqual({ userId: "u1", ...g.xorReplay });
    expect(line).toEqual(replayedLine("u1", forged));
    // Kept: a later watch (classResult with the memo) looks the run up instead of replaying it.
    expect(memo.get("0.1|200|3")).toBe(g.xorReplay);
    expect(classResult([{ userId: "u1", payload: forged }], memo).best).toBe(0.5);
  });

  it("an impossible claim (over 75%) is refused before any replay: the board replays it itself", () => {
    const g = gradeSubmission(xor, { lr: 0.1, epochs: 200, seed: 1, bestAccuracy: 1, explanation: "notSeparable" });
    expect(g).toMatchObject({ valid: true, correct: false, reason: "impossible" });
    expect(g.xorReplay).toBeUndefined();
    expect(gradeSubmission({ type: "GATE", gate: "AND", lr: 0.1, epochs: 200, points: 10 }, { nonsense: true }).xorReplay).toBeUndefined();
  });
});
