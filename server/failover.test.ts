// Losing a node behind the real balancer (HAProxy as docs/deploy.md configures it), on PostgreSQL and
// Redis: kill -9 of the node that has half the students and the instructor's first board. Its
// students who come back are on the survivor, both open boards (also the one whose node died) stop
// showing the absent ones online, submissions are stored once and the next push reaches everyone.
// The bounds are generous (a loaded machine); bench/failover.ts prints the figures at any size.
import { describe, expect, it } from "vitest";
import { nodesMissing, startNodes } from "./testing/world";
import { loseANode } from "./testing/failover";

const why = nodesMissing();
if (why) console.warn(`[skip] losing a node behind HAProxy: ${why}`);

describe.skipIf(why !== null)("losing a node behind HAProxy", () => {
  const made = startNodes(80);

  it("moves the dead node's students to the survivor and corrects the open boards", async () => {
    const { lb, a, b } = made;
    const f = await loseANode({ lb, a, b, demo: a.demo!, students: 20, leaving: 4, limitMs: 30_000, log: (l) => console.log(`[failover] ${l}`) });
    console.log(`[failover] ${JSON.stringify(f)}`);
    expect(f.disconnectedByKill).toBe(10); // exactly node A's half: the balancer kept each on its node
    expect(f.backMs).not.toBeNull();
    expect(f.backMs!).toBeLessThan(15_000);
    expect(f.boardSurvivorMs).not.toBeNull();
    expect(f.boardSurvivorMs!).toBeLessThan(15_000);
    expect(f.boardOfDeadNodeMs).not.toBeNull();
    expect(f.boardOfDeadNodeMs!).toBeLessThan(15_000);
    expect(f.submissionsAcked).toBe(20);
    expect(f.submissionsStored).toBe(20);
    expect(f.pushReached).toBe(f.pushExpected);
    expect(f.pushExpected).toBe(16);
  }, 120_000);
});
