/**
 * A decision grid computed a few rows at a time, for a copy of the net taken when the pass began
 * (components/xor/XorNetView.tsx spreads one grid over several animation frames while the net trains,
 * so that no frame pays for all 101 x 101 forward passes). A finished pass holds exactly mlpGrid's
 * values for that net.
 */
import { GRID_SIZE } from "./grid";
import { mlpGridRows } from "./mlp-forward";
import { cloneMlp, type HiddenActivation, type MlpNet } from "./mlp-net";

export interface GridPass { readonly net: MlpNet; readonly activation: HiddenActivation | undefined; readonly n: number; readonly out: Float32Array; row: number }

export function gridPass(net: MlpNet, activation?: HiddenActivation, n = GRID_SIZE): GridPass {
  if (!Number.isInteger(n) || n < 2) throw new RangeError("grid size must be an integer >= 2");
  return { net: cloneMlp(net), activation, n, out: new Float32Array(n * n), row: 0 };
}

/** Computes at least one more row, then more while `more()` says so; true once the grid is complete. */
export function advanceGrid(pass: GridPass, more: () => boolean): boolean {
  do {
    if (pass.row >= pass.n) break;
    mlpGridRows(pass.net, pass.n, pass.activation, pass.out, pass.row, pass.row + 1);
    pass.row++;
  } while (more());
  return pass.row >= pass.n;
}
