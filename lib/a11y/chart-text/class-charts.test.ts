// The board's overlay and the dashboard's charts in words: the counts drawn are the counts said.
import { describe, expect, it } from "vitest";
import { createTranslator } from "use-intl/core";
import en from "@/messages/en";
import ko from "@/messages/ko";
import { accuracy, type Perceptron } from "../../nn/perceptron";
import { answersSentence, classPointsSentence, completionSentence, cutsSentence, distributionSentence, overlaySentence } from "./class-sentences";
import { classPointsFacts } from "./class-points";
import { readPoints } from "../../nn/custom-points";
import { completionFacts, countFacts, cutFacts, overlayFacts, overlayRows, shareFacts } from "./class-charts";
import type { T } from "./sentences";

const t = createTranslator({ locale: "en", messages: en, namespace: "chartText" }) as unknown as T;
const tk = createTranslator({ locale: "ko", messages: ko, namespace: "chartText" }) as unknown as T;
const bin = (k: string) => t(`bins.${k}`);

describe("class overlay", () => {
  const and: Perceptron = { w: [1, 1], b: -1.5 }; // separates AND
  const high: Perceptron = { w: [1, 1], b: -2.5 }; // all 0: misses (1,1)
  const or: Perceptron = { w: [1, 1], b: -0.5 }; // OR's line: misses (0,1), (1,0) for AND
  it("counts the lines, the separating ones and the points each misses", () => {
    const lines = [and, high, or, and];
    const f = overlayFacts(lines, "AND", 6);
    expect(f.separating).toBe(lines.filter((m) => accuracy(m, "AND") === 1).length);
    expect(f.missed).toEqual([{ point: "(0,0)", lines: 0 }, { point: "(0,1)", lines: 1 }, { point: "(1,0)", lines: 1 }, { point: "(1,1)", lines: 1 }]);
    expect(overlayRows(f, "AND")).toEqual([["(0,0)", 0, 4, 0], ["(0,1)", 0, 3, 1], ["(1,0)", 0, 3, 1], ["(1,1)", 1, 3, 1]]);
    expect(overlaySentence(t, "AND", f)).toBe("AND: 4 lines from 6 students, 2 separating all four points; missed most: (0,1) by 1 line, (1,0) by 1 line, (1,1) by 1 line");
    const g = overlayFacts([high, high, and], "AND", 3);
    expect(overlaySentence(t, "AND", g)).toBe("AND: 3 lines from 3 students, 1 separating all four points; missed most: (1,1) by 2 lines");
    expect(overlaySentence(tk, "AND", g)).toBe("AND: 학생 3명 중 3명의 직선, 그중 1개가 네 점을 모두 가름; 가장 많이 틀린 점: (1,1) 직선 2개");
  });
  it("no line yet, and every line right", () => {
    expect(overlaySentence(t, "OR", overlayFacts([], "OR", 1))).toBe("OR: no line yet from 1 student");
    expect(overlaySentence(t, "OR", overlayFacts([or], "OR", 1))).toBe("OR: 1 line from 1 student, 1 separating all four points");
  });
});

describe("dashboard charts", () => {
  const counts = (full: number, high: number, low: number, zero: number, notStarted: number) =>
    Object.entries({ full, high, low, zero, notStarted }).map(([name, count]) => ({ name, count }));
  it("score distribution: each exercise's bins, largest first, and the most full marks by share", () => {
    const f = shareFacts([
      { label: "1. Activation", counts: counts(0, 0, 0, 0, 2) },
      { label: "2. AND", counts: counts(1, 0, 0, 1, 0) },
      { label: "3. XOR", counts: counts(1, 3, 0, 0, 0) },
    ], "full");
    expect(f.top).toEqual({ label: "2. AND", count: 1, total: 2 });
    expect(distributionSentence(t, f, bin, "full")).toBe("1. Activation: not started 2; 2. AND: full marks 1, zero 1; 3. XOR: half or more 3, full marks 1; most full marks: 2. AND (1 of 2)");
    const none = shareFacts([{ label: "A", counts: counts(0, 0, 0, 0, 0) }, { label: "B", counts: counts(0, 0, 1, 0, 1) }], "full");
    expect(distributionSentence(t, none, bin, "full")).toBe("A: no student; B: under half 1, not started 1");
    expect(distributionSentence(tk, f, (k) => tk(`bins.${k}`), "full")).toBe("1. Activation: 시작 안 함 2; 2. AND: 만점 1, 0점 1; 3. XOR: 절반 이상 3, 만점 1; 만점 가장 많은 실습: 2. AND (2명 중 1명)");
  });
  it("completion: solved of enrolled at the end of each line, and the most solved", () => {
    const f = completionFacts([
      { label: "2. AND", points: [{ solved: 1 }, { solved: 3 }] },
      { label: "3. XOR", points: [{ solved: 4 }] },
      { label: "4. OR", points: [] },
    ], 8);
    expect(completionSentence(t, f)).toBe("8 students enrolled; 2. AND: 3 of 8 solved (38 %); 3. XOR: 4 of 8 solved (50 %); 4. OR: 0 of 8 solved (0 %); most solved: 3. XOR");
    expect(completionSentence(tk, f)).toMatch(/^등록한 학생 8명; 2. AND: 8명 중 3명 해결 \(38 %\)/);
  });
  it("answer bars: each answer as drawn, the total and the largest (ties named together)", () => {
    const bars = [{ name: "Not separable", count: 1 }, { name: "Learning rate too small", count: 3 }, { name: "Too few epochs", count: 0 }];
    expect(answersSentence(t, "Students", countFacts(bars), bars)).toBe("Students: Not separable 1, Learning rate too small 3, Too few epochs 0; total 4; most: Learning rate too small (3)");
    const tie = [{ name: "A", count: 2 }, { name: "B", count: 2 }];
    expect(answersSentence(t, "Students", countFacts(tie), tie)).toBe("Students: A 2, B 2; total 4; most: A, B (2)");
    expect(answersSentence(tk, "학생 수", countFacts([]), [])).toBe("학생 수: 아직 없음");
  });
});

describe("the class's hidden-unit lines", () => {
  const orLine: Perceptron = { w: [1, 1], b: -0.5 }; // (0,0) alone on its side
  const andLine: Perceptron = { w: [1, 1], b: -1.5 }; // (1,1) alone
  const vertical: Perceptron = { w: [1, 0], b: -0.5 }; // (0,0),(0,1) | (1,0),(1,1)
  const outside: Perceptron = { w: [1, 1], b: 5 }; // all four on one side
  it("says which points each line sets apart, counted as drawn, and which networks solved XOR", () => {
    const f = cutFacts([
      { net: "ana", model: orLine, solved: true }, { net: "ana", model: andLine, solved: true },
      { net: "ben", model: orLine, solved: false }, { net: "ben", model: vertical, solved: false },
      { net: "cy", model: andLine, solved: true }, { net: "cy", model: outside, solved: true },
    ]);
    expect(f).toMatchObject({ lines: 6, nets: 3, solved: 2 });
    expect(f.cuts).toEqual([
      { points: ["(0,0)"], lines: 2, inSolved: 1 },
      { points: ["(1,1)"], lines: 2, inSolved: 2 },
      { points: ["(1,0)", "(1,1)"], lines: 1, inSolved: 0 },
      { points: [], lines: 1, inSolved: 1 },
    ]);
    expect(cutsSentence(t, f)).toBe("6 hidden-unit lines from 3 networks, 2 solved XOR; the lines set apart: (0,0) 2, (1,1) 2, (1,0) (1,1) 1, no point 1");
    expect(cutsSentence(tk, f)).toBe("신경망 3개의 은닉 유닛 직선 6개, 그중 2개 신경망이 XOR 해결; 직선이 떼어 놓은 점: (0,0) 2개, (1,1) 2개, (1,0) (1,1) 1개, 없음 1개");
    expect(cutsSentence(t, cutFacts([]))).toBe("no network handed in yet");
  });
});

describe("the hidden-unit lines over the class's own points", () => {
  const RING = readPoints("50.40.1_60.50.1_50.60.1_40.50.1_10.10.0_90.10.0_90.90.0_10.90.0")!;
  const CLUSTERS = readPoints("10.20.0_20.10.0_80.70.1_70.90.1")!;
  it("names the points, says whether one line separates them, and what each line sets apart", () => {
    expect(classPointsSentence(t, classPointsFacts(CLUSTERS))).toBe(
      "The class's 4 points: class 1 at (0.8, 0.7), (0.7, 0.9); class 0 at (0.1, 0.2), (0.2, 0.1); one straight line can separate them, so a single perceptron can too.");
    expect(classPointsSentence(t, classPointsFacts(RING))).toContain("no straight line separates them");
    expect(classPointsSentence(tk, classPointsFacts(RING))).toContain("어떤 직선으로도 나눌 수 없으므로");
    // x1 >= 0.45 leaves three points on its smaller side; x2 <= 0.2 the two bottom corners
    const right: Perceptron = { w: [1, 0], b: -0.45 };
    const low: Perceptron = { w: [0, -1], b: 0.2 };
    const f = cutFacts([{ net: "ana", model: right, solved: true }, { net: "ana", model: low, solved: true }], RING);
    expect(f.cuts).toEqual([
      { points: ["(0.4, 0.5)", "(0.1, 0.1)", "(0.1, 0.9)"], lines: 1, inSolved: 1 },
      { points: ["(0.1, 0.1)", "(0.9, 0.1)"], lines: 1, inSolved: 1 },
    ]);
    expect(cutsSentence(t, f, true)).toMatch(/^2 hidden-unit lines from 1 network, 1 got all the class's points right; the lines set apart: /);
  });
});
