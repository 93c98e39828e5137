import { describe, expect, it } from "vitest";
import { completionSteps, elapsedTicks, elapsedUnit } from "./dashboard-time";

describe("completion time axis", () => {
  it("uses seconds, minutes, hours or days by span", () => {
    expect(elapsedUnit(90_000)).toBe("s");
    expect(elapsedUnit(40 * 60_000)).toBe("min");
    expect(elapsedUnit(20 * 3_600_000)).toBe("h");
    expect(elapsedUnit(10 * 86_400_000)).toBe("day");
  });

  it("ticks at whole steps from zero, never more than asked", () => {
    expect(elapsedTicks(40 * 60_000).values).toEqual([0, 10, 20, 30, 40]);
    expect(elapsedTicks(40 * 60_000).unit).toBe("min");
    expect(elapsedTicks(60_000).values).toEqual([0, 15, 30, 45, 60]);
    const long = elapsedTicks(400 * 86_400_000);
    expect(long.values.length).toBeLessThanOrEqual(6);
    expect(long.values[0]).toBe(0);
    expect(elapsedTicks(0).values).toEqual([0]);
  });

  it("draws a late solve from its bucket's start and runs every line to the end", () => {
    const pts = [{ t: 0, solved: 0 }, { t: 10, solved: 0 }, { t: 20, solved: 0 }, { t: 30, solved: 5 }];
    expect(completionSteps(pts, 33)).toEqual([{ t: 0, solved: 0 }, { t: 20, solved: 5 }, { t: 33, solved: 5 }]);
    expect(completionSteps([{ t: 0, solved: 0 }, { t: 10, solved: 2 }, { t: 20, solved: 3 }], 20))
      .toEqual([{ t: 0, solved: 0 }, { t: 0, solved: 2 }, { t: 10, solved: 3 }, { t: 20, solved: 3 }]);
    expect(completionSteps([], 5)).toEqual([]);
  });
});
