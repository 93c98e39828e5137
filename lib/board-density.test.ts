import { describe, expect, it } from "vitest";
import { densityGrid, densityOpacity } from "./board-density";

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
