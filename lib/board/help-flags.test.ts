import { describe, expect, it } from "vitest";
import {
  answerKey, commonWrongChoice, COMMON_MIN, countByReason, directionChanges, flaggedStudents, GROWTH_MIN, helpFlags, IDLE_MS, keepSince,
  REPEAT_MIN, streakOf, TURN_WINDOW, TURNS_MIN, unstableRun, weightGrowth, type HelpInputs, type Streak, type WrongChoice,
} from "./help-flags";
import { initialModel, train } from "../nn/perceptron";
import { wrongChoicesOf } from "./help-track";
import type { GateId } from "../nn/gates";
import type { BoardState, BoardTile, ProgressState } from "../live/session-protocol";
import { BUILTIN_ACTIVATION_CONFIG } from "../lessons/exercises";

type GateProgress = Extract<ProgressState, { type: "GATE" }>;

/** What a student's trainer streams after `epoch` epochs of a real run, and the accuracies behind it. */
function recorded(gate: Exclude<GateId, "XOR">, lr: number, seed: number, epoch: number): { p: GateProgress; acc: number[] } {
  const { history } = train({ gate, lr, seed, epochs: epoch });
  const last = history[epoch - 1];
  return { p: { type: "GATE", gate, lr, epochs: 1000, seed, epoch, accuracy: last.accuracy, w: last.w, b: last.b }, acc: history.map((h) => h.accuracy) };
}

describe("direction changes and weight growth", () => {
  it("counts turns, not flat steps", () => {
    expect(directionChanges([0.5, 0.75, 0.5, 0.75, 0.5])).toBe(3);
    expect(directionChanges([0.25, 0.5, 0.5, 0.5, 0.75, 1])).toBe(0);
    expect(directionChanges([0.5, 0.75, 0.75, 0.5])).toBe(1);
    expect(directionChanges([])).toBe(0);
  });
  it("measures the model against its start", () => {
    expect(weightGrowth({ w: [1, 0], b: 0 }, { w: [3, 4], b: 0 })).toBe(5);
    expect(weightGrowth({ w: [0, 0], b: 0 }, { w: [3, 4], b: 0 })).toBe(1);
    expect(weightGrowth(2, { w: [3, 4], b: 0 })).toBe(2.5);
  });
});

describe("unstable runs (learning rate too high), on recorded runs", () => {
  it("flags AND at lr 10 while it jumps about, and lets it go once it has learned", () => {
    const early = recorded("AND", 10, 1, 4);
    expect(early.p.accuracy).toBeLessThan(1);
    const u = unstableRun(early.p, early.acc);
    expect(u?.growth).toBeGreaterThanOrEqual(GROWTH_MIN);
    const late = recorded("AND", 10, 1, 30);
    expect(late.p.accuracy).toBe(1);
    expect(unstableRun(late.p, late.acc)).toBeNull();
  });

  it("flags most high-rate runs and no low-rate run over 40 seeds of each gate", () => {
    const flaggedRuns = (gate: Exclude<GateId, "XOR">, lr: number) => {
      let n = 0;
      for (let seed = 0; seed < 40; seed++) {
        const { history } = train({ gate, lr, seed, epochs: 200 });
        const acc = history.map((h) => h.accuracy);
        const hit = history.some((h, i) => unstableRun({ type: "GATE", gate, lr, epochs: 200, seed, epoch: i + 1, accuracy: h.accuracy, w: h.w, b: h.b }, acc.slice(0, i + 1)));
        if (hit) n++;
      }
      return n;
    };
    for (const gate of ["AND", "NAND"] as const) {
      expect(flaggedRuns(gate, 10)).toBeGreaterThanOrEqual(36);
      expect(flaggedRuns(gate, 0.01)).toBe(0);
      expect(flaggedRuns(gate, 0.001)).toBe(0);
    }
  });

  it("counts turns only over the last TURN_WINDOW epochs, and needs TURNS_MIN of them", () => {
    const seed = 7;
    const start = initialModel({ seed });
    const p: GateProgress = { type: "GATE", gate: "AND", lr: 0.1, epochs: 100, seed, epoch: 30, accuracy: 0.5, w: start.w, b: start.b };
    const flip = Array.from({ length: TURN_WINDOW }, (_, i) => (i % 2 ? 0.75 : 0.5));
    expect(unstableRun(p, [...Array(20).fill(0.25), ...flip])?.turns).toBe(TURN_WINDOW - 2);
    const calm = [...flip.slice(0, TURNS_MIN), ...Array(TURN_WINDOW).fill(0.5)];
    expect(unstableRun(p, calm)).toBeNull();
  });

  it("never flags XOR: one perceptron flips there whatever the rate", () => {
    const { history } = train({ gate: "XOR", lr: 0.01, seed: 3, epochs: 50 });
    const h = history[49];
    expect(unstableRun({ type: "XOR", lr: 0.01, epochs: 50, seed: 3, epoch: 50, accuracy: h.accuracy, bestAccuracy: 0.75, w: h.w, b: h.b }, history.map((x) => x.accuracy))).toBeNull();
  });
});

describe("the same failing answer again", () => {
  const a = answerKey({ gate: "AND", w: [0.1, 0.2], b: -0.3 });
  it("keys answers whatever the key order", () => {
    expect(answerKey({ b: -0.3, w: [0.1, 0.2], gate: "AND" })).toBe(a);
    expect(answerKey({ gate: "AND", w: [0.1, 0.25], b: -0.3 })).not.toBe(a);
  });
  it("counts the latest run of identical failures, from its first", () => {
    const b = answerKey({ gate: "AND", w: [1, 1], b: -1.5 });
    expect(streakOf([{ key: b, correct: false, at: 1 }, { key: a, correct: false, at: 2 }, { key: a, correct: false, at: 3 }, { key: a, correct: false, at: 4 }]))
      .toEqual({ key: a, count: 3, since: 2 });
    expect(streakOf([{ key: a, correct: false, at: 1 }, { key: a, correct: false, at: 2 }, { key: b, correct: true, at: 3 }])).toBeNull();
    expect(streakOf([{ key: a, correct: false, at: 1 }, { key: b, correct: false, at: 2 }])).toEqual({ key: b, count: 1, since: 2 });
  });
});

describe("the class's most common wrong choice", () => {
  it("is the wrong choice most students made, once COMMON_MIN made it", () => {
    const relu: WrongChoice = { choice: "relu", kind: "extra" };
    const tanh: WrongChoice = { choice: "tanh", kind: "missing" };
    expect(commonWrongChoice([[relu], [relu, tanh], [tanh], [relu]])).toEqual({ ...relu, count: 3 });
    expect(commonWrongChoice([[relu]])).toBeNull();
    expect(COMMON_MIN).toBe(2);
    expect(commonWrongChoice([[relu, relu]])).toBeNull(); // one student, counted once
  });
});

// A small board: tiles and inputs around them.
const T0 = 1_000_000;
function board(tiles: Partial<BoardTile>[], exercise: Partial<NonNullable<BoardState["exercise"]>> = {}, extra: Partial<BoardState> = {}): BoardState {
  return {
    sessionId: "s", classId: "c", status: "LIVE", paused: false,
    exercise: { id: "e", position: 1, type: "GATE", config: { type: "GATE", gate: "AND", lr: 0.01, epochs: 1000, points: 10 }, points: 10, open: true, revealed: false, targetUserIds: [], ...exercise },
    exercises: [],
    tiles: tiles.map((t, i) => ({ userId: `u${i}`, nickname: `N${i}`, online: true, status: "working", progress: null, result: null, ...t })),
    ...extra,
  };
}
function inputs(over: Partial<HelpInputs> = {}): HelpInputs {
  return {
    now: T0, lastActive: () => T0, streak: () => null,
    accuracies: (p) => train({ gate: p.gate, lr: p.lr, seed: p.seed, epochs: p.epoch }).history.map((h) => h.accuracy),
    wrongChoices: (answer) => wrongChoicesOf(BUILTIN_ACTIVATION_CONFIG, [], answer),
    ...over,
  };
}
const failed = (at = T0 - 5000) => ({ exerciseId: "e", score: 0, maxScore: 10, correct: false, at: new Date(at).toISOString() });

describe("helpFlags over a board", () => {
  it("flags a student with no progress for IDLE_MS, since their last progress, and not before", () => {
    const s = board([{ status: "joined" }]);
    expect(helpFlags(s, inputs({ now: T0 + IDLE_MS - 1 }))).toEqual([]);
    expect(helpFlags(s, inputs({ now: T0 + IDLE_MS }))).toEqual([{ userId: "u0", since: T0, reason: "idle" }]);
  });

  it("does not count idle time while paused or closed, offline, correct, or not targeted", () => {
    const later = inputs({ now: T0 + 10 * IDLE_MS });
    expect(helpFlags(board([{}], {}, { paused: true }), later)).toEqual([]);
    expect(helpFlags(board([{}], { open: false }), later)).toEqual([]);
    expect(helpFlags(board([{ online: false }]), later)).toEqual([]);
    expect(helpFlags(board([{ result: { ...failed(), correct: true, score: 10 } }]), later)).toEqual([]);
    expect(helpFlags(board([{}, {}], { targetUserIds: ["u1"] }), later).map((f) => f.userId)).toEqual(["u1"]);
  });

  it("flags REPEAT_MIN identical failures in a row", () => {
    const streak = (n: number): Streak => ({ key: "k", count: n, since: T0 - 9000 });
    expect(helpFlags(board([{ result: failed() }]), inputs({ streak: () => streak(REPEAT_MIN - 1) }))).toEqual([]);
    expect(helpFlags(board([{ result: failed() }]), inputs({ streak: () => streak(REPEAT_MIN) }))).toEqual([{ userId: "u0", since: T0 - 9000, reason: "repeated", count: REPEAT_MIN }]);
  });

  it("flags an unstable gate run from its streamed progress", () => {
    const { p } = recorded("AND", 10, 1, 4);
    const calm = recorded("AND", 0.01, 1, 4).p;
    const flags = helpFlags(board([{ progress: p }, { progress: calm }]), inputs());
    expect(flags).toMatchObject([{ userId: "u0", reason: "unstable", turns: 0 }]);
  });

  it("replays a run only when its progress is new and the turns can count", () => {
    let replays = 0;
    const counting = inputs({ accuracies: (p) => (replays++, inputs().accuracies(p)) });
    const tiles = [recorded("AND", 0.1, 1, 12).p, recorded("AND", 0.1, 2, 12).p, recorded("AND", 10, 1, 3).p, recorded("AND", 10, 1, 30).p].map((progress) => ({ progress }));
    const s = board(tiles);
    helpFlags(s, counting);
    expect(replays).toBe(2); // epoch 3 is too early for turns, and the 100% run is done
    helpFlags(s, counting);
    helpFlags({ ...s, tiles: s.tiles.map((t) => ({ ...t })) }, counting); // a flush: same progress objects
    expect(replays).toBe(2);
  });

  it("flags a wrong XOR explanation, since it was submitted", () => {
    const xor = { type: "XOR" as const, config: { type: "XOR", lr: 0.01, epochs: 1000, points: 10 } };
    const s = board([
      { result: failed(T0 - 3000), answer: { explanation: "lrTooSmall", bestAccuracy: 0.75 } },
      { result: failed(T0 - 2000), answer: { explanation: "notSeparable", bestAccuracy: 0.75 } },
      { result: null },
    ], xor);
    expect(helpFlags(s, inputs())).toEqual([{ userId: "u0", since: T0 - 3000, reason: "xorExplanation", explanation: "lrTooSmall" }]);
  });

  it("flags a misconception in an XOR preset's concept questions, named by question and choice", () => {
    const xor = { type: "XOR" as const, config: { type: "XOR", lr: 0.01, epochs: 1000, points: 10, concepts: ["linearCollapse", "deadRelu"] } };
    const right = { linearCollapse: "oneLinearMap", deadRelu: "negativeForAll" };
    const s = board([
      { result: failed(T0 - 3000), answer: { explanation: "notSeparable", bestAccuracy: 0.75, concepts: { ...right, linearCollapse: "widerHelps" } } },
      { result: failed(T0 - 2000), answer: { explanation: "notSeparable", bestAccuracy: 0.75, concepts: { linearCollapse: "oneLinearMap" } } },
      { result: { ...failed(T0 - 1000), correct: true, score: 10 }, answer: { explanation: "notSeparable", bestAccuracy: 0.75, concepts: right } },
    ], xor);
    expect(helpFlags(s, inputs())).toEqual([
      { userId: "u0", since: T0 - 3000, reason: "conceptAnswer", concept: "linearCollapse", choice: "widerHelps" },
      { userId: "u1", since: T0 - 2000, reason: "conceptAnswer", concept: "deadRelu", choice: null },
    ]);
    // a preset without questions never raises it
    expect(helpFlags(board(s.tiles, { type: "XOR" as const, config: { type: "XOR", lr: 0.01, epochs: 1000, points: 10 } }), inputs())).toEqual([]);
  });

  it("flags the students who made the class's most common wrong explorer choice", () => {
    const act = { type: "ACTIVATION" as const, config: BUILTIN_ACTIVATION_CONFIG };
    // saturatesBothSides: step, sigmoid and tanh are right; relu is the tempting wrong one.
    const right = ["step", "sigmoid", "tanh"];
    const s = board([
      { result: failed(), answer: { selected: [...right, "relu"] } },
      { result: failed(), answer: { selected: [...right, "relu"] } },
      { result: failed(), answer: { selected: ["step", "sigmoid"] } },
      { result: { ...failed(), correct: true, score: 10 }, answer: { selected: right } },
    ], act);
    const flags = helpFlags(s, inputs());
    expect(flags.map((f) => f.userId)).toEqual(["u0", "u1"]);
    expect(flags[0]).toMatchObject({ reason: "commonWrongChoice", choice: "relu", kind: "extra", count: 2 });
  });

  it("keeps a flag's start while it stays raised, and counts per reason without names", () => {
    const first = keepSince(new Map(), [{ userId: "u0", since: T0, reason: "unstable", turns: 0, growth: 6 }]);
    const again = keepSince(first.since, [{ userId: "u0", since: T0 + 5000, reason: "unstable", turns: 0, growth: 7 }, { userId: "u1", since: T0 + 1, reason: "idle" }]);
    expect(again.flags.map((f) => [f.userId, f.since])).toEqual([["u0", T0], ["u1", T0 + 1]]);
    const gone = keepSince(again.since, [{ userId: "u0", since: T0 + 9000, reason: "unstable", turns: 0, growth: 7 }]);
    expect(gone.flags[0].since).toBe(T0);
    expect(countByReason(again.flags)).toEqual({ idle: 1, repeated: 0, unstable: 1, xorExplanation: 0, commonWrongChoice: 0, conceptAnswer: 0 });
    expect(flaggedStudents([...again.flags, { userId: "u1", since: 0, reason: "repeated", count: 3 }])).toBe(2);
  });
});
