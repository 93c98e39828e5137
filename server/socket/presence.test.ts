import { describe, expect, it } from "vitest";
import { memoryPresence } from "./presence";

describe("presence by connection count", () => {
  it("keeps a user with two connections online until the last one closes", async () => {
    const p = memoryPresence();
    expect(await p.add("session:1", "u")).toBe(true);
    expect(await p.add("session:1", "u")).toBe(false); // second tab: already online
    expect(await p.remove("session:1", "u")).toBe(false); // one tab closed: still online
    expect(await p.online("session:1")).toEqual(new Set(["u"]));
    expect(await p.remove("session:1", "u")).toBe(true);
    expect(await p.online("session:1")).toEqual(new Set());
    expect(await p.remove("session:1", "u")).toBe(false); // never below zero
  });

  it("counts keys apart", async () => {
    const p = memoryPresence();
    await p.add("class:a", "u");
    await p.add("class:b", "v");
    expect(await p.online("class:a")).toEqual(new Set(["u"]));
    expect(await p.online("class:b")).toEqual(new Set(["v"]));
  });
});

const redisUrl = process.env.TEST_REDIS_URL;
if (!redisUrl) console.warn("[skip] Redis presence: set TEST_REDIS_URL=redis://... to include it");

describe.skipIf(!redisUrl)("presence shared through Redis", () => {
  it("sees users on both nodes and reports offline only when the last connection anywhere closes", async () => {
    const { createClient } = await import("redis");
    const { redisPresence } = await import("./presence");
    const clients = [createClient({ url: redisUrl }), createClient({ url: redisUrl })];
    await Promise.all(clients.map((c) => c.connect()));
    const key = `session:test-${Date.now()}`;
    const a = redisPresence(clients[0] as never);
    const b = redisPresence(clients[1] as never);
    try {
      expect(await a.add(key, "u")).toBe(true);
      expect(await b.add(key, "u")).toBe(true); // b did not have u: may over-report online
      await b.add(key, "v");
      expect(await a.online(key)).toEqual(new Set(["u", "v"]));
      expect(await a.remove(key, "u")).toBe(false); // still open on node b
      expect(await b.online(key)).toEqual(new Set(["u", "v"]));
      expect(await b.remove(key, "u")).toBe(true);
      expect(await a.online(key)).toEqual(new Set(["v"]));
    } finally {
      await a.close();
      await b.close();
      await Promise.all(clients.map((c) => c.quit()));
    }
  });

  it("reports a dead node's users offline within seconds, except those connected elsewhere", async () => {
    const { createClient } = await import("redis");
    const { redisPresence, DEAD_MS, BEAT_MS } = await import("./presence");
    const clients = [createClient({ url: redisUrl }), createClient({ url: redisUrl })];
    await Promise.all(clients.map((c) => c.connect()));
    const dying = createClient({ url: redisUrl, disableOfflineQueue: true });
    dying.on("error", () => {});
    await dying.connect();
    const key = `session:dead-${Date.now()}`;
    const a = redisPresence(clients[0] as never);
    const b = redisPresence(clients[1] as never);
    const c = redisPresence(dying as never, undefined, () => dying.isReady);
    const changes: { node: string; users: string[]; online: boolean }[] = [];
    a.onChange!((k, users, online) => k === key && changes.push({ node: "a", users, online }));
    b.onChange!((k, users, online) => k === key && changes.push({ node: "b", users, online }));
    try {
      await c.add(key, "gone");
      await c.add(key, "moved");
      await b.add(key, "moved"); // reconnected to node b already
      await b.add(key, "stays");
      expect(await a.online(key)).toEqual(new Set(["gone", "moved", "stays"]));
      // Node c stops answering (as after kill -9: no goodbye, its connection to Redis gone).
      await dying.disconnect();
      const t0 = Date.now();
      while (changes.length === 0 && Date.now() - t0 < DEAD_MS + 4 * BEAT_MS) await new Promise((r) => setTimeout(r, 100));
      expect(changes).toEqual([{ node: expect.stringMatching(/^[ab]$/), users: ["gone"], online: false }]); // told once, by one survivor
      expect(await a.online(key)).toEqual(new Set(["moved", "stays"]));
      expect(await b.online(key)).toEqual(new Set(["moved", "stays"]));
    } finally {
      await a.close();
      await b.close();
      await c.close().catch(() => {});
      await Promise.all(clients.map((x) => x.quit()));
    }
  }, 20_000);
});
