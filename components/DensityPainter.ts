// Paints the class overlay's density on its canvas from the board's tiles. The rasterising runs in
// a Web Worker (components/density.worker.ts), so a flush where hundreds of lines move costs the
// board's thread only packing the segments and one putImageData; while the worker is busy, only
// the newest tiles wait (older rounds are skipped). Without workers (or if the worker fails to
// start), the same rounds run here.
import { lineOf, segmentInBox } from "@/lib/board";
import { DensityRaster, densityPixels, densityRound } from "@/lib/board-density";
import type { BoardTile } from "@/lib/session-protocol";
import type { DensityMessage, DensityReply } from "./density.worker";

export interface DensitySpec { size: number; lo: number; hi: number; rgb: readonly [number, number, number] }

const SEGMENT = new Float64Array(4);

/** Every tile's segment across [lo, hi]², four numbers a student, NaN first when it has none. */
function packSegments(tiles: readonly BoardTile[], lo: number, hi: number): Float64Array {
  const coords = new Float64Array(tiles.length * 4);
  for (let i = 0; i < tiles.length; i++) {
    const l = lineOf(tiles[i]);
    if (l && segmentInBox(l.w[0], l.w[1], l.b, lo, hi, SEGMENT)) coords.set(SEGMENT, i * 4);
    else coords[i * 4] = NaN;
  }
  return coords;
}

function sameIds(tiles: readonly BoardTile[], ids: readonly string[]): boolean {
  if (tiles.length !== ids.length) return false;
  for (let i = 0; i < tiles.length; i++) if (tiles[i].userId !== ids[i]) return false;
  return true;
}

export class DensityPainter {
  private worker: Worker | null = null;
  private here: DensityRaster | null = null;
  private sentIds: string[] = [];
  private busy = false;
  private waiting: readonly BoardTile[] | null = null;
  private last: readonly BoardTile[] = [];
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

  draw(tiles: readonly BoardTile[]): void {
    this.last = tiles;
    if (!this.worker) return this.drawHere(tiles);
    if (this.busy) this.waiting = tiles;
    else this.send(tiles);
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
  }

  private send(tiles: readonly BoardTile[]): void {
    const { lo, hi } = this.spec;
    const coords = packSegments(tiles, lo, hi);
    const ids = sameIds(tiles, this.sentIds) ? null : (this.sentIds = tiles.map((t) => t.userId));
    const round: DensityMessage = { kind: "round", ids, coords, spare: this.spare };
    const transfer: Transferable[] = [coords.buffer];
    if (this.spare) transfer.push(this.spare);
    this.spare = null;
    this.busy = true;
    this.worker!.postMessage(round, transfer);
  }

  private received({ pixels }: DensityReply): void {
    if (!this.worker) return; // disposed while a round was out
    this.busy = false;
    if (pixels) {
      const { size } = this.spec;
      this.ctx.putImageData(new ImageData(pixels as Uint8ClampedArray<ArrayBuffer>, size, size), 0, 0);
      this.spare = pixels.buffer as ArrayBuffer;
    }
    const next = this.waiting;
    this.waiting = null;
    if (next && this.worker) this.send(next);
  }

  /** The worker could not start (or died): draw here from now on, starting from the newest tiles. */
  private fallBack(): void {
    this.dispose();
    this.busy = false;
    this.waiting = null;
    this.drawHere(this.last);
  }

  private drawHere(tiles: readonly BoardTile[]): void {
    const { size, lo, hi, rgb } = this.spec;
    this.here ??= new DensityRaster(size, lo, hi);
    if (!densityRound(this.here, tiles.map((t) => t.userId), packSegments(tiles, lo, hi))) return;
    const image = (this.image ??= new ImageData(size, size));
    densityPixels(this.here.counts, this.here.densest, rgb, image.data);
    this.ctx.putImageData(image, 0, 0);
  }
}
