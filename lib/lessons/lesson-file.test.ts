import { describe, expect, it } from "vitest";
import { ACTIVATION_CHOICES, BUILTIN_LESSON, exerciseConfigSchema } from "./exercises";
import { bodyLimit, LESSON_FILE_MAX_BYTES } from "../edge/edge-policy";
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

describe("a lesson file's size", () => {
  it("the largest file the app can export (20 exercises, every field at its longest) fits the import's body limit", () => {
    const label = "활".repeat(40); // 3 bytes a character in UTF-8
    const formula = `x${" + x".repeat(49)} +x`; // 200 characters
    const link = `/practice/activation?formula=${"x".repeat(150)}&fparams=${encodeURIComponent("abcdefghijklmnop:-4.95;bbcdefghijklmnop:-4.95;cbcdefghijklmnop:-4.95")}&activation=custom1&seed=999999`;
    const big = {
      type: "ACTIVATION", activations: [...ACTIVATION_CHOICES], question: "saturatesBothSides", points: 1000,
      customs: [0, 1, 2].map((i) => ({ label, formula, params: { [`abcdefghijklmno${i}`]: -4.95, [`bbcdefghijklmno${i}`]: -4.95, [`cbcdefghijklmno${i}`]: -4.95 } })),
      attempts: { maxAttempts: 100, feedback: "afterReveal", counts: "first" },
      practiceLink: link,
    };
    const parsed = exerciseConfigSchema.safeParse(big);
    expect([parsed.success, formula.length]).toEqual([true, 200]);
    const f = toLessonFile({ title: "활".repeat(120), exercises: Array.from({ length: LESSON_FILE_MAX_EXERCISES }, () => ({ config: parsed.data })) });
    const bytes = Buffer.byteLength(JSON.stringify(f, null, 2)); // as app/api/lessons/[id]/export writes it
    expect(bytes).toBeGreaterThan(4 * 1024);
    expect(bytes).toBeLessThan(bodyLimit("/api/lessons/import"));
    expect(bodyLimit("/api/lessons/import")).toBe(LESSON_FILE_MAX_BYTES);
  });
});
