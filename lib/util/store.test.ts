import { describe, expect, it } from "vitest";
import { createStore } from "./store";

describe("createStore", () => {
  it("tells its listeners of each new value until they unsubscribe", () => {
    const s = createStore(1);
    const heard: number[] = [];
    const off = s.subscribe(() => heard.push(s.get()));
    s.set(2);
    s.set(3);
    off();
    s.set(4);
    expect(heard).toEqual([2, 3]);
    expect(s.get()).toBe(4);
  });
});
