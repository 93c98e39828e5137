/**
 * The lesson's conclusion as graded questions: why a network needs a non-linear activation. Four
 * concepts, each a question with one true answer and tempting wrong ones; every wrong answer is a
 * named misconception (the dashboard counts them, the board flags them). The true answer of each is
 * the claim the math in lib/ proves (`CONCEPT_FACTS`, checked by lib/grading/concepts.test.ts): a linear
 * layer of any width composes with the next into one linear map; the step's slope is zero wherever
 * it exists; sigmoid's slope vanishes on its flat ends; a ReLU unit whose input is negative for every
 * sample outputs 0 and gets no gradient. No zod here (the browser imports it); the schema is in
 * lib/grading/grading.ts beside the XOR answer's.
 */
import { ACTIVATIONS, DEFAULT_PARAMS } from "../nn/activations";
import { makeRng } from "../nn/random";

export const CONCEPT_IDS = ["linearCollapse", "stepNoGradient", "saturation", "deadRelu"] as const;
export type ConceptId = (typeof CONCEPT_IDS)[number];

/** Each question's choices: the first is the true one (shown in a fixed, shuffled-looking order by CONCEPT_ORDER). */
export const CONCEPT_CHOICES = {
  linearCollapse: ["oneLinearMap", "widerHelps", "moreEpochsHelp", "lrTooSmall"],
  stepNoGradient: ["zeroSlope", "tooFewUnits", "outputTooBig", "lrTooLarge"],
  saturation: ["gradientVanishes", "learnsFaster", "outputExplodes", "noEffect"],
  deadRelu: ["negativeForAll", "outputTooLarge", "saturatesBothSides", "switchedOffByTeacher"],
} as const satisfies Record<ConceptId, readonly [string, ...string[]]>;
export type ConceptChoice<C extends ConceptId = ConceptId> = (typeof CONCEPT_CHOICES)[C][number];
export type ConceptAnswers = Partial<{ [C in ConceptId]: ConceptChoice<C> }>;

/** The true answer of each question. */
export const CONCEPT_RIGHT: { [C in ConceptId]: ConceptChoice<C> } = {
  linearCollapse: "oneLinearMap",
  stepNoGradient: "zeroSlope",
  saturation: "gradientVanishes",
  deadRelu: "negativeForAll",
};

/** The order the choices are offered in (the true one not always first). */
export const CONCEPT_ORDER: { [C in ConceptId]: readonly ConceptChoice<C>[] } = {
  linearCollapse: ["widerHelps", "oneLinearMap", "moreEpochsHelp", "lrTooSmall"],
  stepNoGradient: ["tooFewUnits", "lrTooLarge", "zeroSlope", "outputTooBig"],
  saturation: ["learnsFaster", "outputExplodes", "noEffect", "gradientVanishes"],
  deadRelu: ["negativeForAll", "outputTooLarge", "saturatesBothSides", "switchedOffByTeacher"],
};

const P = DEFAULT_PARAMS;
const XOR_POINTS: [number, number][] = [[0, 0], [0, 1], [1, 0], [1, 1]];

/** A linear 2-`width`-1 network's output (seeded weights) and the single perceptron line it equals. */
export function composedLinear(width: number, seed: number): { net: (x1: number, x2: number) => number; line: { w: [number, number]; b: number } } {
  const rng = makeRng(seed);
  const r = () => rng.uniform() * 4 - 2;
  const hidden = Array.from({ length: width }, () => ({ w: [r(), r()] as [number, number], b: r() }));
  const out = { w: hidden.map(() => r()), b: r() };
  const lin = ACTIVATIONS.linear;
  const net = (x1: number, x2: number) =>
    out.b + hidden.reduce((s, u, i) => s + out.w[i] * lin.output(u.w[0] * x1 + u.w[1] * x2 + u.b, P), 0);
  // W_out (W_h x + b_h) + b_out = (W_out W_h) x + (W_out b_h + b_out): one line
  const line = {
    w: [0, 1].map((k) => hidden.reduce((s, u, i) => s + out.w[i] * u.w[k], 0)) as [number, number],
    b: out.b + hidden.reduce((s, u, i) => s + out.w[i] * u.b, 0),
  };
  return { net, line };
}

/** The facts that make each true answer true, computed from the activations' own table. */
export const CONCEPT_FACTS: Record<ConceptId, () => boolean> = {
  /** Any width: the net's output is exactly its composed line's, at every point tried. */
  linearCollapse: () => [1, 2, 8, 32].every((width) => {
    const { net, line } = composedLinear(width, width * 7919);
    return [...XOR_POINTS, [0.3, -2], [5, 1.5]].every(([a, b]) => Math.abs(net(a, b) - (line.w[0] * a + line.w[1] * b + line.b)) < 1e-9 * (1 + Math.abs(net(a, b))));
  }),
  /** The step's slope is 0 at every x but the jump: backpropagation multiplies the error by 0. */
  stepNoGradient: () => [-10, -1, -1e-3, 1e-3, 0.5, 10].every((x) => ACTIVATIONS.step.der(x, P) === 0),
  /** Sigmoid's slope at its ends is a tiny fraction of its slope at 0 (0.25). */
  saturation: () => ACTIVATIONS.sigmoid.der(10, P) < 1e-3 * ACTIVATIONS.sigmoid.der(0, P) && ACTIVATIONS.sigmoid.saturates.left && ACTIVATIONS.sigmoid.saturates.right,
  /** A ReLU unit with negative input for all four points: output 0 and slope 0 at each (leaky ReLU keeps a slope). */
  deadRelu: () => {
    const z = XOR_POINTS.map(([a, b]) => -1 * a - 1 * b - 0.5);
    return z.every((v) => v < 0 && ACTIVATIONS.relu.output(v, P) === 0 && ACTIVATIONS.relu.der(v, P) === 0 && ACTIVATIONS.leakyRelu.der(v, P) > 0);
  },
};

export interface ConceptWrong { concept: ConceptId; choice: ConceptChoice | null }

/** The asked questions answered wrong (a missing answer is wrong, with choice null), in the order asked. */
export function wrongConcepts(asked: readonly ConceptId[], answers: ConceptAnswers | undefined): ConceptWrong[] {
  return asked.flatMap((c) => {
    const a = answers && Object.hasOwn(answers, c) ? answers[c] ?? null : null;
    return a === CONCEPT_RIGHT[c] ? [] : [{ concept: c, choice: a }];
  });
}

/** A wrong choice as one string, the misconception's name (`linearCollapse.widerHelps`). */
export const misconceptionKey = (w: { concept: ConceptId; choice: string }) => `${w.concept}.${w.choice}`;

export interface ConceptCount { concept: string; choice: string; students: number }

/** Per question asked: the students per choice, the true one first, then the misconceptions most chosen first. */
export function conceptMisconceptions(asked: readonly ConceptId[], counts: readonly ConceptCount[]): { concept: ConceptId; right: number; wrong: { choice: ConceptChoice; students: number }[] }[] {
  const n = (c: string, ch: string) => counts.find((x) => x.concept === c && x.choice === ch)?.students ?? 0;
  return asked.map((concept) => ({
    concept,
    right: n(concept, CONCEPT_RIGHT[concept]),
    wrong: (CONCEPT_CHOICES[concept] as readonly ConceptChoice[]).filter((ch) => ch !== CONCEPT_RIGHT[concept])
      .map((choice) => ({ choice, students: n(concept, choice) }))
      .sort((a, b) => b.students - a.students),
  }));
}
