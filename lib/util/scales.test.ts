import { describe, expect, it } from "vitest";
import * as d3 from "d3-scale";
import { scaleLinear, scaleLog } from "./scales";

const DOMAINS: [number, number][] = [[0, 1], [-0.04, 1.04], [0, 3000], [-2.7, 4.3], [5, -5], [0.001, 0.0073], [3, 3], [-1e6, 2.5e6]];
const RANGES: [number, number][] = [[0, 260], [150, 0], [30, 330]];
const probes = (a: number, b: number) => [a, b, (a + b) / 2, a - (b - a) * 0.3, b + (b - a) * 0.7, 0, 1, -1];

describe("scales, against d3-scale", () => {
  it("maps, ticks and formats ticks as scaleLinear does", () => {
    for (const d of DOMAINS) for (const r of RANGES) for (const clamp of [false, true]) {
      const ours = scaleLinear().domain(d).range(r).clamp(clamp);
      const theirs = d3.scaleLinear().domain(d).range(r).clamp(clamp);
      for (const x of probes(...d)) expect(ours(x)).toBeCloseTo(theirs(x), 9);
      for (const n of [4, 5, 10]) {
        expect(ours.ticks(n)).toEqual(theirs.ticks(n));
        const f = ours.tickFormat(n);
        const g = theirs.tickFormat(n);
        expect(theirs.ticks(n).map(f)).toEqual(theirs.ticks(n).map(g));
      }
      expect(ours.tickFormat(5, ".0%")(0.25)).toBe(theirs.tickFormat(5, ".0%")(0.25));
      expect(ours.tickFormat(5, "~s")(2500)).toBe(theirs.tickFormat(5, "~s")(2500));
    }
  });

  it("nices the domain as scaleLinear does, and copies keep everything", () => {
    for (const d of DOMAINS) for (const n of [undefined, 5]) {
      expect(scaleLinear().domain(d).nice(n).domain()).toEqual(d3.scaleLinear().domain(d).nice(n).domain());
    }
    const s = scaleLinear().domain([-2.7, 4.3]).nice().range([150, 0]).clamp(true);
    const c = s.copy();
    expect([c.domain(), c.range(), c.clamp(), c(99), c.ticks(5)]).toEqual([s.domain(), s.range(), true, s(99), s.ticks(5)]);
    expect(c(99)).toBe(0);
  });

  it("maps as scaleLog does, clamped to its domain", () => {
    for (const top of [1, 3.7, 250]) for (const clamp of [false, true]) {
      const ours = scaleLog().domain([1e-10, top]).range([150, 0]).clamp(clamp);
      const theirs = d3.scaleLog().domain([1e-10, top]).range([150, 0]).clamp(clamp);
      for (const x of [1e-12, 1e-10, 3e-7, 0.01, 1, top, top * 10]) expect(ours(x)).toBeCloseTo(theirs(x), 9);
    }
    expect(scaleLog().domain([1e-10, 1]).range([150, 0]).clamp(true)(1e-20)).toBe(150);
  });
});
