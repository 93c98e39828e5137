import { describe, expect, it } from "vitest";
import { RECONNECT_CAP_MS, RECONNECT_FLOOR_MS, reconnectDelay } from "./reconnect";
import { makeRng } from "../nn/random";

/** When each of n clients, all dropped at t=0, is back if the server answers again from `upAt` ms. */
function simulate(n: number, upAt: number, rand: () => number): number[] {
  const back: number[] = [];
  for (let c = 0; c < n; c++) {
    let t = 0;
    for (let attempt = 0; ; attempt++) {
      t += reconnectDelay(attempt, rand());
      if (t >= upAt) break;
    }
    back.push(t);
  }
  return back;
}

describe("reconnectDelay", () => {
  it("stays between the floor and a ceiling that doubles up to the cap", () => {
    expect(reconnectDelay(0, 0)).toBe(RECONNECT_FLOOR_MS);
    expect(reconnectDelay(0, 0.999999)).toBeLessThanOrEqual(1000);
    expect(reconnectDelay(1, 0.999999)).toBeLessThanOrEqual(2000);
    expect(reconnectDelay(50, 0.999999)).toBeLessThanOrEqual(RECONNECT_CAP_MS);
    expect(reconnectDelay(50, 0)).toBe(RECONNECT_FLOOR_MS);
  });

  it("brings 2,000 students back within the cap of the server's return, spread out, not on one beat", () => {
    const rng = makeRng(42);
    const rand = () => rng.uniform();
    for (const upAt of [1500, 5000, 22_000]) {
      const back = simulate(2000, upAt, rand);
      expect(Math.max(...back) - upAt).toBeLessThanOrEqual(RECONNECT_CAP_MS);
      // No 100 ms slot takes more than a small share of the class (a fixed beat would put them all in one).
      const slots = new Map<number, number>();
      for (const t of back) slots.set(Math.floor((t - upAt) / 100), (slots.get(Math.floor((t - upAt) / 100)) ?? 0) + 1);
      expect(Math.max(...slots.values())).toBeLessThan(2000 * 0.08);
    }
  });
});
