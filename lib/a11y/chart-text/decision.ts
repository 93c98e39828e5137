/** Facts of a decision map: which corners the line puts on the 1 side, which it puts on the 0 side, which it misses. */
import { GATE_INPUTS, gateLabels, type GateId } from "../../nn/gates";
import { predict, type Perceptron } from "../../nn/perceptron";

export interface DecisionFacts {
  /** Corners the model answers 1 for / 0 for, as "(x1,x2)", in GATE_INPUTS order. */
  ones: string[];
  zeros: string[];
  /** Corners on the wrong side for the gate. */
  misses: string[];
}

export const corner = ([x1, x2]: readonly [number, number]) => `(${x1},${x2})`;
/** GATE_INPUTS sorted like the lesson reads them: (0,0), (0,1), (1,0), (1,1). */
export const READING_ORDER = [0, 2, 1, 3] as const;

export function decisionFacts(model: Perceptron, gate: GateId, threshold = 0): DecisionFacts {
  const labels = gateLabels(gate);
  const facts: DecisionFacts = { ones: [], zeros: [], misses: [] };
  for (const k of READING_ORDER) {
    const p = GATE_INPUTS[k];
    const out = predict(model, p[0], p[1], threshold);
    (out ? facts.ones : facts.zeros).push(corner(p));
    if (out !== labels[k]) facts.misses.push(corner(p));
  }
  return facts;
}
