/**
 * Grading of the two-layer XOR run (the step after the single perceptron). The student claims
 * what they did (hidden activation, learning rate, epochs, seed) and the weights they ended with;
 * the server replays the run with lib/xor-net.ts and accepts the claim only if the replay ends
 * on the same weights. It is solved when the replayed net gets all four XOR points right.
 */
import { z } from "zod";
import { SEED_MAX } from "./exercise-constants";
import { accuracySteps, HIDDEN_ACTIVATIONS, trainXorNet, xorNetAccuracy, type AccuracySteps, type XorNet } from "./xor-net";
import { xorNetDiagnostics } from "./xor-net-diagnostics";

const finite = z.number().finite();
const unit = z.object({ w: z.tuple([finite, finite]), b: finite });

/** The 2-2-1 net's run settings; epochs at most 10,000 (a few ms to replay). */
export const xorNetRunSchema = z.object({
  activation: z.enum(HIDDEN_ACTIVATIONS),
  lr: z.number().gt(0).max(10),
  epochs: z.number().int().min(1).max(10_000),
  seed: z.number().int().min(0).max(SEED_MAX),
  /** The weights after `epochs` epochs, as the browser has them. */
  final: z.object({ hidden: z.tuple([unit, unit]), out: unit }),
});
export type XorNetRun = z.infer<typeof xorNetRunSchema>;

export type XorNetReason = "solved" | "notSolved" | "replayMismatch" | "invalid";
export interface XorNetGrade {
  reason: XorNetReason;
  solved: boolean;
  /** Of the replayed net (never the claim), 0..1. */
  accuracy: number;
  /** The replayed final net: what is stored and drawn. */
  net: XorNet | null;
  /** The replay's accuracy per epoch, compact (for the experiment comparison). */
  steps: AccuracySteps;
  /** Of the replayed final net (lib/xor-net-diagnostics.ts): dead and saturated hidden units, the hidden gradient. */
  diag?: { deadUnits: number; saturatedUnits: number; hiddenGradient: number; units: number };
}

/** Same weights up to float noise: a replay in another JS engine may differ in the last bits. */
export const NET_TOLERANCE = 1e-6;

const units = (n: XorNet) => [n.hidden[0], n.hidden[1], n.out];
export function netsMatch(a: XorNet, b: XorNet, tol = NET_TOLERANCE): boolean {
  const ua = units(a);
  const ub = units(b);
  return ua.every((u, i) => Math.abs(u.w[0] - ub[i].w[0]) <= tol && Math.abs(u.w[1] - ub[i].w[1]) <= tol && Math.abs(u.b - ub[i].b) <= tol);
}

export function gradeXorNetRun(payload: unknown): XorNetGrade {
  const parsed = xorNetRunSchema.safeParse(payload);
  if (!parsed.success) return { reason: "invalid", solved: false, accuracy: 0, net: null, steps: [] };
  const p = parsed.data;
  const { final, history } = trainXorNet({ seed: p.seed, lr: p.lr, epochs: p.epochs, activation: p.activation });
  if (!netsMatch(final, p.final)) return { reason: "replayMismatch", solved: false, accuracy: 0, net: null, steps: [] };
  const accuracy = xorNetAccuracy(final, p.activation);
  return { reason: accuracy === 1 ? "solved" : "notSolved", solved: accuracy === 1, accuracy, net: final, steps: accuracySteps(history), diag: xorNetDiagnostics(final, p.activation) };
}
