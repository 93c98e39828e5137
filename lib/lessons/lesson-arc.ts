/**
 * The built-in lesson's argument, told in order: which kinds of activation there are; one
 * perceptron learns AND and OR; it fails on XOR; a hidden layer, tried with each activation as a
 * class experiment; the conclusion (a network needs a non-linear activation). Each chapter belongs
 * to the exercise type where the class lives it; its texts are in messages/<lang>/arc.json under
 * `arc.<chapter>.<part>` (a title `<part>Title` and a paragraph `<part>`).
 */
export const LESSON_ARC = [
  { chapter: "explorer", exercise: "ACTIVATION", parts: ["kinds", "step", "linear", "nonLinear"] },
  { chapter: "perceptron", exercise: "GATE", parts: ["line", "andOr"] },
  { chapter: "xor", exercise: "XOR", parts: ["fails"] },
  { chapter: "hidden", exercise: "XOR", parts: ["layer", "experiment"] },
  { chapter: "conclusion", exercise: "XOR", parts: ["linear", "step", "saturation", "relu", "leaky", "summary"] },
] as const satisfies readonly { chapter: string; exercise: "ACTIVATION" | "GATE" | "XOR"; parts: readonly string[] }[];

export type ArcChapter = (typeof LESSON_ARC)[number]["chapter"];
export type ArcExercise = (typeof LESSON_ARC)[number]["exercise"];

/** Every message key the arc needs (titles and paragraphs), for the components and the test of both languages. */
export function arcKeys(): string[] {
  return LESSON_ARC.flatMap((c) => [`${c.chapter}.title`, ...c.parts.flatMap((p) => [`${c.chapter}.${p}Title`, `${c.chapter}.${p}`])]);
}
