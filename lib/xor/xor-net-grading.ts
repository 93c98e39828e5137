/**
 * Grading of the XOR network's run (the step after the single perceptron). The student claims
 * what they did (hidden activation, width, layers, initial scale, learning rate, epochs, seed) and
 * the weights they ended with; the server replays the run with lib/nn/mlp.ts and accepts the claim
 * only if the replay ends on the same weights. It is solved when the replayed net gets all four
 * XOR points right. A run without width, layers or scale is the 2-2-1 net (width 2, one layer,
 * scale 0.3), so runs stored before those settings existed grade as they always did.
 */
import { z } from "zod";
import { samePoints, type LabelledPoint } from "../nn/custom-points";
import { customPointsSchema } from "../nn/custom-points-schema";
import { SEED_MAX } from "../lessons/exercise-constants";
import { HIDDEN_ACTIVATIONS, layersOf, MLP_INIT_SCALE, MLP_LAYERS, MLP_WIDTH, mlpScore, replayMlp, shapeOf, type MlpNet } from "../nn/mlp";
import { runDiag, type RunDiag } from "../nn/mlp-diagnostics";
import type { AccuracySteps } from "./xor-net";

const finite = z.number().finite();
const unit = z.object({ w: z.array(finite).min(2).max(MLP_WIDTH.max), b: finite });
const layer = z.array(unit).min(MLP_WIDTH.min).max(MLP_WIDTH.max);

/** The net's run settings; epochs at most 10,000 (a 2-8-8-1 net replays in well under a second). */
export const xorNetRunSchema = z.object({
  activation: z.enum(HIDDEN_ACTIVATIONS),
  lr: z.number().gt(0).max(10),
  epochs: z.number().int().min(1).max(10_000),
  seed: z.number().int().min(0).max(SEED_MAX),
  /** Hidden units per layer, 2..8 (absent: 2). */
  width: z.number().int().min(MLP_WIDTH.min).max(MLP_WIDTH.max).optional(),
  /** Hidden layers, 1 or 2 (absent: 1). */
  layers: z.number().int().min(MLP_LAYERS.min).max(MLP_LAYERS.max).optional(),
  /** The initial weights' scale (absent: 0.3). */
  initScale: z.number().min(MLP_INIT_SCALE.min).max(MLP_INIT_SCALE.max).optional(),
  /** The class's own points trained on (absent: the four XOR points). */
  points: customPointsSchema.optional(),
  /** The weights after `epochs` epochs, as the browser has them: hidden (, hidden2), out. */
  final: z.object({ hidden: layer, hidden2: layer.optional(), out: unit }),
});
export type XorNetRun = z.infer<typeof xorNetRunSchema>;

export type XorNetReason = "solved" | "notSolved" | "replayMismatch" | "invalid";
export interface XorNetGrade {
  reason: XorNetReason;
  /**
   * With "invalid": netShapeInvalid when the weights parse but do not fit the claimed shape;
   * netPointsNotThisExercise when the run was trained on other points than the exercise's.
   */
  error?: NetInvalid;
  solved: boolean;
  /** Of the replayed net (never the claim), 0..1. */
  accuracy: number;
  /** The replayed final net: what is stored and drawn. */
  net: MlpNet | null;
  /** The replay's accuracy per epoch, compact (for the experiment comparison). */
  steps: AccuracySteps;
  /** The replay's diagnostics (lib/nn/mlp-diagnostics.ts): dead and saturated hidden units of the final net, the first hidden layer's mean |gradient| in the last epoch, hidden units in all. */
  diag?: RunDiag;
}

/** Same weights up to float noise: a replay in another JS engine may differ in the last bits. */
export const NET_TOLERANCE = 1e-6;

const units = (n: MlpNet) => layersOf(n).flat();
export function netsMatch(a: MlpNet, b: MlpNet, tol = NET_TOLERANCE): boolean {
  const ua = units(a);
  const ub = units(b);
  const close = (x: number, y: number) => Math.abs(x - y) <= tol;
  return ua.length === ub.length && ua.every((u, i) => u.w.length === ub[i].w.length && u.w.every((w, k) => close(w, ub[i].w[k])) && close(u.b, ub[i].b));
}

/** The claimed weights have the shape the claimed settings give: width units per hidden layer, each reading the layer below. */
export function fitsShape(run: XorNetRun): boolean {
  const { width, layers } = shapeOf(run);
  const { hidden, hidden2, out } = run.final;
  const sized = (l: { w: number[] }[], inputs: number) => l.length === width && l.every((u) => u.w.length === inputs);
  return sized(hidden, 2) && (layers === 2 ? !!hidden2 && sized(hidden2, width) : !hidden2) && out.w.length === width;
}

type NetInvalid = "netShapeInvalid" | "netPointsNotThisExercise";
const refused = (reason: "invalid" | "replayMismatch", error?: NetInvalid): XorNetGrade =>
  ({ reason, ...(error && { error }), solved: false, accuracy: 0, net: null, steps: [] });

/** The points an XOR exercise's network trains on: its preset's own (`customPoints`, checked), or undefined for XOR's four. */
export function netPointsOf(config: unknown): LabelledPoint[] | undefined {
  const raw = config !== null && typeof config === "object" ? (config as { customPoints?: unknown }).customPoints : undefined;
  if (raw === undefined) return undefined;
  const parsed = customPointsSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Was a run (its claimed `points`, unchecked) trained on the exercise's points (`exercise`, absent:
 * XOR's four, so the run must claim none)? Same points in the same order: the training order.
 */
export function onExercisePoints(exercise: readonly LabelledPoint[] | undefined, claimed: unknown): boolean {
  if (!exercise) return claimed === undefined;
  const parsed = customPointsSchema.safeParse(claimed);
  return parsed.success && samePoints(exercise, parsed.data);
}

/**
 * What can be said of a run without replaying it (microseconds: the server checks it before it
 * acknowledges a run, and replays it later): its shape, the claimed weights' shape, its points.
 */
export function checkXorNetRun(payload: unknown, points?: readonly LabelledPoint[]): { run: XorNetRun } | { invalid: "invalidSubmission" | NetInvalid } {
  const parsed = xorNetRunSchema.safeParse(payload);
  if (!parsed.success) return { invalid: "invalidSubmission" };
  const p = parsed.data;
  if (!fitsShape(p)) return { invalid: "netShapeInvalid" };
  if (!onExercisePoints(points, p.points)) return { invalid: "netPointsNotThisExercise" };
  return { run: p };
}

/**
 * `points`: the exercise's own points (absent: XOR's four). The run must have been trained on
 * exactly those (same points, same order): it is replayed on them.
 */
export function gradeXorNetRun(payload: unknown, points?: readonly LabelledPoint[]): XorNetGrade {
  const checked = checkXorNetRun(payload, points);
  if ("invalid" in checked) return refused("invalid", checked.invalid === "invalidSubmission" ? undefined : checked.invalid);
  const p = checked.run;
  const on = points;
  // replayMlp: trainMlp's steps without its per-epoch history (the same net, steps and last gradient)
  const { final, steps, lastGrad } = replayMlp({ seed: p.seed, lr: p.lr, epochs: p.epochs, ...shapeOf(p), ...(on && { points: on }) });
  if (!netsMatch(final, p.final)) return refused("replayMismatch");
  const { accuracy } = mlpScore(final, p.activation, on);
  return { reason: accuracy === 1 ? "solved" : "notSolved", solved: accuracy === 1, accuracy, net: final, steps, diag: runDiag(final, lastGrad ? [{ grad: lastGrad }] : [], p.activation, on) };
}
