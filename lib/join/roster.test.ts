import { describe, expect, it } from "vitest";
import { applyRoster } from "./roster";

const entry = (userId: string, online = false) => ({ userId, nickname: userId.toUpperCase(), joinedAt: "2026-01-01T00:00:00.000Z", online });

describe("applyRoster", () => {
  it("adds a joining student once and flips presence", () => {
    let r = applyRoster([], { kind: "joined", entry: entry("a") });
    r = applyRoster(r, { kind: "joined", entry: entry("a") });
    expect(r.map((x) => x.userId)).toEqual(["a"]);
    r = applyRoster(r, { kind: "presence", userId: "a", online: true });
    expect(r[0].online).toBe(true);
    // A late "joined" for someone already online keeps them online.
    expect(applyRoster(r, { kind: "joined", entry: entry("a") })[0].online).toBe(true);
    expect(applyRoster(r, { kind: "presence", userId: "a", online: false })[0].online).toBe(false);
  });

  it("ignores presence of someone not on the roster and keeps identity when nothing changes", () => {
    const r = [entry("a", true)];
    expect(applyRoster(r, { kind: "presence", userId: "zz", online: true })).toBe(r);
    expect(applyRoster(r, { kind: "presence", userId: "a", online: true })).toBe(r);
  });
});
