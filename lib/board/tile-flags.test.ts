import { describe, expect, it } from "vitest";
import type { HelpFlag } from "./help-flags";
import { reasonsByStudent } from "./tile-flags";

describe("reasonsByStudent", () => {
  it("groups each student's reasons once, in the board's reason order", () => {
    const flags: HelpFlag[] = [
      { userId: "a", since: 1, reason: "repeated", count: 3 },
      { userId: "b", since: 2, reason: "idle" },
      { userId: "a", since: 3, reason: "idle" },
      { userId: "a", since: 4, reason: "idle" },
    ];
    const by = reasonsByStudent(flags);
    expect(by.get("a")).toEqual(["idle", "repeated"]);
    expect(by.get("b")).toEqual(["idle"]);
    expect(by.has("c")).toBe(false);
  });

  it("marks nobody when nothing is flagged", () => {
    expect(reasonsByStudent([]).size).toBe(0);
  });
});
