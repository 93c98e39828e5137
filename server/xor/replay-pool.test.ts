import { describe, expect, it } from "vitest";
import { trainMlp } from "@/lib/nn/mlp";
import { gradeXorNetRun } from "@/lib/xor/xor-net-grading";
import { gradeNetRun, replayThreads } from "./replay-pool";

describe("replay pool", () => {
  it("threads: REPLAY_WORKERS when set (0 turns them off), else the cores less one (1..4)", () => {
    expect(replayThreads({ REPLAY_WORKERS: "0" })).toBe(0);
    expect(replayThreads({ REPLAY_WORKERS: "3" })).toBe(3);
    expect(replayThreads({ REPLAY_WORKERS: "nonsense" })).toBe(0);
    const auto = replayThreads({});
    expect(auto).toBeGreaterThanOrEqual(1);
    expect(auto).toBeLessThanOrEqual(4);
  });

  // From the sources (here) there is no built worker: the event loop grades. The threads are run by
  // server/xor/xor-proof.test.ts, whose server is the bundle.
  it("grades as gradeXorNetRun does (here on the event loop): solved, mismatched, invalid", async () => {
    const c = { seed: 3, lr: 2, epochs: 500, activation: "sigmoid" as const, width: 4 };
    const run = { ...c, final: trainMlp(c).final };
    const off = { ...run, final: { ...run.final, out: { ...run.final.out, b: run.final.out.b + 1 } } };
    for (const p of [run, off, { nonsense: true }]) expect(await gradeNetRun(p)).toEqual(gradeXorNetRun(p));
  });
});
