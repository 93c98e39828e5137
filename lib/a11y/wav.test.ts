import { describe, expect, it } from "vitest";
import { decodeWav, dominantFrequency, encodeWav } from "./wav";

describe("wav", () => {
  it("round-trips two channels and finds a tone's frequency", () => {
    const rate = 8000;
    const tone = Float32Array.from({ length: 4000 }, (_, i) => 0.5 * Math.sin((2 * Math.PI * 440 * i) / rate));
    const back = decodeWav(encodeWav([tone, tone.map((v) => -v)], rate));
    expect(back.sampleRate).toBe(rate);
    expect(back.channels[1][100]).toBeCloseTo(-tone[100], 3);
    expect(dominantFrequency(back.channels[0], rate)).toBe(440);
    expect(dominantFrequency(tone.map((_, i) => Math.sin((2 * Math.PI * 660 * i) / rate)), rate)).toBe(660);
  });
});
