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

describe("batcher with a gathering time", () => {
  const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it("lets a request after a quiet spell go at once, and gathers requests that stream in", async () => {
    const runs: number[][] = [];
    const f = batcher<number, number>(async (xs) => (runs.push(xs), xs), 500, 200);
    // Quiet: the first request runs on the next tick, not after the gathering time.
    const t0 = performance.now();
    expect(await f(0)).toBe(0);
    expect(performance.now() - t0).toBeLessThan(150);
    // Streaming: one request every 5 ms for 200 ms. Without gathering each would be its own run.
    const pending: Promise<number>[] = [];
    for (let i = 1; i <= 40; i++) {
      pending.push(f(i));
      await tick(5);
    }
    expect(await Promise.all(pending)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(runs.flat()).toEqual(Array.from({ length: 41 }, (_, i) => i));
    expect(runs.length).toBeLessThanOrEqual(6);
  });

  it("without a gathering time, the same stream runs one request at a time", async () => {
    const runs: number[][] = [];
    const f = batcher<number, number>(async (xs) => (runs.push(xs), xs));
    const pending: Promise<number>[] = [];
    for (let i = 0; i < 20; i++) {
      pending.push(f(i));
      await tick(5);
    }
    await Promise.all(pending);
    expect(runs.length).toBe(20);
  });
});
