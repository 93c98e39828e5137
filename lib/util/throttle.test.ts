import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { perSecond, throttleLatest } from "./throttle";

describe("throttleLatest", () => {
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => vi.useRealTimers());

  it("sends the first value at once and the newest held one when the interval ends", () => {
    const sent: number[] = [];
    const th = throttleLatest((v: number) => sent.push(v), 200);
    th.push(1);
    expect(sent).toEqual([1]);
    th.push(2);
    th.push(3);
    vi.advanceTimersByTime(199);
    expect(sent).toEqual([1]);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([1, 3]);
    vi.advanceTimersByTime(1000);
    expect(sent).toEqual([1, 3]);
  });

  it("never sends more than 5 a second however fast values come", () => {
    const times: number[] = [];
    const th = throttleLatest(() => times.push(Date.now()), perSecond(5));
    for (let t = 0; t < 3000; t += 16) {
      th.push(t);
      vi.advanceTimersByTime(16);
    }
    vi.advanceTimersByTime(500);
    for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(200);
    expect(times.length).toBeLessThanOrEqual(16);
    expect(times.length).toBeGreaterThanOrEqual(14);
  });

  it("sends at once again after a quiet interval", () => {
    const sent: string[] = [];
    const th = throttleLatest((v: string) => sent.push(v), 200);
    th.push("a");
    vi.advanceTimersByTime(500);
    th.push("b");
    expect(sent).toEqual(["a", "b"]);
  });

  it("cancel drops the held value", () => {
    const sent: number[] = [];
    const th = throttleLatest((v: number) => sent.push(v), 200);
    th.push(1);
    th.push(2);
    th.cancel();
    vi.advanceTimersByTime(1000);
    expect(sent).toEqual([1]);
  });

  it("refuses a non-positive interval", () => {
    expect(() => throttleLatest(() => {}, 0)).toThrow(RangeError);
  });
});
