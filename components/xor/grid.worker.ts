// The XOR network's decision grid, computed off the page's main thread while the net trains: the
// page posts a copy of the net, this worker answers with mlpGrid's 101 x 101 outputs for it
// (components/xor/NetGridWorker.ts; the same values as mlpGrid on the page).
import { GRID_SIZE } from "@/lib/nn/grid";
import { mlpGrid, type HiddenActivation, type MlpNet } from "@/lib/nn/mlp";

export interface GridRequest { id: number; net: MlpNet; activation: HiddenActivation | undefined }
export interface GridReply { id: number; grid: Float32Array }

self.onmessage = (e: MessageEvent<GridRequest>) => {
  const { id, net, activation } = e.data;
  const grid = mlpGrid(net, GRID_SIZE, activation);
  const reply: GridReply = { id, grid };
  self.postMessage(reply, { transfer: [grid.buffer] });
};
