/**
 * An experiment on the hidden layer's activation, per group, as data and one sentence: how many of
 * the group solved XOR ("n of m"), the median epochs it took them, the best accuracy any member's
 * run reached, and, when the runs carry diagnostics (lib/nn/mlp-diagnostics.ts), the median hidden
 * gradient and the dead or saturated units. The sentence (a message key and its values, so it reads
 * in every language) says only what these figures support. Pure, no I/O: the board, the projector
 * and the stored result at close/reveal all use it.
 */
import type { RunDiag } from "../nn/mlp-diagnostics";
import type { HiddenActivation } from "./xor-net";

/** One member's counted two-layer run: the best accuracy it reached, solved or not, its diagnostics if graded with them. */
export interface NetMemberRun { best: number; solved: boolean; diag?: RunDiag }

export const CONCLUSION_KEYS = ["noRuns", "linear", "stepStuck", "stepLuck", "dead", "saturated", "solved", "notSolved"] as const;
export type ConclusionKey = (typeof CONCLUSION_KEYS)[number];
/** A sentence as a message key (`experiments.conclusion.<key>`) and its values. */
export interface Conclusion { key: ConclusionKey; values: Record<string, string | number> }

export interface NetFindings {
  activation: HiddenActivation;
  /** Students in the group. */
  size: number;
  /** Of them, with a counted two-layer run. */
  runs: number;
  /** Of them, who solved XOR. */
  solved: number;
  /** Median epochs to 100% of those who solved it (null: nobody did). */
  medianEpochs: number | null;
  /** The best accuracy any member's run reached (0..1), null without runs. */
  best: number | null;
  /** Runs carrying diagnostics; the three figures below are over these. */
  diagnosed: number;
  medianGradient: number | null;
  deadUnits: number;
  saturatedUnits: number;
  units: number;
  conclusion: Conclusion;
}

export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const h = (s.length - 1) / 2;
  return (s[Math.floor(h)] + s[Math.ceil(h)]) / 2;
}

const percent = (v: number | null) => Math.round((v ?? 0) * 100);

/**
 * The one sentence the group's figures support, first rule that applies:
 * - no run: say so;
 * - linear, nobody solved: best at most 75 % — no better than one perceptron;
 * - step, the hidden gradient zero in every diagnosed run (step's derivative is 0, so always):
 *   nobody solved — the hidden lines never moved; someone solved — that was the starting lines' luck;
 * - dead ReLU units counted; saturated sigmoid/tanh units counted;
 * - otherwise: solved in a median of N epochs, or the best accuracy reached.
 */
export function conclusionOf(f: Omit<NetFindings, "conclusion">, maxGradient = 0): Conclusion {
  const base = { activation: f.activation, solved: f.solved, size: f.size };
  if (f.runs === 0) return { key: "noRuns", values: base };
  if (f.activation === "linear" && f.solved === 0 && (f.best ?? 0) <= 0.75) return { key: "linear", values: { ...base, best: percent(f.best) } };
  if (f.activation === "step" && maxGradient === 0) {
    return f.solved > 0 ? { key: "stepLuck", values: base } : { key: "stepStuck", values: { ...base, best: percent(f.best) } };
  }
  if (f.deadUnits > 0) return { key: "dead", values: { ...base, dead: f.deadUnits, units: f.units } };
  if (f.saturatedUnits > 0) return { key: "saturated", values: { ...base, saturated: f.saturatedUnits, units: f.units } };
  if (f.solved > 0 && f.medianEpochs !== null) return { key: "solved", values: { ...base, epochs: Math.round(f.medianEpochs) } };
  return { key: "notSolved", values: { ...base, best: percent(f.best) } };
}

/**
 * One group's findings. `size`: students in the group; `runs`: the counted run of each member who
 * has one; `medianEpochs`: of those who solved it (from the group's curves).
 */
export function netFindings(activation: HiddenActivation, size: number, runs: readonly NetMemberRun[], medianEpochs: number | null): NetFindings {
  const diags = runs.flatMap((r) => (r.diag ? [r.diag] : []));
  const gradients = diags.map((d) => d.hiddenGradient);
  const f: Omit<NetFindings, "conclusion"> = {
    activation,
    size,
    runs: runs.length,
    solved: runs.filter((r) => r.solved).length,
    medianEpochs,
    best: runs.length ? Math.max(...runs.map((r) => r.best)) : null,
    diagnosed: diags.length,
    medianGradient: median(gradients),
    deadUnits: diags.reduce((s, d) => s + d.deadUnits, 0),
    saturatedUnits: diags.reduce((s, d) => s + d.saturatedUnits, 0),
    units: diags.reduce((s, d) => s + d.units, 0),
  };
  return { ...f, conclusion: conclusionOf(f, gradients.reduce((m, g) => Math.max(m, Math.abs(g)), 0)) };
}
