import { describe, expect, it } from "vitest";
import { ACTIVATIONS, curve, resolveParams, seedXs } from "../nn/activations";
import { crossings, F_HIGH, F_LOW, panOf, pitchOf, traceSchedule, tracePositions, TRACE_SECONDS } from "./audio-trace";

const xs = seedXs();
const of = (id: "sigmoid" | "tanh" | "relu") => curve(ACTIVATIONS[id], resolveParams(ACTIVATIONS[id]), xs);

describe("audio trace schedule", () => {
  it("pitch follows the value on a log scale, pan follows x", () => {
    expect(pitchOf(0, 0, 1)).toBe(F_LOW);
    expect(pitchOf(1, 0, 1)).toBe(F_HIGH);
    expect(pitchOf(0.5, 0, 1)).toBeCloseTo(Math.sqrt(F_LOW * F_HIGH));
    expect(pitchOf(3, 3, 3)).toBeCloseTo(Math.sqrt(F_LOW * F_HIGH));
    expect([panOf(-10, -10, 10), panOf(0, -10, 10), panOf(10, -10, 10)]).toEqual([-1, 0, 1]);
  });
  it("sigmoid: 100 notes rising in pitch from left to right over 3 s, one tick where it crosses 0.5", () => {
    const s = traceSchedule(xs, of("sigmoid").y, [0, 0.5]);
    expect(s.notes).toHaveLength(100);
    expect(s.duration).toBeCloseTo(TRACE_SECONDS);
    const f = s.notes.map((n) => n.freq!);
    expect(f.every((v, i) => i === 0 || v >= f[i - 1])).toBe(true);
    expect(f[0]).toBeCloseTo(F_LOW, 0);
    expect(f[99]).toBeCloseTo(F_HIGH, 0);
    expect(s.notes[0].pan).toBe(-1);
    expect(s.notes[99].pan).toBe(1);
    expect(s.ticks).toHaveLength(1);
    expect(xs[s.ticks[0].index]).toBeCloseTo(0, 0);
    expect(s.ticks[0].t).toBeCloseTo(1.5, 1);
  });
  it("tanh's derivative rises then falls in pitch; its ticks follow the references given", () => {
    const s = traceSchedule(xs, of("tanh").dy, [0]);
    const f = s.notes.map((n) => n.freq!);
    const top = f.indexOf(Math.max(...f));
    expect(top).toBeGreaterThan(40);
    expect(top).toBeLessThan(60);
    expect(f[10]).toBeLessThan(f[40]);
    expect(f[90]).toBeLessThan(f[60]);
    expect(s.ticks).toHaveLength(0);
    expect(traceSchedule(xs, of("tanh").y, [0]).ticks).toHaveLength(1);
  });
  it("a value that is not finite is a silent note; positions keep both ends", () => {
    const s = traceSchedule([0, 1, 2], [0, NaN, 1]);
    expect(s.notes.map((n) => n.freq === null)).toEqual([false, true, false]);
    expect(tracePositions(2000).slice(-1)).toEqual([1999]);
    expect(tracePositions(5)).toEqual([0, 1, 2, 3, 4]);
    expect(crossings([-1, 0, 1], [0, 1, 2], [0])).toEqual([1]);
  });
});
