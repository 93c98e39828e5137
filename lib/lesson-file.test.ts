import { describe, expect, it } from "vitest";
import { BUILTIN_LESSON } from "./exercises";
import { LESSON_FILE_MAX_EXERCISES, readLessonFile, toLessonFile } from "./lesson-file";

const file = (exercises: unknown[], extra: Record<string, unknown> = {}) => ({ format: "neuronlab-lesson", version: 1, title: "Mine", exercises, ...extra });
const mish = { label: "Mish", formula: "x * tanh(ln(1 + exp(x)))", params: {} };
const act = (customs?: unknown[], activations = ["sigmoid", "relu"], question = "saturatesBothSides") =>
  ({ type: "ACTIVATION", activations, question, points: 10, ...(customs && { customs }) });

describe("lesson files", () => {
  it("round-trip the built-in lesson unchanged", () => {
    const f = toLessonFile({ title: BUILTIN_LESSON.title, exercises: BUILTIN_LESSON.exercises.map((config) => ({ config })) });
    const r = readLessonFile(JSON.parse(JSON.stringify(f)));
    expect(r).toEqual({ ok: true, title: BUILTIN_LESSON.title, accepted: BUILTIN_LESSON.exercises, refused: [] });
  });
  it("keep formula activations and refuse, by position and reason, what does not validate", () => {
    const r = readLessonFile(file([
      act([mish]),
      act([{ label: "bad", formula: "x +* 2", params: {} }]),
      act([{ label: "nan", formula: "ln(x)", params: {} }]),
      { type: "GATE", gate: "XOR", lr: 0.1, epochs: 10, points: 10 },
      act(undefined, ["sigmoid", "tanh"]), // both saturate: every answer right
      act([{ label: "s", formula: "sigmoid(x)" }], ["sigmoid", "tanh"]), // with the formula, still all saturate
    ]));
    if (!r.ok) throw new Error();
    expect(r.accepted).toEqual([act([mish])]);
    expect(r.refused).toEqual([
      { position: 2, reason: "formulaInvalid", code: "formulaSyntax" },
      { position: 3, reason: "formulaInvalid", code: "formulaNotFinite" },
      { position: 4, reason: "invalidConfig" },
      { position: 5, reason: "questionUnfair" },
      { position: 6, reason: "questionUnfair" },
    ]);
  });
  it("refuse a file that is not a lesson file at all", () => {
    for (const bad of [null, [], "x", file([], {}), file([act()], { format: "other" }), file([act()], { version: 2 }), file([act()], { title: " " })]) {
      expect(readLessonFile(bad)).toEqual({ ok: false });
    }
  });
  it("take at most 20 exercises", () => {
    const r = readLessonFile(file(Array.from({ length: 22 }, () => act())));
    expect(r.ok && [r.accepted.length, r.refused.map((x) => x.reason)]).toEqual([LESSON_FILE_MAX_EXERCISES, ["tooMany", "tooMany"]]);
  });
});
