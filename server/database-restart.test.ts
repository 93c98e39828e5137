// PostgreSQL restarted in the middle of a lecture, with 20 students on two nodes behind the real
// balancer (HAProxy as docs/deploy.md configures it) and Redis: nobody is disconnected, every
// student is told a submission made while it was down is not stored yet, every one of them is
// stored once when it is back, and the next push reaches everyone. The PostgreSQL is the test's
// own (server/testing/throwaway.ts). bench/database-restart.ts prints the figures at any size.
import { describe, expect, it } from "vitest";
import { haproxyMissing } from "./testing/balancer";
import { missing } from "./testing/throwaway";
import { databaseRestartOnTwoNodes } from "./testing/database-restart";

const redisUrl = process.env.TEST_REDIS_URL;
const why = haproxyMissing() ?? missing() ?? (redisUrl ? null : "TEST_REDIS_URL is not set");
if (why) console.warn(`[skip] PostgreSQL restarted under two nodes: ${why}`);

describe.skipIf(why !== null)("PostgreSQL restarted under a lecture on two nodes", () => {
  it("keeps everyone connected, tells them, and stores every kept submission once when it is back", async () => {
    const f = await databaseRestartOnTwoNodes({ students: 20, downMs: 3000, redisUrl: redisUrl!, portOffset: 92, log: (l) => console.log(`[db-restart] ${l}`) });
    console.log(`[db-restart] ${JSON.stringify(f)}`);
    expect(f.ackedBefore).toBe(20);
    expect(f.healthDownMs).not.toBeNull(); // the instructor's banner says the database is away
    expect(f.toldUnavailable).toBe(20);
    expect(f.otherAnswers).toEqual({});
    expect(f.disconnects).toBe(0); // nobody had to reload
    expect(f.healthUpMs).not.toBeNull();
    expect(f.allResentAckedMs).not.toBeNull();
    expect(f.resentAcked).toBe(20);
    expect(f.pushReached).toBe(20);
    expect(f.stored).toBe(40); // 20 before, 20 kept and resent: each once
  }, 300_000);
});
