/**
 * Facts of the charts that have no gate's corners to name: a decision map over any labelled points
 * (the class's own points, or the XOR network's four), and the network's gradient per layer.
 */
export interface PointsFacts {
  correct: number;
  total: number;
  /** The points on the wrong side, as "(x1, x2)" in training order. */
  misses: string[];
}

const coord = (v: number) => String(Math.round(v * 100) / 100);
export const pointName = ([x1, x2]: readonly [number, number]) => `(${coord(x1)}, ${coord(x2)})`;

/** Which points a classifier gets right: `predict` answers 0 or 1 for a point. */
export function pointsFacts(inputs: readonly (readonly [number, number])[], labels: readonly (0 | 1)[], predict: (x1: number, x2: number) => 0 | 1): PointsFacts {
  const misses: string[] = [];
  inputs.forEach(([x1, x2], k) => { if (predict(x1, x2) !== labels[k]) misses.push(pointName([x1, x2])); });
  return { correct: inputs.length - misses.length, total: inputs.length, misses };
}

export interface GradientFacts {
  /** Epochs done. */
  epoch: number;
  /** Per layer, in the records' order: its mean |gradient| in the first and the last epoch, and whether it was exactly 0 in every epoch. */
  layers: { first: number; last: number; alwaysZero: boolean }[];
}

export function gradientFacts(history: readonly { grad: readonly number[] }[]): GradientFacts {
  if (!history.length) return { epoch: 0, layers: [] };
  const layers = history[0].grad.map((first, l) => ({ first, last: history[history.length - 1].grad[l], alwaysZero: history.every((h) => h.grad[l] === 0) }));
  return { epoch: history.length, layers };
}

/** A hidden unit by place: layer (0 = first hidden layer) and index in it. */
export interface UnitPlace { layer: number; unit: number }

export interface DiagramFacts {
  units: number;
  dead: UnitPlace[];
  saturated: UnitPlace[];
  /** The output's largest weight by size: which unit of the last hidden layer it reads, and the weight. */
  strongest: { place: UnitPlace; weight: number };
}

/** The network drawing's facts: its hidden units, the dead and saturated ones, and what the output leans on most. */
export function diagramFacts(net: { hidden: { w: number[] }[]; hidden2?: { w: number[] }[]; out: { w: number[] } }, states: readonly (readonly string[])[]): DiagramFacts {
  const dead: UnitPlace[] = [];
  const saturated: UnitPlace[] = [];
  states.forEach((layer, l) => layer.forEach((s, j) => { if (s === "dead") dead.push({ layer: l, unit: j }); else if (s === "saturated") saturated.push({ layer: l, unit: j }); }));
  let k = 0;
  net.out.w.forEach((w, j) => { if (Math.abs(w) > Math.abs(net.out.w[k])) k = j; });
  const last = net.hidden2 ? 1 : 0;
  return { units: net.hidden.length + (net.hidden2?.length ?? 0), dead, saturated, strongest: { place: { layer: last, unit: k }, weight: net.out.w[k] } };
}
