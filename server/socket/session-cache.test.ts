import { describe, expect, it } from "vitest";
import { sessionCache } from "./session-cache";
import type { SessionRow } from "../live/sessions";

describe("sessionCache", () => {
  it("serves a burst of misses with one load and reloads after invalidation", async () => {
    let loads = 0;
    const cache = sessionCache(async (id) => {
      loads++;
      await new Promise((r) => setTimeout(r, 5));
      return { id } as SessionRow;
    });
    const rows = await Promise.all(Array.from({ length: 50 }, () => cache.get("s")));
    expect(loads).toBe(1);
    expect(new Set(rows).size).toBe(1);
    cache.invalidate("s");
    await cache.get("s");
    expect(loads).toBe(2);
    cache.set({ id: "s", paused: true } as SessionRow);
    expect((await cache.get("s"))?.paused).toBe(true);
    expect(loads).toBe(2);
  });

  it("does not keep a failed load", async () => {
    let fail = true;
    const cache = sessionCache(async (id) => {
      if (fail) throw new Error("db down");
      return { id } as SessionRow;
    });
    await expect(cache.get("s")).rejects.toThrow("db down");
    fail = false;
    expect((await cache.get("s"))?.id).toBe("s");
  });
});
