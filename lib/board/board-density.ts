// The class overlay for a lecture hall: every decision line rasterised into a coarse grid of
// counts (each line counts once per cell it crosses), so 2,000 lines become one density picture
// instead of 2,000 strokes. Pure, no DOM.
import { lineOf, segmentInBox } from "./tile-lines";
import type { BoardTile } from "../live/session-protocol";

type Segment = readonly [readonly [number, number], readonly [number, number]];

/**
 * Counts per cell of a size x size grid over the unit square; segments in [0, 1]² (y up, row 0 at
 * the top). Each segment is rasterised like a one-pixel line: one cell in every column it spans
 * (every row, when it is steeper than 45°), the cell its centre line passes through. So a line
 * counts once per cell of its raster, costs at most `size` steps, and both ends are drawn.
 * Segments may be given in the square [lo, hi]² instead; `into` (size² cells) is cleared and reused.
 */
export function densityGrid(segments: readonly Segment[], size: number, lo = 0, hi = 1, into?: Uint16Array): { counts: Uint16Array; max: number } {
  const counts = into ? into.fill(0) : new Uint16Array(size * size);
  for (const [[x1, y1], [x2, y2]] of segments) rasterise(counts, size, lo, hi, x1, y1, x2, y2, 1);
  return { counts, max: maxOf(counts) };
}

function maxOf(counts: Uint16Array): number {
  let max = 0;
  for (let i = 0; i < counts.length; i++) if (counts[i] > max) max = counts[i];
  return max;
}

/** Adds `sign` (1 or -1) to every cell of one segment's raster. */
function rasterise(counts: Uint16Array, size: number, lo: number, hi: number, x1: number, y1: number, x2: number, y2: number, sign: 1 | -1): void {
  const k = size / (hi - lo);
  const top = size - 1;
  // Cell units, rows from the top; u runs along the longer axis, v across it.
  const ax = (x1 - lo) * k, ay = (hi - y1) * k, bx = (x2 - lo) * k, by = (hi - y2) * k;
  const flat = Math.abs(bx - ax) >= Math.abs(by - ay);
  const au = flat ? ax : ay, av = flat ? ay : ax, bu = flat ? bx : by, bv = flat ? by : bx;
  const uStride = flat ? 1 : size, vStride = flat ? size : 1;
  const from = au < bu ? au : bu, to = au < bu ? bu : au;
  const slope = bu !== au ? (bv - av) / (bu - au) : 0;
  const first = Math.max(0, Math.floor(from)), last = Math.min(top, Math.floor(to));
  for (let c = first; c <= last; c++) {
    // The centre line of this column, or the segment's end inside it.
    const u = c + 0.5 < from ? from : c + 0.5 > to ? to : c + 0.5;
    const r = Math.floor(av + (u - au) * slope);
    counts[c * uStride + (r < 0 ? 0 : r > top ? top : r) * vStride] += sign;
  }
}

/**
 * The density grid kept from flush to flush: each round (`begin`, then `set` for every student's
 * segment now, then `end`) re-rasterises only the lines that moved, appeared or went (a settled
 * class costs nearly nothing; a class where everyone moves costs two rasters a line). After `end`
 * its counts equal densityGrid over the round's segments. Segments are kept as numbers in one
 * array, one slot a student: a round allocates nothing, so 2,000 lines four times a second leave
 * the garbage collector nothing to promote.
 */
export class DensityRaster {
  readonly counts: Uint16Array;
  private slots = new Map<string, number>();
  private coords = new Float64Array(256);
  private seen = new Uint32Array(64);
  private free: number[] = [];
  private round = 0;
  private dirty = true;
  private max = 0;
  constructor(readonly size: number, readonly lo = 0, readonly hi = 1) {
    this.counts = new Uint16Array(size * size);
  }

  /** Starts a round: a line not `set` again before `end` is taken away. */
  begin(): void {
    this.round++;
    this.dirty = false;
  }

  /** Whether the last round moved, added or took away a line (if not, the counts are as before: nothing to redraw). */
  get changed(): boolean {
    return this.dirty;
  }

  /** The densest cell's count after the last round (what `end` returned). */
  get densest(): number {
    return this.max;
  }

  /** This student's segment, from (x1, y1) to (x2, y2). */
  set(id: string, x1: number, y1: number, x2: number, y2: number): void {
    const { counts, size, lo, hi } = this;
    let slot = this.slots.get(id);
    if (slot === undefined) {
      slot = this.free.pop() ?? this.slots.size;
      this.grow(slot);
      this.slots.set(id, slot);
    } else {
      const c = this.coords, k = slot * 4;
      if (this.seen[slot] === this.round) return; // set twice in a round: the first counts
      this.seen[slot] = this.round;
      if (c[k] === x1 && c[k + 1] === y1 && c[k + 2] === x2 && c[k + 3] === y2) return;
      rasterise(counts, size, lo, hi, c[k], c[k + 1], c[k + 2], c[k + 3], -1);
    }
    this.seen[slot] = this.round;
    this.dirty = true;
    const c = this.coords, k = slot * 4;
    c[k] = x1;
    c[k + 1] = y1;
    c[k + 2] = x2;
    c[k + 3] = y2;
    rasterise(counts, size, lo, hi, x1, y1, x2, y2, 1);
  }

  /** Ends the round, taking away the lines it did not set; returns the densest cell's count. */
  end(): number {
    const { counts, size, lo, hi, coords: c } = this;
    for (const [id, slot] of this.slots) {
      if (this.seen[slot] === this.round) continue;
      const k = slot * 4;
      rasterise(counts, size, lo, hi, c[k], c[k + 1], c[k + 2], c[k + 3], -1);
      this.slots.delete(id);
      this.free.push(slot);
      this.dirty = true;
    }
    if (this.dirty) this.max = maxOf(counts);
    return this.max;
  }

  private grow(slot: number): void {
    if (slot < this.seen.length) return;
    const seen = new Uint32Array(this.seen.length * 2);
    seen.set(this.seen);
    this.seen = seen;
    const coords = new Float64Array(seen.length * 4);
    coords.set(this.coords);
    this.coords = coords;
  }
}

/** Opacity 0..255 for a count: logarithmic, so one line stays visible and agreement stands out. */
export function densityOpacity(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.round(255 * (0.18 + 0.82 * (Math.log1p(count) / Math.log1p(max))));
}

/**
 * The grid as RGBA pixels in one colour, each cell's alpha its densityOpacity: one table of whole
 * pixels per picture (not a logarithm per cell), written four bytes at a time into `into` (4 bytes
 * a cell) when given.
 */
export function densityPixels(counts: Uint16Array, max: number, [r, g, b]: readonly [number, number, number], into?: Uint8ClampedArray): Uint8ClampedArray {
  const table = new Uint32Array(max + 1);
  const bytes = new Uint8Array(table.buffer); // the table's pixels in memory order, whatever the platform's byte order
  for (let c = 1; c <= max; c++) {
    bytes[c * 4] = r;
    bytes[c * 4 + 1] = g;
    bytes[c * 4 + 2] = b;
    bytes[c * 4 + 3] = densityOpacity(c, max);
  }
  const px = into ?? new Uint8ClampedArray(counts.length * 4);
  const out = new Uint32Array(px.buffer, px.byteOffset, counts.length);
  for (let i = 0; i < counts.length; i++) out[i] = table[counts[i]];
  return px;
}

const SEGMENT = new Float64Array(4);

/**
 * Every student's decision line as its segment across [lo, hi]², packed as numbers: tile i's ends
 * are `coords[4i .. 4i+3]` (x1, y1, x2, y2), or NaN at `coords[4i]` when it has no line across the
 * square. One pass over the class a flush, shared by the overlay's counts and its density.
 */
export function packSegments(tiles: readonly BoardTile[], lo: number, hi: number): Float64Array {
  const coords = new Float64Array(tiles.length * 4);
  for (let i = 0; i < tiles.length; i++) {
    const l = lineOf(tiles[i]);
    if (l && segmentInBox(l.w[0], l.w[1], l.b, lo, hi, SEGMENT)) coords.set(SEGMENT, i * 4);
    else coords[i * 4] = NaN;
  }
  return coords;
}

/**
 * One round over the class packed as numbers (packSegments; what the board's density worker
 * receives): student i is `ids[i]` with the segment at `coords[4i .. 4i+3]`, skipped when NaN.
 * Returns whether the picture changed.
 */
export function densityRound(raster: DensityRaster, ids: readonly string[], coords: Float64Array): boolean {
  raster.begin();
  for (let i = 0, k = 0; i < ids.length; i++, k += 4) {
    if (!Number.isNaN(coords[k])) raster.set(ids[i], coords[k], coords[k + 1], coords[k + 2], coords[k + 3]);
  }
  raster.end();
  return raster.changed;
}
