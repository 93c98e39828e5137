import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  assignGroups, DEFAULT_ACTIVATION_GROUPS, epochsToConverge, experimentSpecSchema, groupConfig, groupOf, groupSettings, groupSizes, lateGroup, netActivationOf, quantile, runFitsGroup, sampleEpochs, settingValue, summarizeGroups, variableOf,
  type ExperimentInfo,
} from "./experiments";
import { train } from "../nn/perceptron";
import { HIDDEN_ACTIVATIONS } from "../xor/xor-net";

const ids = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 12 }), { maxLength: 80 });
const k = fc.integer({ min: 2, max: 6 });
const seed = fc.integer({ min: 0, max: 2 ** 31 - 1 });

describe("assignGroups", () => {
  it("balanced: every student in exactly one group, sizes differ by at most one", () => {
    fc.assert(fc.property(ids, k, seed, (users, groups, s) => {
      const m = assignGroups(users, groups, "BALANCED", s);
      expect([...m.keys()].sort()).toEqual([...users].sort());
      for (const g of m.values()) expect(g >= 0 && g < groups).toBe(true);
      const sizes = groupSizes(m, groups);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }));
  });

  it("random: every student in exactly one valid group, the same for the same seed whatever the order", () => {
    fc.assert(fc.property(ids, k, seed, (users, groups, s) => {
      const m = assignGroups(users, groups, "RANDOM", s);
      expect(m.size).toBe(users.length);
      for (const g of m.values()) expect(g >= 0 && g < groups).toBe(true);
      expect(assignGroups([...users].reverse(), groups, "RANDOM", s)).toEqual(m);
    }));
  });

  it("balanced does not depend on the order students arrived in", () => {
    fc.assert(fc.property(ids, k, seed, (users, groups, s) => {
      expect(assignGroups([...users].reverse(), groups, "BALANCED", s)).toEqual(assignGroups(users, groups, "BALANCED", s));
    }));
  });

  it("random with another seed splits a large class differently, and uses every group", () => {
    const users = Array.from({ length: 200 }, (_, i) => `u${i}`);
    const a = assignGroups(users, 4, "RANDOM", 1);
    const b = assignGroups(users, 4, "RANDOM", 2);
    expect([...a].some(([u, g]) => b.get(u) !== g)).toBe(true);
    expect(groupSizes(a, 4).every((n) => n > 20)).toBe(true);
  });

  it("by choice: nobody is assigned at the push", () => {
    expect(assignGroups(["a", "b"], 2, "CHOICE", 0).size).toBe(0);
  });
});

describe("lateGroup", () => {
  it("balanced: late students keep the sizes within one", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 }), k, seed, (before, late, groups, s) => {
      const m = assignGroups(Array.from({ length: before }, (_, i) => `a${i}`), groups, "BALANCED", s);
      for (let i = 0; i < late; i++) {
        const g = lateGroup(groupSizes(m, groups), "BALANCED", s, `late${i}`)!;
        m.set(`late${i}`, g);
      }
      const sizes = groupSizes(m, groups);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }));
  });
  it("random: a valid group, the same each time; choice: none", () => {
    const g = lateGroup([3, 3, 3], "RANDOM", 7, "zoe");
    expect(g).not.toBeNull();
    expect(g! >= 0 && g! < 3).toBe(true);
    expect(lateGroup([3, 3, 3], "RANDOM", 7, "zoe")).toBe(g);
    expect(lateGroup([3, 3], "CHOICE", 7, "zoe")).toBeNull();
  });
});

describe("spec and group settings", () => {
  it("accepts 2 to 6 distinct learning rates, refuses duplicates and a single group", () => {
    expect(experimentSpecSchema.safeParse({ mode: "BALANCED", variable: "lr", values: [0.001, 0.01, 0.1, 1] }).success).toBe(true);
    expect(experimentSpecSchema.safeParse({ mode: "BALANCED", variable: "lr", values: [0.1, 0.1] }).success).toBe(false);
    expect(experimentSpecSchema.safeParse({ mode: "BALANCED", variable: "lr", values: [0.1] }).success).toBe(false);
    expect(experimentSpecSchema.safeParse({ mode: "BALANCED", variable: "lr", values: [0, 1] }).success).toBe(false);
  });
  it("a group's exercise has the group's learning rate, locked", () => {
    const c = groupConfig({ type: "GATE", gate: "AND", lr: 0.01, epochs: 100, points: 10 }, { lr: 1 });
    expect(c).toMatchObject({ gate: "AND", lr: 1, epochs: 100, locked: true });
  });
  it("groupOf finds the student's group, null when not in one", () => {
    const info: ExperimentInfo = { id: "e", mode: "CHOICE", variable: "lr", groups: [{ lr: 0.1 }, { lr: 1 }], members: { a: 1, bad: 5 }, result: null };
    expect(groupOf(info, "a")).toBe(1);
    expect(groupOf(info, "b")).toBeNull();
    expect(groupOf(info, "bad")).toBeNull();
    expect(groupOf(null, "a")).toBeNull();
  });
});

describe("seed experiments (initial weights)", () => {
  it("accepts 2 to 6 distinct whole seeds, refuses fractions and negatives", () => {
    expect(experimentSpecSchema.safeParse({ mode: "RANDOM", variable: "seed", values: [1, 2, 2 ** 32 - 1] }).success).toBe(true);
    expect(experimentSpecSchema.safeParse({ mode: "RANDOM", variable: "seed", values: [1, 2.5] }).success).toBe(false);
    expect(experimentSpecSchema.safeParse({ mode: "RANDOM", variable: "seed", values: [-1, 2] }).success).toBe(false);
    expect(experimentSpecSchema.safeParse({ mode: "RANDOM", variable: "lr", values: [20, 2] }).success).toBe(false);
  });
  it("a seed group keeps the exercise's learning rate, locked; a run fits only with the group's seed", () => {
    const [g] = groupSettings({ variable: "seed", values: [7, 8] });
    expect(g).toEqual({ seed: 7 });
    expect(variableOf(g)).toBe("seed");
    expect(settingValue(g)).toBe(7);
    expect(groupConfig({ type: "GATE", gate: "OR", lr: 0.01, epochs: 100, points: 10 }, g)).toMatchObject({ lr: 0.01, locked: true });
    expect(runFitsGroup(g, 0.01, { lr: 0.01, seed: 7 })).toBe(true);
    expect(runFitsGroup(g, 0.01, { lr: 0.01, seed: 8 })).toBe(false);
    expect(runFitsGroup(g, 0.01, { lr: 0.1, seed: 7 })).toBe(false);
    expect(runFitsGroup({ lr: 0.1 }, 0.01, { lr: 0.1, seed: 123 })).toBe(true);
  });
});

describe("summaries", () => {
  it("quantile interpolates like d3", () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantile([5], 0.75)).toBe(5);
    expect(quantile([], 0.5)).toBeNaN();
  });
  it("epochs to converge: the first epoch at 100%", () => {
    expect(epochsToConverge([0.5, 0.75, 1, 1])).toBe(3);
    expect(epochsToConverge([0.5, 0.75])).toBeNull();
  });
  it("per group: size, share at 100%, median epochs, and a band that holds the median", () => {
    const groups = [{ lr: 0.001 }, { lr: 0.1 }];
    const runs = [
      { group: 0, curve: [0.25, 0.5, 0.5] },
      { group: 0, curve: [0.5, 0.75, 0.75] },
      { group: 0, curve: null },
      { group: 1, curve: [0.5, 1, 1] },
      { group: 1, curve: [0.75, 0.75, 1] },
      { group: 1, curve: [0.75], correct: true },
    ];
    const [slow, fast] = summarizeGroups(groups, runs);
    expect(slow).toMatchObject({ size: 3, started: 2, at100: 0, share100: 0, converged: 0, medianEpochs: null });
    expect(fast).toMatchObject({ size: 3, started: 3, at100: 3, share100: 1, converged: 2, medianEpochs: 2.5 });
    expect(fast.curve[0]).toEqual({ epoch: 1, median: 0.75, q1: 0.625, q3: 0.75, n: 3 });
    expect(fast.curve[2]).toMatchObject({ epoch: 3, median: 1, n: 2 }); // the one-epoch run is not counted as failing there
    // a network that touched 100% and lost it again has not converged: no epochs from it
    const [lost] = summarizeGroups([{ lr: 2 }], [{ group: 0, curve: [0.75, 1, 0.75] }, { group: 0, curve: [0.5, 0.75, 1, 1], correct: true }]);
    expect(lost).toMatchObject({ at100: 1, converged: 1, medianEpochs: 3 });
    fc.assert(fc.property(fc.array(fc.record({ group: fc.integer({ min: 0, max: 1 }), curve: fc.array(fc.constantFrom(0, 0.25, 0.5, 0.75, 1), { maxLength: 30 }) })), (rs) => {
      const sums = summarizeGroups(groups, rs);
      expect(sums.reduce((n, s) => n + s.size, 0)).toBe(rs.length);
      for (const s of sums) {
        expect(s.share100 >= 0 && s.share100 <= 1).toBe(true);
        for (const p of s.curve) expect(p.q1 <= p.median && p.median <= p.q3).toBe(true);
      }
    }));
  });
  it("on real runs a higher learning rate converges AND sooner", () => {
    const curve = (lr: number, s: number) => train({ gate: "AND", lr, epochs: 200, seed: s }).history.map((h) => h.accuracy);
    const runs = [1, 2, 3, 4, 5].flatMap((s) => [{ group: 0, curve: curve(0.001, s) }, { group: 1, curve: curve(0.1, s) }]);
    const [slow, fast] = summarizeGroups([{ lr: 0.001 }, { lr: 0.1 }], runs);
    expect(fast.share100).toBe(1);
    expect(fast.converged).toBeGreaterThan(slow.converged);
  });
  it("long runs are drawn at a bounded number of epochs, the last included", () => {
    const e = sampleEpochs(10_000, 120);
    expect(e.length).toBeLessThanOrEqual(121);
    expect(e[e.length - 1]).toBe(10_000);
    expect(sampleEpochs(5, 120)).toEqual([1, 2, 3, 4, 5]);
  });
});

describe("tileRuns (the board's live comparison)", async () => {
  const { tileRuns } = await import("./experiment-runs");
  const { AccuracyReplay } = await import("../board/accuracy-replay");
  it("replays each member's streamed run; another group's rate does not count; right submissions do", () => {
    const replay = new AccuracyReplay();
    const series = (g: Parameters<typeof replay.series>[0], lr: number, s: number, e: number) => replay.series(g, lr, s, e);
    const info: ExperimentInfo = { id: "e", mode: "BALANCED", variable: "lr", groups: [{ lr: 0.01 }, { lr: 1 }], members: { a: 0, b: 1, c: 1, d: 0 }, result: null };
    const p = (lr: number, epoch: number) => ({ type: "GATE" as const, gate: "AND" as const, lr, epochs: 100, seed: 3, epoch, accuracy: 0, w: [0, 0] as [number, number], b: 0 });
    const tile = (userId: string, progress: ReturnType<typeof p> | null, correct = false) => ({
      userId, nickname: userId, online: true, status: "working" as const, progress,
      result: correct ? { exerciseId: "x", score: 10, maxScore: 10, correct: true, at: "" } : null,
    });
    const runs = tileRuns(info, [tile("a", p(0.01, 20)), tile("b", p(0.01, 20)), tile("c", null, true)], series, 0.01);
    expect(runs).toHaveLength(4);
    const byGroup = summarizeGroups(info.groups, runs);
    expect(byGroup[0]).toMatchObject({ size: 2, started: 1 });
    expect(byGroup[1]).toMatchObject({ size: 2, started: 0, at100: 1 }); // b's run used group A's rate
    expect(runs.find((r) => r.group === 0 && r.curve)?.curve).toEqual(train({ gate: "AND", lr: 0.01, epochs: 20, seed: 3 }).history.map((h) => h.accuracy));
  });
});

describe("activation experiments (the XOR hidden layer)", async () => {
  const { netRuns } = await import("./experiment-runs");
  const { accuracySteps, trainXorNet } = await import("../xor/xor-net");
  it("accepts distinct hidden activations of HIDDEN_ACTIVATIONS only, and names the setting", () => {
    const ok = experimentSpecSchema.safeParse({ mode: "CHOICE", variable: "activation", values: ["sigmoid", "tanh"] });
    expect(ok.success).toBe(true);
    // the lesson's five (the setup's default) and all six
    expect(experimentSpecSchema.safeParse({ mode: "BALANCED", variable: "activation", values: [...DEFAULT_ACTIVATION_GROUPS] }).success).toBe(true);
    expect(experimentSpecSchema.safeParse({ mode: "BALANCED", variable: "activation", values: [...HIDDEN_ACTIVATIONS] }).success).toBe(true);
    for (const values of [["sigmoid", "sigmoid"], ["sigmoid", "softplus"], ["sigmoid", "custom1"], ["sigmoid"], ["sigmoid", 0.1]]) {
      expect(experimentSpecSchema.safeParse({ mode: "CHOICE", variable: "activation", values }).success).toBe(false);
    }
    // an activation is no learning rate or seed
    expect(experimentSpecSchema.safeParse({ mode: "CHOICE", variable: "lr", values: ["tanh", 0.1] }).success).toBe(false);
    const groups = groupSettings({ variable: "activation", values: ["tanh", "sigmoid"] });
    expect(groups).toEqual([{ activation: "tanh" }, { activation: "sigmoid" }]);
    expect(groups.map(variableOf)).toEqual(["activation", "activation"]);
    expect(groups.map(settingValue)).toEqual(["tanh", "sigmoid"]);
    const info: ExperimentInfo = { id: "e", mode: "BALANCED", variable: "activation", groups, members: { a: 0, b: 1 }, result: null };
    expect([netActivationOf(info, "a"), netActivationOf(info, "b"), netActivationOf(info, "z"), netActivationOf(null, "a")]).toEqual(["tanh", "sigmoid", null, null]);
  });

  it("compares the groups on their graded two-layer runs; a run with another group's activation does not count", () => {
    const info: ExperimentInfo = { id: "e", mode: "BALANCED", variable: "activation", groups: [{ activation: "sigmoid" }, { activation: "tanh" }], members: { a: 0, b: 0, c: 1, d: 1 }, result: null };
    const run = (userId: string, seed: number, activation: "sigmoid" | "tanh") => {
      const r = trainXorNet({ seed, lr: 2, epochs: 3000, activation });
      return { userId, activation, hidden: r.final.hidden, accuracy: r.history.at(-1)!.accuracy, solved: r.history.at(-1)!.accuracy === 1, epochs: 3000, steps: accuracySteps(r.history), history: r.history };
    };
    const runs = [run("a", 1, "sigmoid"), run("b", 2, "sigmoid"), run("c", 1, "tanh"), run("d", 3, "sigmoid")];
    const members = netRuns(info, runs);
    expect(members).toHaveLength(4);
    // the stored steps give back the replay's accuracy after every epoch
    expect(Array.from(members[0].curve!)).toEqual(runs[0].history.map((h) => h.accuracy));
    expect(members[3]).toEqual({ group: 1, curve: null, correct: false }); // d trained with sigmoid in the tanh group
    const byGroup = summarizeGroups(info.groups, members);
    expect(byGroup.map((g) => g.started)).toEqual([2, 1]);
    expect(byGroup[1].at100).toBe(runs[2].solved ? 1 : 0);
    const first = (h: { accuracy: number }[]) => h.findIndex((x) => x.accuracy === 1) + 1;
    if (runs[2].solved) expect(byGroup[1].medianEpochs).toBe(first(runs[2].history));
  });
});

describe("the board reducer's group event", async () => {
  const { applyEvents } = await import("../board/board");
  it("adds a member to the running experiment only", () => {
    const experiment: ExperimentInfo = { id: "e1", mode: "CHOICE", variable: "lr", groups: [{ lr: 0.1 }, { lr: 1 }], members: {}, result: null };
    const state = {
      sessionId: "s", classId: "c", status: "LIVE" as const, paused: false, exercises: [], tiles: [],
      exercise: { id: "x", position: 1, type: "GATE" as const, config: {}, points: 10, open: true, revealed: false, targetUserIds: [], experiment },
    };
    const next = applyEvents(state, [{ kind: "group", experimentId: "e1", userId: "u", group: 1 }, { kind: "group", experimentId: "old", userId: "v", group: 0 }]).state!;
    expect(next.exercise?.experiment?.members).toEqual({ u: 1 });
    expect(experiment.members).toEqual({}); // not changed in place
  });
});

describe("what may differ in which exercise (one rule for the setup form and the server)", async () => {
  const { variablesFor } = await import("./experiments");
  it("learning rate in both perceptron exercises, seed in the gate exercise, the hidden activation in XOR", () => {
    expect(variablesFor("GATE")).toEqual(["lr", "seed"]);
    expect(variablesFor("XOR")).toEqual(["lr", "activation"]);
    expect(variablesFor("ACTIVATION")).toEqual([]);
    expect(variablesFor(undefined)).toEqual([]);
  });
});
