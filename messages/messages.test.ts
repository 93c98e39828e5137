// Both languages complete: the same keys, no empty strings, the same ICU placeholders.
import { describe, expect, it } from "vitest";
import en from "./en";
import ko from "./ko";
import { ERROR_CODES } from "@/lib/edge/forms";

type Tree = { [k: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\s*[,}]/g)].map((m) => m[1]).sort();

describe("messages", () => {
  const e = flatten(en as Tree);
  const k = flatten(ko as Tree);
  it("Korean and English have exactly the same keys", () => {
    expect([...k.keys()].sort()).toEqual([...e.keys()].sort());
  });
  it("no message is empty, and placeholders match", () => {
    for (const [key, value] of e) {
      expect(value.trim(), key).not.toBe("");
      expect(k.get(key)?.trim(), key).not.toBe("");
      expect(placeholders(k.get(key) ?? ""), key).toEqual(placeholders(value));
    }
  });
  it("every error code the server can send has a message", () => {
    for (const code of ERROR_CODES) expect(e.has(`errors.${code}`), code).toBe(true);
  });
});
