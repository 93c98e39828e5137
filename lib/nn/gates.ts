/** Two-input logic gates: the perceptron's training sets. */
export type GateId = "AND" | "OR" | "NAND" | "NOR" | "XOR";
export const GATE_IDS: readonly GateId[] = ["AND", "OR", "NAND", "NOR", "XOR"];

/** The seed's sample order: X = [[0,0], [1,0], [0,1], [1,1]]. */
export const GATE_INPUTS: readonly [number, number][] = [[0, 0], [1, 0], [0, 1], [1, 1]];

const RULES: Record<GateId, (a: boolean, b: boolean) => boolean> = {
  AND: (a, b) => a && b,
  OR: (a, b) => a || b,
  NAND: (a, b) => !(a && b),
  NOR: (a, b) => !(a || b),
  XOR: (a, b) => a !== b,
};

export function gateOutput(gate: GateId, x1: number, x2: number): 0 | 1 {
  return RULES[gate](x1 !== 0, x2 !== 0) ? 1 : 0;
}

/** Truth table in GATE_INPUTS order, e.g. AND -> [0, 0, 0, 1]. */
export function gateLabels(gate: GateId): (0 | 1)[] {
  return GATE_INPUTS.map(([a, b]) => gateOutput(gate, a, b));
}

/**
 * Computed, not stated: searches lines w1*x1 + w2*x2 + b = 0 with w in
 * {-1, 0, 1} and b in {-1.5, -0.5, 0.5, 1.5}, which is enough to separate any
 * separable labelling of the four corners. Only XOR has none.
 */
export function isLinearlySeparable(gate: GateId): boolean {
  const labels = gateLabels(gate);
  const ws = [-1, 0, 1];
  for (const w1 of ws) for (const w2 of ws) for (const b of [-1.5, -0.5, 0.5, 1.5]) {
    if (GATE_INPUTS.every(([x1, x2], k) => (w1 * x1 + w2 * x2 + b > 0 ? 1 : 0) === labels[k])) return true;
  }
  return false;
}
