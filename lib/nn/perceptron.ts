/**
 * One perceptron with the step activation, trained exactly by the lesson's rule:
 * for each epoch, for each sample in GATE_INPUTS order,
 *   pred = (w.x + b < threshold) ? 0 : 1
 *   w += lr * (label - pred) * x;  b += lr * (label - pred)
 * then the accuracy over the four samples is recorded. Everything follows from
 * (gate, lr, epochs, seed[, init, threshold]), so the server can grade a
 * student's run by replaying it. With `points` (the class's own, lib/nn/custom-points.ts) the samples
 * are those points in their order instead of the gate's four corners.
 */
import { GATE_IDS, GATE_INPUTS, gateLabels, type GateId } from "./gates";
import { seededModel, type Perceptron } from "./perceptron-init";
import { pointSamples, type LabelledPoint, type Samples } from "./custom-points";

export const PERCEPTRON_DEFAULTS = { lr: 0.01, threshold: 0, epochs: 1000 } as const;

export { weightsMatch, type Perceptron } from "./perceptron-init";
export interface TrainConfig {
  gate: GateId;
  lr: number;
  epochs: number;
  seed: number;
  init?: Perceptron;
  threshold?: number;
  /** Train on these points instead of the gate's truth table. */
  points?: readonly LabelledPoint[];
}
/** `epoch` is the 0-based index of the epoch just finished (the seed prints "999th epoch" last). */
export interface EpochRecord { epoch: number; accuracy: number; w: [number, number]; b: number }
export interface TrainState {
  config: TrainConfig;
  model: Perceptron;
  /** Epochs completed so far. */
  epoch: number;
  /** Next sample index, 0..(samples - 1). */
  sample: number;
  history: EpochRecord[];
  done: boolean;
}
export interface TrainResult { init: Perceptron; final: Perceptron; history: EpochRecord[]; bestAccuracy: number }

const LABELS = Object.fromEntries(GATE_IDS.map((g) => [g, gateLabels(g)])) as Record<GateId, (0 | 1)[]>;

export const cloneModel = (m: Perceptron): Perceptron => ({ w: [m.w[0], m.w[1]], b: m.b });

/** Explicit init if given, else w0, w1, b from makeRng(seed).normal() (like randn(2) then randn(1)). */
export function initialModel(config: Pick<TrainConfig, "seed" | "init">): Perceptron {
  return config.init ? cloneModel(config.init) : seededModel(config.seed);
}

/** w.x + b, summed in the seed's order (np.dot then + bias). */
export function weightedSum(m: Perceptron, x1: number, x2: number): number {
  return x1 * m.w[0] + x2 * m.w[1] + m.b;
}

export function predict(m: Perceptron, x1: number, x2: number, threshold = 0): 0 | 1 {
  return weightedSum(m, x1, x2) < threshold ? 0 : 1;
}

/** Fraction of the four gate samples classified correctly. */
export function accuracy(m: Perceptron, gate: GateId, threshold = 0): number {
  return accuracyOn(m, GATE_SAMPLES[gate], threshold);
}

export type { Samples };
const GATE_SAMPLES = Object.fromEntries(GATE_IDS.map((g): [GateId, Samples] => [g, { inputs: GATE_INPUTS, labels: LABELS[g] }])) as Record<GateId, Samples>;

/** The samples a config trains on: its points when it has them, else its gate's truth table. */
export function samplesOf(config: Pick<TrainConfig, "gate" | "points">): Samples {
  return config.points ? pointSamples(config.points) : GATE_SAMPLES[config.gate];
}

/** Fraction of the samples classified correctly. */
export function accuracyOn(m: Perceptron, samples: Samples, threshold = 0): number {
  const { inputs, labels } = samples;
  let ok = 0;
  for (let k = 0; k < inputs.length; k++) if (predict(m, inputs[k][0], inputs[k][1], threshold) === labels[k]) ok++;
  return ok / inputs.length;
}

function checkConfig(c: TrainConfig): void {
  if (!Number.isInteger(c.epochs) || c.epochs < 0) throw new RangeError(`epochs must be a non-negative integer`);
  if (!Number.isFinite(c.lr)) throw new RangeError(`lr must be finite`);
  if (c.threshold !== undefined && !Number.isFinite(c.threshold)) throw new RangeError(`threshold must be finite`);
}

export function startTraining(config: TrainConfig): TrainState {
  checkConfig(config);
  return { config, model: initialModel(config), epoch: 0, sample: 0, history: [], done: config.epochs === 0 };
}

/** One sample's update. Mutates and returns state; closes the epoch after the last sample. */
export function stepSample(state: TrainState): TrainState {
  if (state.done) return state;
  const { config, model } = state;
  const threshold = config.threshold ?? 0;
  const samples = samplesOf(config);
  const [x1, x2] = samples.inputs[state.sample];
  const label = samples.labels[state.sample];
  const delta = config.lr * (label - predict(model, x1, x2, threshold));
  model.w[0] += delta * x1;
  model.w[1] += delta * x2;
  model.b += delta;
  if (++state.sample === samples.inputs.length) {
    state.sample = 0;
    state.history.push({
      epoch: state.epoch, accuracy: accuracyOn(model, samples, threshold), w: [model.w[0], model.w[1]], b: model.b,
    });
    if (++state.epoch >= config.epochs) state.done = true;
  }
  return state;
}

/** Runs samples until the current epoch closes (or training is done). */
export function stepEpoch(state: TrainState): TrainState {
  do stepSample(state); while (state.sample !== 0 && !state.done);
  return state;
}

export function train(config: TrainConfig): TrainResult {
  const state = startTraining(config);
  const init = cloneModel(state.model);
  while (!state.done) stepEpoch(state);
  let bestAccuracy = state.history.length ? 0 : accuracyOn(init, samplesOf(config), config.threshold ?? 0);
  for (const r of state.history) if (r.accuracy > bestAccuracy) bestAccuracy = r.accuracy;
  return { init, final: cloneModel(state.model), history: state.history, bestAccuracy };
}

