import { describe, expect, it } from "vitest";
import { pickPaced } from "./paced";

const every = { accuracy: 100, gradient: 100, surface: 250 };

describe("pickPaced", () => {
  it("picks nothing before any interval has passed", () => {
    expect(pickPaced(150, { accuracy: 100, gradient: 60, surface: 0 }, every)).toBeNull();
  });
  it("picks the view furthest past its interval, one a frame", () => {
    const at = { accuracy: 0, gradient: 0, surface: 0 };
    expect(pickPaced(1000, at, every)).toBe("accuracy"); // 900 late, as gradient: the first listed wins
    at.accuracy = 1000;
    expect(pickPaced(1016, at, every)).toBe("gradient");
    at.gradient = 1016;
    expect(pickPaced(1032, at, every)).toBe("surface");
    at.surface = 1032;
    expect(pickPaced(1048, at, every)).toBeNull();
    expect(pickPaced(1100, at, every)).toBe("accuracy");
  });
  it("skips a view that has nothing new to draw", () => {
    expect(pickPaced(1000, { accuracy: 950, gradient: 950, surface: 0 }, every, { surface: false })).toBeNull();
    expect(pickPaced(1000, { accuracy: 950, gradient: 950, surface: 0 }, every, { surface: true })).toBe("surface");
  });
});
