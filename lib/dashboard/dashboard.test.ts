import { describe, expect, it } from "vitest";
import { activationConfigSchema } from "../lessons/exercises";
import { choiceName, explorerChoices } from "../explorer/explorer-choices";
import { buildCustoms } from "../formula/formula-activation";
import {
  cellStatus, cumulativeCompletion, explorerMistakes, formatDuration, gridHref, likePattern, parseGridQuery, scoreBin, xorMisconceptions,
} from "./dashboard";

describe("grid query", () => {
  it("reads the URL's parameters and falls back to defaults on anything odd", () => {
    expect(parseGridQuery({})).toEqual({ page: 1, sort: "nickname", dir: "asc", q: "", ex: undefined, status: "any" });
    expect(parseGridQuery({ page: "3", sort: "total", dir: "desc", q: " 하늘 ", ex: "abc", status: "correct" })).toEqual({ page: 3, sort: "total", dir: "desc", q: "하늘", ex: "abc", status: "correct" });
    expect(parseGridQuery({ page: "-2", sort: "password", dir: "up", status: "x", ex: "a b" })).toMatchObject({ page: 1, sort: "nickname", dir: "asc", status: "any", ex: undefined });
    expect(parseGridQuery({ sort: "ex:ck12_z" }).sort).toBe("ex:ck12_z");
    expect(parseGridQuery({ sort: "ex:'; DROP" }).sort).toBe("nickname");
    expect(parseGridQuery({ page: ["2", "5"] }).page).toBe(2);
  });
  it("builds links that keep the other parameters and leave defaults out", () => {
    const q = parseGridQuery({ q: "a", sort: "total", dir: "desc", ex: "e1", status: "attempted" });
    expect(gridHref("/d", q, { page: 2 })).toBe("/d?page=2&sort=total&dir=desc&q=a&ex=e1&status=attempted");
    expect(gridHref("/d", parseGridQuery({}), {})).toBe("/d");
    expect(gridHref("/d", parseGridQuery({ ex: "e1" }), {})).toBe("/d"); // an exercise without a status filters nothing
  });
  it("escapes LIKE's wildcards in a nickname search", () => {
    expect(likePattern("50%_a\\b")).toBe("%50\\%\\_a\\\\b%");
  });
});

describe("cells and bins", () => {
  const cell = { exerciseId: "e", best: 0, attempts: 2, correct: false, late: false, seconds: 3 };
  it("gives a cell's status", () => {
    expect(cellStatus(undefined)).toBe("notStarted");
    expect(cellStatus(cell)).toBe("attempted");
    expect(cellStatus({ ...cell, correct: true })).toBe("correct");
  });
  it("puts a best score in its bin", () => {
    expect([0, 2, 5, 9, 10, 12].map((s) => scoreBin(s, 10))).toEqual(["zero", "low", "high", "high", "full", "full"]);
  });
  it("splits a duration into hours, minutes and seconds", () => {
    expect(formatDuration(3725.4)).toEqual({ h: 1, m: 2, s: 5 });
    expect(formatDuration(-5)).toEqual({ h: 0, m: 0, s: 0 });
  });
});

describe("misconceptions", () => {
  it("ranks the wrong XOR explanations, leaving the right one out", () => {
    const r = xorMisconceptions([{ choice: "notSeparable", students: 9 }, { choice: "badSeed", students: 2 }, { choice: "lrTooSmall", students: 5 }]);
    expect(r.map((x) => x.choice)).toEqual(["lrTooSmall", "badSeed", "tooFewEpochs", "notDifferentiable"]);
    expect(r[0].students).toBe(5);
  });
  it("finds the explorer's wrongly ticked and missed activations", () => {
    const config = activationConfigSchema.parse({ type: "ACTIVATION", activations: ["step", "sigmoid", "tanh", "relu"], question: "saturatesBothSides", points: 10 });
    // Right: sigmoid, tanh (and step saturates on both sides too: its slope is 0 everywhere).
    const m = explorerMistakes(config, 4, [{ choice: "relu", students: 3 }, { choice: "sigmoid", students: 4 }, { choice: "tanh", students: 1 }]);
    expect(m[0]).toEqual({ activation: "step", kind: "missed", students: 4 });
    expect(m).toContainEqual({ activation: "relu", kind: "ticked", students: 3 });
    expect(m).toContainEqual({ activation: "tanh", kind: "missed", students: 3 });
    expect(m.find((x) => x.activation === "sigmoid")).toBeUndefined();
  });
});

describe("misconceptions about formula activations", () => {
  const mish = { label: "Mish", formula: "x * tanh(ln(1 + exp(x)))", params: {} };
  const steep = { label: "Steep sigmoid", formula: "sigmoid(alpha * x)", params: { alpha: 3 } };
  const config = activationConfigSchema.parse({ type: "ACTIVATION", activations: ["sigmoid", "relu"], question: "saturatesBothSides", points: 10, customs: [steep, mish] });
  const built = buildCustoms(config.customs!);
  if (!built.ok) throw new Error("the formulas build");
  it("counts a wrongly ticked formula and a missed one, by their keys", () => {
    // right: sigmoid and the steep sigmoid (custom1); mish (custom2) does not saturate on the right
    const m = explorerMistakes(config, 5, [{ choice: "sigmoid", students: 5 }, { choice: "custom2", students: 4 }, { choice: "custom1", students: 1 }], built.activations);
    expect(m).toEqual([
      { activation: "custom1", kind: "missed", students: 4 },
      { activation: "custom2", kind: "ticked", students: 4 },
    ]);
  });
  it("names each choice: a formula by its label, a built-in by its name", () => {
    const choices = explorerChoices(config);
    expect(choices.map((c) => c.id)).toEqual(["sigmoid", "relu", "custom1", "custom2"]);
    const name = (id: string) => choiceName(choices, id, (a) => `<${a}>`);
    expect([name("custom2"), name("custom1"), name("relu")]).toEqual(["Mish", "Steep sigmoid", "<relu>"]);
    // a key the preset does not define is shown as it is, never as another function's name
    expect(name("custom3")).toBe("custom3");
  });
});

describe("completion over time", () => {
  it("accumulates solved counts per exercise across time buckets", () => {
    const s = cumulativeCompletion([{ exerciseId: "a", bucket: 1, n: 2 }, { exerciseId: "a", bucket: 3, n: 1 }, { exerciseId: "b", bucket: 4, n: 5 }], 100, 140, 4);
    const a = s.find((x) => x.exerciseId === "a")!;
    expect(a.points.map((p) => p.solved)).toEqual([0, 2, 2, 3, 3]);
    expect(a.points.map((p) => p.t)).toEqual([100_000, 110_000, 120_000, 130_000, 140_000]);
    expect(s.find((x) => x.exerciseId === "b")!.points.at(-1)!.solved).toBe(5);
  });
});
