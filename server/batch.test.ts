import { describe, expect, it } from "vitest";
import { batcher } from "./batch";

describe("batcher", () => {
  it("groups a burst into few runs and answers each caller with its own result", async () => {
    const runs: number[][] = [];
    const double = batcher<number, number>(async (xs) => {
      runs.push(xs);
      await new Promise((r) => setTimeout(r, 5));
      return xs.map((x) => x * 2);
    });
    const out = await Promise.all(Array.from({ length: 100 }, (_, i) => double(i)));
    expect(out).toEqual(Array.from({ length: 100 }, (_, i) => i * 2));
    expect(runs.length).toBe(1);
    // While a run is busy, newcomers wait for the next one together.
    const first = double(1);
    await new Promise((r) => setImmediate(r));
    const later = [double(2), double(3), double(4)];
    expect(await first).toBe(2);
    expect(await Promise.all(later)).toEqual([4, 6, 8]);
    expect(runs.slice(1)).toEqual([[1], [2, 3, 4]]);
  });

  it("rejects only the items that failed, and every item when the run throws", async () => {
    const f = batcher<number, number>(async (xs) => xs.map((x) => (x < 0 ? new Error("neg") : x)));
    await expect(Promise.all([f(1), f(-1).catch((e: Error) => e.message)])).resolves.toEqual([1, "neg"]);
    const g = batcher<number, number>(async () => {
      throw new Error("down");
    });
    await expect(g(1)).rejects.toThrow("down");
    expect(await f(5)).toBe(5);
  });

  it("splits a queue longer than the maximum batch", async () => {
    const sizes: number[] = [];
    const f = batcher<number, number>(async (xs) => (sizes.push(xs.length), xs), 10);
    await Promise.all(Array.from({ length: 25 }, (_, i) => f(i)));
    expect(sizes).toEqual([10, 10, 5]);
  });
});
