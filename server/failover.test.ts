// Losing a node behind the real balancer (HAProxy as docs/deploy.md configures it), on PostgreSQL and
// Redis: kill -9 of the node that has half the students and the instructor's first board. Its
// students who come back are on the survivor, both open boards (also the one whose node died) stop
// showing the absent ones online, submissions are stored once and the next push reaches everyone.
// The bounds are generous (a loaded machine); bench/failover.ts prints the figures at any size.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgresBackend, startServer, type Backend, type RunningServer } from "./testing/server";
import { haproxyMissing, startBalancer, type Balancer } from "./testing/balancer";
import { port } from "./testing/throwaway";
import { loseANode } from "./testing/failover";

const pgUrl = process.env.TEST_DATABASE_URL;
const redisUrl = process.env.TEST_REDIS_URL;
const why = !pgUrl ? "set TEST_DATABASE_URL" : !redisUrl ? "set TEST_REDIS_URL" : haproxyMissing();
if (why) console.warn(`[skip] losing a node behind HAProxy: ${why}`);

describe.skipIf(why !== null)("losing a node behind HAProxy", () => {
  let backend: Backend;
  let a: RunningServer;
  let b: RunningServer;
  let lb: Balancer;

  beforeAll(async () => {
    backend = await postgresBackend(pgUrl!);
    a = await startServer(backend, { REDIS_URL: redisUrl! });
    b = await startServer(backend, { REDIS_URL: redisUrl! });
    lb = await startBalancer(await port(80), [a.port, b.port]);
  }, 240_000);
  afterAll(async () => {
    await lb?.stop();
    await a?.stop();
    await b?.stop();
    await backend?.dispose();
  });

  it("moves the dead node's students to the survivor and corrects the open boards", async () => {
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
