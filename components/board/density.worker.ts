// The class overlay's density picture, drawn off the board's main thread: the board posts every
// student's segment as numbers each flush, this worker re-rasterises the lines that moved
// (lib/board/board-density) and posts back the picture's pixels, or null when nothing moved.
import { DensityRaster, densityPixels, densityRound } from "@/lib/board/board-density";

export type DensityMessage =
  | { kind: "setup"; size: number; lo: number; hi: number; rgb: readonly [number, number, number] }
  /** `ids` only when the roster differs from the last round's; `spare` a pixel buffer to reuse. */
  | { kind: "round"; ids: string[] | null; coords: Float64Array; spare: ArrayBuffer | null };
export interface DensityReply { pixels: Uint8ClampedArray | null }

let raster: DensityRaster | null = null;
let rgb: readonly [number, number, number] = [0, 0, 0];
let ids: string[] = [];

function reply(message: DensityReply): void {
  self.postMessage(message, { transfer: message.pixels ? [message.pixels.buffer] : [] });
}

self.onmessage = (e: MessageEvent<DensityMessage>) => {
  const m = e.data;
  if (m.kind === "setup") {
    raster = new DensityRaster(m.size, m.lo, m.hi);
    rgb = m.rgb;
    ids = [];
    return;
  }
  if (!raster) return reply({ pixels: null });
  if (m.ids) ids = m.ids;
  if (!densityRound(raster, ids, m.coords)) return reply({ pixels: null });
  const bytes = raster.size * raster.size * 4;
  const into = m.spare && m.spare.byteLength === bytes ? new Uint8ClampedArray(m.spare) : new Uint8ClampedArray(bytes);
  reply({ pixels: densityPixels(raster.counts, raster.densest, rgb, into) });
};
