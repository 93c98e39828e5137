import { interpolateRdBu as d3RdBu } from "d3-scale-chromatic";
import { describe, expect, it } from "vitest";
import { interpolateRdBu } from "./rdbu";

describe("interpolateRdBu", () => {
  it("draws the same colours as d3-scale-chromatic across [0, 1] and beyond it", () => {
    for (let k = -5; k <= 1005; k++) expect(interpolateRdBu(k / 1000), String(k)).toBe(d3RdBu(k / 1000));
  });
});
