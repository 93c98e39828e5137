import { describe, expect, it } from "vitest";
import { ACTIVATIONS, resolveParams } from "../nn/activations";
import { makeRng } from "../nn/random";
import { ACTIVATION_IDS } from "../nn/activations";
import { activatedImageBytes, applyToImage, centredSamples, histogram, imagePanels, imageToCentredGray, toDisplayBytes } from "./samples";

const rgbaFromReds = (reds: number[]) => {
  const px = new Uint8ClampedArray(reds.length * 4);
  reds.forEach((r, i) => px.set([r, 255 - r, 7, 255], 4 * i)); // green/blue must be ignored
  return px;
};

describe("centredSamples", () => {
  it("is the seed's uniform draws minus their mean", () => {
    const xs = centredSamples(5);
    expect(xs).toHaveLength(1000);
    const rng = makeRng(5);
    const raw = Array.from({ length: 1000 }, () => rng.uniform());
    const mean = raw.reduce((a, b) => a + b, 0) / 1000;
    expect(xs[0]).toBeCloseTo(raw[0] - mean, 14);
    expect(xs[999]).toBeCloseTo(raw[999] - mean, 14);
    expect(Math.abs(xs.reduce((a, b) => a + b, 0))).toBeLessThan(1e-10);
    expect(Math.max(...xs) - Math.min(...xs)).toBeLessThan(1);
    expect(centredSamples(5)).toEqual(xs);
    expect(centredSamples(6, 10)).toHaveLength(10);
  });
});

describe("histogram", () => {
  it("counts every value into equal bins over [min, max], the max in the last bin", () => {
    const h = histogram([0, 0.1, 0.25, 0.5, 0.99, 1], 4);
    expect(h.map((b) => b.count)).toEqual([2, 1, 1, 2]);
    expect(h[0]).toEqual({ x0: 0, x1: 0.25, count: 2 });
    expect(h[3].x1).toBe(1);
  });
  it("puts values on an edge into the bin that starts there", () => {
    expect(histogram([0, 1, 2, 3, 4], 4).map((b) => b.count)).toEqual([1, 1, 1, 2]);
  });
  it("conserves the count of 1000 centred samples in 100 bins, bins in agreement with edges", () => {
    const xs = centredSamples(1);
    const h = histogram(xs, 100);
    expect(h).toHaveLength(100);
    expect(h.reduce((a, b) => a + b.count, 0)).toBe(1000);
    for (const b of h) expect(xs.filter((v) => v >= b.x0 && (v < b.x1 || b === h[99])).length).toBe(b.count);
  });
  it("drops values outside a given domain and ignores NaN", () => {
    const h = histogram([-5, 0, 0.5, 1, 7, Number.NaN], 2, [0, 1]);
    expect(h.map((b) => b.count)).toEqual([1, 2]);
  });
  it("does not crash when all values are equal or there are none", () => {
    const h = histogram(new Float64Array(50).fill(3), 10);
    expect(h[0].x0).toBe(2.5);
    expect(h[9].x1).toBe(3.5);
    expect(h.reduce((a, b) => a + b.count, 0)).toBe(50);
    expect(h[5].count).toBe(50);
    expect(histogram([], 5).every((b) => b.count === 0)).toBe(true);
    expect(() => histogram([1], 0)).toThrow(RangeError);
    expect(() => histogram([1], 3, [2, 1])).toThrow(RangeError);
  });
});

describe("images", () => {
  it("centres the red channel on its median (odd count)", () => {
    const g = imageToCentredGray(rgbaFromReds([0, 51, 102, 255, 204, 153, 0, 0, 255]), 3, 3);
    // sorted reds: 0 0 0 51 102 153 204 255 255 -> median 102
    expect(g[0]).toBeCloseTo(-0.4, 6);
    expect(g[2]).toBe(0);
    expect(g[3]).toBeCloseTo(153 / 255, 6);
    expect(g).toBeInstanceOf(Float32Array);
  });
  it("uses the mean of the two middle values for an even count (4x4)", () => {
    const reds = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120, 130, 140, 150, 160];
    const g = imageToCentredGray(rgbaFromReds(reds), 4, 4);
    const median = (80 / 255 + 90 / 255) / 2;
    reds.forEach((r, i) => expect(g[i]).toBeCloseTo(r / 255 - median, 6));
    expect(g.filter((v) => v < 0)).toHaveLength(8);
  });
  it("checks the buffer size", () => {
    expect(() => imageToCentredGray(new Uint8ClampedArray(15), 2, 2)).toThrow(RangeError);
  });
  it("applies the activation per pixel", () => {
    const g = new Float32Array([-1, 0, 0.5, 2]);
    const out = applyToImage(ACTIVATIONS.sigmoid, resolveParams(ACTIVATIONS.sigmoid), g);
    expect(Array.from(out)).toEqual(Array.from(g, (v) => Math.fround(1 / (1 + Math.exp(-v)))));
    const step = applyToImage(ACTIVATIONS.step, resolveParams(ACTIVATIONS.step), g);
    expect(Array.from(step)).toEqual([0, 1, 1, 1]);
  });
});

describe("toDisplayBytes", () => {
  it("min-max scales to gray RGBA like imshow", () => {
    const b = toDisplayBytes(new Float32Array([-1, 0, 1, 0.5]));
    expect(Array.from(b.slice(0, 4))).toEqual([0, 0, 0, 255]);
    expect(Array.from(b.slice(4, 8))).toEqual([128, 128, 128, 255]);
    expect(Array.from(b.slice(8, 12))).toEqual([255, 255, 255, 255]);
    expect(b[12]).toBe(192);
  });
  it("clips to a given domain and handles flat images and NaN", () => {
    const b = toDisplayBytes(new Float32Array([-2, 0.25, 3]), [0, 1]);
    expect([b[0], b[4], b[8]]).toEqual([0, 64, 255]);
    expect(Array.from(toDisplayBytes(new Float32Array([4, 4])))).toEqual([0, 0, 0, 255, 0, 0, 0, 255]);
    const n = toDisplayBytes(new Float32Array([0, Number.NaN, 1]));
    expect(n[7]).toBe(0);
    expect(n[11]).toBe(255);
  });
});

describe("imagePanels", () => {
  it.each(ACTIVATION_IDS)("equals the per-pixel path for %s", (id) => {
    const rng = makeRng(id.length);
    const w = 37, h = 23;
    const px = new Uint8ClampedArray(w * h * 4);
    // reds only in 60..159, so scaling over "all 256 byte values" would show
    for (let i = 0; i < px.length; i++) px[i] = (i % 4 === 0 ? 60 : 0) + Math.floor(rng.uniform() * (i % 4 === 0 ? 100 : 256));
    const act = ACTIVATIONS[id];
    const p = resolveParams(act);
    const gray = imageToCentredGray(px, w, h);
    const activated = applyToImage(act, p, gray);
    const r = imagePanels(act, p, px, w, h);
    expect(r.gray).toEqual(gray);
    expect(r.activated).toEqual(activated);
    expect(r.grayBytes).toEqual(toDisplayBytes(gray));
    expect(r.activatedBytes).toEqual(toDisplayBytes(activated));
    // what a slider move redraws alone: the same bytes
    expect(activatedImageBytes(act, p, px, w, h)).toEqual(r.activatedBytes);
  });
  it("draws a flat image black", () => {
    const px = new Uint8ClampedArray(16).fill(90);
    const r = imagePanels(ACTIVATIONS.tanh, resolveParams(ACTIVATIONS.tanh), px, 2, 2);
    expect(Array.from(r.gray)).toEqual([0, 0, 0, 0]);
    expect(Array.from(r.grayBytes)).toEqual([0, 0, 0, 255, 0, 0, 0, 255, 0, 0, 0, 255, 0, 0, 0, 255]);
  });
});
