// The decision grid of a net that trains live, computed in a Web Worker (components/xor/grid.worker.ts)
// so a frame pays only for posting the net: one grid at a time, for the newest net when the worker
// is free (the frames between skip it). `usable` false (no workers, or the worker failed): the
// page computes the grid itself (useNetRun's few rows a frame).
import type { HiddenActivation, MlpNet } from "@/lib/nn/mlp";
import type { GridReply, GridRequest } from "./grid.worker";

export class NetGridWorker {
  private worker: Worker | null = null;
  private busy = false;
  /** The id of the newest request; a reply to an older one (sent before a reset) is dropped. */
  private id = 0;

  constructor(private readonly onGrid: (grid: Float32Array) => void) {
    if (typeof Worker === "undefined") return;
    try {
      const worker = new Worker(new URL("./grid.worker.ts", import.meta.url));
      worker.onmessage = (e: MessageEvent<GridReply>) => this.received(e.data);
      worker.onerror = () => this.dispose();
      this.worker = worker;
    } catch {
      this.worker = null;
    }
  }

  get usable(): boolean { return this.worker !== null; }

  /** Asks for the grid of `net` (copied now) unless one is being computed; false if it was not sent. */
  compute(net: MlpNet, activation: HiddenActivation | undefined): boolean {
    if (!this.worker || this.busy) return false;
    this.busy = true;
    const request: GridRequest = { id: ++this.id, net, activation };
    this.worker.postMessage(request);
    return true;
  }

  /** Forgets the grid being computed (the run was reset, paused or ended: its grid is drawn at once). */
  forget(): void {
    this.id++;
    this.busy = false;
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
  }

  private received({ id, grid }: GridReply): void {
    if (id !== this.id) return; // forgotten; a newer request may be out
    this.busy = false;
    this.onGrid(grid);
  }
}
