import { describe, expect, it } from "vitest";

type Rand = <T extends ArrayBufferView | null>(a: T) => T;
const fill = (v: number): Rand => (a) => { (a as unknown as Uint8Array).fill(v); return a; };
const real: Rand = (a) => crypto.getRandomValues(a as never) as never;
import { clearPending, loadPending, newClientId, pendingKey, PENDING_MAX_AGE_MS, savePending, type KeyValueStore, type PendingSubmission } from "./pending-submission";

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

const NOW = 1_700_000_000_000;
const sub = (over: Partial<PendingSubmission> = {}): PendingSubmission => ({
  sessionId: "s1", exerciseId: "e1", clientId: "0b4a4e1c-1111-4222-8333-444455556666", payload: { gate: "AND", w: [1, 2], b: -3 }, at: NOW, ...over,
});

describe("pending submissions", () => {
  it("survive a reload: saved, then loaded with the same clientId and payload", () => {
    const store = memoryStore();
    savePending(store, sub());
    expect(loadPending(store, "s1", NOW + 1000)).toEqual(sub());
    expect(loadPending(store, "other", NOW)).toBeNull();
  });

  it("are cleared by their own ack only, not by the ack of an older submission", () => {
    const store = memoryStore();
    savePending(store, sub({ clientId: "newer-client-id" }));
    clearPending(store, "s1", "0b4a4e1c-1111-4222-8333-444455556666");
    expect(loadPending(store, "s1", NOW)?.clientId).toBe("newer-client-id");
    clearPending(store, "s1", "newer-client-id");
    expect(store.data.size).toBe(0);
  });

  it("drop stale, damaged or foreign entries", () => {
    const store = memoryStore();
    savePending(store, sub());
    expect(loadPending(store, "s1", NOW + PENDING_MAX_AGE_MS + 1)).toBeNull();
    expect(store.data.size).toBe(0);
    store.setItem(pendingKey("s1"), "{not json");
    expect(loadPending(store, "s1", NOW)).toBeNull();
    store.setItem(pendingKey("s1"), JSON.stringify({ ...sub(), clientId: "short" }));
    expect(loadPending(store, "s1", NOW)).toBeNull();
    store.setItem(pendingKey("s1"), JSON.stringify(sub({ sessionId: "s2" })));
    expect(loadPending(store, "s1", NOW)).toBeNull();
    store.setItem(pendingKey("s1"), JSON.stringify({ ...sub(), at: String(NOW) }));
    expect(loadPending(store, "s1", NOW)).toBeNull();
    store.setItem(pendingKey("s1"), JSON.stringify({ ...sub(), exerciseId: undefined }));
    expect(loadPending(store, "s1", NOW)).toBeNull();
  });

  it("still work in memory when storage throws or is missing", () => {
    const broken: KeyValueStore = {
      getItem: () => { throw new Error("denied"); },
      setItem: () => { throw new Error("quota"); },
      removeItem: () => { throw new Error("denied"); },
    };
    expect(() => savePending(broken, sub())).not.toThrow();
    expect(loadPending(broken, "s1")).toBeNull();
    expect(() => clearPending(broken, "s1", "x")).not.toThrow();
    expect(loadPending(null, "s1")).toBeNull();
  });
});

describe("newClientId", () => {
  it("uses randomUUID when there is one", () => {
    expect(newClientId({ randomUUID: () => "fixed-uuid-value", getRandomValues: fill(0) })).toBe("fixed-uuid-value");
  });

  it("builds a version-4 UUID from random bytes without randomUUID (plain http)", () => {
    const id = newClientId({ getRandomValues: fill(0xff) });
    expect(id).toBe("ffffffff-ffff-4fff-bfff-ffffffffffff");
    const id2 = newClientId({ getRandomValues: real });
    expect(id2).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(id2).not.toBe(newClientId({ getRandomValues: real }));
  });
});
