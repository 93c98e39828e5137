// Paints the class overlay's density on its canvas from the board's tiles and their packed
// segments (packSegments). The rasterising runs in a Web Worker (components/board/density.worker.ts), so
// a flush where hundreds of lines move costs the board's thread only posting the segments and one
// putImageData; while the worker is busy, only the newest round waits (older ones are skipped).
// Without workers (or if the worker fails to start), the same rounds run here. The canvas says which
// drew its last picture (data-painter: "worker" or "page").
import { DensityRaster, densityPixels, densityRound } from "@/lib/board/board-density";
import type { BoardTile } from "@/lib/live/session-protocol";
import type { DensityMessage, DensityReply } from "./density.worker";

export interface DensitySpec { size: number; lo: number; hi: number; rgb: readonly [number, number, number] }

interface Round { tiles: readonly BoardTile[]; segments: Float64Array }

function sameIds(tiles: readonly BoardTile[], ids: readonly string[]): boolean {
  if (tiles.length !== ids.length) return false;
  for (let i = 0; i < tiles.length; i++) if (tiles[i].userId !== ids[i]) return false;
  return true;
}

export class DensityPainter {
  private worker: Worker | null = null;
  private here: DensityRaster | null = null;
  /** The roster of the last round, in tile order: the same array for as long as it stays the same. */
  private ids: string[] = [];
  private busy = false;
  private waiting: Round | null = null;
  private last: Round | null = null;
  private spare: ArrayBuffer | null = null;
  private image: ImageData | null = null;

  constructor(private readonly ctx: CanvasRenderingContext2D, private readonly spec: DensitySpec) {
    if (typeof Worker === "undefined") return;
    try {
      const worker = new Worker(new URL("./density.worker.ts", import.meta.url));
      worker.onmessage = (e: MessageEvent<DensityReply>) => this.received(e.data);
      worker.onerror = () => this.fallBack();
      const setup: DensityMessage = { kind: "setup", ...spec };
      worker.postMessage(setup);
      this.worker = worker;
    } catch {
      this.worker = null;
    }
  }

  /** `segments`: packSegments(tiles) over the spec's square. It is copied to the worker, never changed. */
  draw(tiles: readonly BoardTile[], segments: Float64Array): void {
    const round = { tiles, segments };
    this.last = round;
    if (!this.worker) return this.drawHere(round);
    if (this.busy) this.waiting = round;
    else this.send(round);
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
  }

  /** Whether the roster changed since the last round (then `ids` is its new list). */
  private rosterChanged(tiles: readonly BoardTile[]): boolean {
    if (sameIds(tiles, this.ids)) return false;
    this.ids = tiles.map((t) => t.userId);
    return true;
  }

  private send({ tiles, segments }: Round): void {
    const ids = this.rosterChanged(tiles) ? this.ids : null;
    const round: DensityMessage = { kind: "round", ids, coords: segments, spare: this.spare };
    const transfer: Transferable[] = this.spare ? [this.spare] : [];
    this.spare = null;
    this.busy = true;
    this.worker!.postMessage(round, transfer);
  }

  private received({ pixels }: DensityReply): void {
    if (!this.worker) return; // disposed while a round was out
    this.busy = false;
    if (pixels) {
      const { size } = this.spec;
      this.ctx.canvas.dataset.painter = "worker";
      this.ctx.putImageData(new ImageData(pixels as Uint8ClampedArray<ArrayBuffer>, size, size), 0, 0);
      this.spare = pixels.buffer as ArrayBuffer;
    }
    const next = this.waiting;
    this.waiting = null;
    if (next) this.send(next);
  }

  /** The worker could not start (or died): draw here from now on, starting from the newest round. */
  private fallBack(): void {
    this.dispose();
    this.busy = false;
    this.waiting = null;
    if (this.last) this.drawHere(this.last);
  }

  private drawHere({ tiles, segments }: Round): void {
    const { size, lo, hi, rgb } = this.spec;
    this.here ??= new DensityRaster(size, lo, hi);
    this.rosterChanged(tiles);
    if (!densityRound(this.here, this.ids, segments)) return;
    const image = (this.image ??= new ImageData(size, size));
    densityPixels(this.here.counts, this.here.densest, rgb, image.data);
    this.ctx.putImageData(image, 0, 0);
    this.ctx.canvas.dataset.painter = "page";
  }
}
