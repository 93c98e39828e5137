import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { lineInBox } from "./tile-lines";
import { DensityRaster, densityGrid, densityOpacity, densityPixels, densityRound, packSegments } from "./board-density";
import type { BoardTile } from "../live/session-protocol";

describe("density grid", () => {
  it("counts each line once per cell it crosses", () => {
    const { counts, max } = densityGrid([[[0, 0.5], [1, 0.5]], [[0, 0.5], [1, 0.5]]], 4);
    // y = 0.5 falls on row 2 of 4 (rows counted from the top).
    expect([...counts.slice(8, 12)]).toEqual([2, 2, 2, 2]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(8);
    expect(max).toBe(2);
  });

  it("follows a diagonal through the cells it crosses", () => {
    const { counts } = densityGrid([[[0, 0], [1, 1]]], 4);
    for (let i = 0; i < 4; i++) expect(counts[(3 - i) * 4 + i]).toBe(1);
  });

  it("keeps one line visible and the densest cell opaque", () => {
    expect(densityOpacity(0, 10)).toBe(0);
    expect(densityOpacity(1, 2000)).toBeGreaterThan(40);
    expect(densityOpacity(2000, 2000)).toBe(255);
  });
});

describe("density grid raster", () => {
  const point = fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }));
  const SIZE = 24;

  it("draws a connected one-cell-wide line: one cell per column (or row) it spans, each near the line", () => {
    fc.assert(fc.property(point, point, (a, b) => {
      const { counts } = densityGrid([[a, b]], SIZE);
      const cells = [...counts.keys()].filter((i) => counts[i] > 0).map((i) => [i % SIZE, Math.floor(i / SIZE)] as const);
      // One per column (or per row, for a steep line; at 45° rounding may pick either).
      const perColumn = new Set(cells.map(([c]) => c)).size === cells.length;
      const perRow = new Set(cells.map(([, r]) => r)).size === cells.length;
      expect(perColumn || perRow).toBe(true);
      for (const [c, r] of cells) {
        const centre: [number, number] = [(c + 0.5) / SIZE, 1 - (r + 0.5) / SIZE];
        expect(distanceToSegment(centre, a, b)).toBeLessThanOrEqual(Math.SQRT2 / SIZE);
      }
      // Both ends are drawn: each lies in, or on the edge of, a counted cell.
      const centres = cells.map(([c, r]): [number, number] => [(c + 0.5) / SIZE, 1 - (r + 0.5) / SIZE]);
      for (const end of [a, b]) {
        expect(Math.min(...centres.map((p) => Math.max(Math.abs(p[0] - end[0]), Math.abs(p[1] - end[1]))))).toBeLessThanOrEqual(0.5 / SIZE + 1e-9);
      }
    }));
  });
});

function distanceToSegment(p: [number, number], a: [number, number], b: [number, number]): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const len = dx * dx + dy * dy;
  const t = len ? Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len)) : 0;
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

describe("density grid buffers", () => {
  it("draws the same picture from segments in another square, into a reused buffer", () => {
    const unit = densityGrid([[[0, 0.25], [1, 0.75]], [[0.5, 0], [0.5, 1]]], 12);
    const into = new Uint16Array(144).fill(9);
    const boxed = densityGrid([[[-0.25, 0.125], [1.25, 0.875]], [[0.5, -0.25], [0.5, 1.25]]], 12, -0.25, 1.25, into);
    expect(boxed.counts).toBe(into);
    expect([...boxed.counts]).toEqual([...unit.counts]);
    expect(boxed.max).toBe(unit.max);
  });
});

describe("density pixels", () => {
  it("colours each cell with its count's opacity and leaves empty cells clear", () => {
    const counts = Uint16Array.from([0, 1, 5, 20]);
    const px = densityPixels(counts, 20, [1, 2, 3]);
    expect([...px.slice(0, 4)]).toEqual([0, 0, 0, 0]);
    for (let i = 1; i < 4; i++) expect([...px.slice(i * 4, i * 4 + 4)]).toEqual([1, 2, 3, densityOpacity(counts[i], 20)]);
    // Reused: a cell that has emptied since is clear again.
    const again = densityPixels(Uint16Array.from([0, 0, 5, 20]), 20, [1, 2, 3], px);
    expect(again).toBe(px);
    expect(px[7]).toBe(0);
  });
});

describe("density raster kept across flushes", () => {
  const coord = fc.double({ min: 0, max: 1, noNaN: true });
  const segment = fc.tuple(fc.tuple(coord, coord), fc.tuple(coord, coord));
  // A flush: some of ids a..f with a segment each; a student keeps the previous one by repeating it.
  const flush = fc.dictionary(fc.constantFrom("a", "b", "c", "d", "e", "f"), fc.oneof(segment, fc.constant("same" as const)));

  it("says a round changed nothing only when every line stayed put", () => {
    const raster = new DensityRaster(8);
    raster.begin();
    raster.set("a", 0, 0, 1, 1);
    raster.end();
    expect(raster.changed).toBe(true);
    raster.begin();
    raster.set("a", 0, 0, 1, 1);
    expect(raster.end()).toBe(1);
    expect(raster.changed).toBe(false);
    raster.begin();
    raster.end(); // "a" went
    expect(raster.changed).toBe(true);
  });

  it("always equals the grid drawn afresh from the current lines, however lines move, come and go", () => {
    fc.assert(fc.property(fc.array(flush, { minLength: 1, maxLength: 8 }), (flushes) => {
      const raster = new DensityRaster(16);
      let current = new Map<string, readonly [readonly [number, number], readonly [number, number]]>();
      for (const f of flushes) {
        const next = new Map<string, readonly [readonly [number, number], readonly [number, number]]>();
        for (const [id, s] of Object.entries(f)) {
          const seg = s === "same" ? current.get(id) : s;
          if (seg) next.set(id, [[...seg[0]], [...seg[1]]]); // a new object each flush, as the board's are: equal values count as unchanged
        }
        const before = [...raster.counts];
        raster.begin();
        for (const [id, [[x1, y1], [x2, y2]]] of next) raster.set(id, x1, y1, x2, y2);
        const max = raster.end();
        const fresh = densityGrid([...next.values()], 16);
        expect([...raster.counts]).toEqual([...fresh.counts]);
        expect(max).toBe(fresh.max);
        // A round that says nothing changed left every count as it was (the board skips the redraw).
        if (!raster.changed) expect([...raster.counts]).toEqual(before);
        current = next;
      }
    }));
  });

  it("a packed round (what the board's worker gets) draws the same picture; NaN is a student without a line", () => {
    const maybe = fc.option(segment, { nil: null });
    fc.assert(fc.property(fc.array(fc.array(maybe, { minLength: 6, maxLength: 6 }), { minLength: 1, maxLength: 5 }), (rounds) => {
      const ids = ["a", "b", "c", "d", "e", "f"];
      const raster = new DensityRaster(16);
      for (const round of rounds) {
        const coords = new Float64Array(ids.length * 4).fill(NaN);
        round.forEach((seg, i) => seg && coords.set([seg[0][0], seg[0][1], seg[1][0], seg[1][1]], i * 4));
        const before = [...raster.counts];
        const changed = densityRound(raster, ids, coords);
        const fresh = densityGrid(round.filter((seg) => seg !== null), 16);
        expect([...raster.counts]).toEqual([...fresh.counts]);
        expect(raster.densest).toBe(fresh.max);
        if (!changed) expect([...raster.counts]).toEqual(before);
      }
    }));
  });

  it("packs each student's segment across the square, NaN for a student without one", () => {
    const tile = (userId: string, line: { w: [number, number]; b: number } | null): BoardTile => ({
      userId, nickname: userId, online: true, status: "working", result: null,
      progress: line && { type: "GATE", gate: "AND", lr: 0.1, epochs: 10, seed: 1, epoch: 5, accuracy: 1, ...line },
    });
    const crossing = { w: [1, 1] as [number, number], b: -1.5 };
    const missing = { w: [1, 1] as [number, number], b: -10 }; // x1 + x2 = 10: far outside
    const coords = packSegments([tile("a", crossing), tile("b", null), tile("c", missing)], -0.25, 1.25);
    expect(coords).toHaveLength(12);
    const [[x1, y1], [x2, y2]] = lineInBox(crossing.w, crossing.b, -0.25, 1.25)!;
    expect([...coords.slice(0, 4)]).toEqual([x1, y1, x2, y2]);
    expect(Number.isNaN(coords[4])).toBe(true);
    expect(Number.isNaN(coords[8])).toBe(true);
  });
});
