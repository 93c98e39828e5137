import { describe, expect, it } from "vitest";
import { bodyLimit, isJsonContentType, originAllowed, ownOrigins, pageCsp, parseOriginList, saneJson } from "./edge-policy";

describe("body limits", () => {
  it("fit the route: a few KB for forms, more for submissions and presets", () => {
    expect(bodyLimit("/api/signup")).toBe(4096);
    expect(bodyLimit("/api/auth/callback/instructor")).toBe(4096);
    expect(bodyLimit("/api/homework/abc/submissions")).toBe(32 * 1024);
    expect(bodyLimit("/api/homework/abc/net-runs")).toBe(32 * 1024);
    expect(bodyLimit("/api/lessons/abc/exercises/2")).toBe(32 * 1024);
  });
});

describe("origins", () => {
  const own = ownOrigins(undefined, "class.example:3000", undefined);
  it("the app's own origin and the allow-list pass, others do not", () => {
    expect(originAllowed("http://class.example:3000", own, [])).toBe(true);
    expect(originAllowed("https://evil.example", own, [])).toBe(false);
    expect(originAllowed("https://evil.example", own, ["https://evil.example"])).toBe(true);
    expect(originAllowed("null", own, [])).toBe(false);
    expect(originAllowed("not a url", own, [])).toBe(false);
    expect(originAllowed(undefined, own, [])).toBe(true);
  });
  it("a public URL replaces the Host header", () => {
    expect(ownOrigins("https://nl.school.kr/path", "evil.example", undefined)).toEqual(["https://nl.school.kr"]);
    expect(ownOrigins(undefined, "a.b", "https")).toEqual(["https://a.b"]);
  });
  it("the allow-list is normalised", () => {
    expect(parseOriginList(" https://a.example/ , http://b.example:8080")).toEqual(["https://a.example", "http://b.example:8080"]);
    expect(parseOriginList(undefined)).toEqual([]);
  });
});

describe("content types", () => {
  it("JSON only", () => {
    expect(isJsonContentType("application/json")).toBe(true);
    expect(isJsonContentType("application/json; charset=utf-8")).toBe(true);
    expect(isJsonContentType("text/plain")).toBe(false);
    expect(isJsonContentType("application/x-www-form-urlencoded")).toBe(false);
    expect(isJsonContentType(null)).toBe(false);
  });
});

describe("the page CSP", () => {
  it("has the nonce, no unsafe-inline scripts, no framing", () => {
    const csp = pageCsp("abc123");
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(pageCsp("x", true)).toContain("'unsafe-eval'");
  });
});

describe("JSON sanity", () => {
  it("accepts what clients send", () => {
    expect(saneJson({ sessionId: "abc", payload: { w: [0.5, -1], explanation: "line 1\nline 2", ok: true, n: null } })).toBe(true);
  });
  it("rejects deep nesting, prototype keys, control characters, non-finite numbers, binary", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 20; i++) deep = [deep];
    expect(saneJson(deep)).toBe(false);
    expect(saneJson(JSON.parse('{"__proto__": {"admin": true}}'))).toBe(false);
    expect(saneJson({ constructor: { prototype: 1 } })).toBe(false);
    expect(saneJson({ a: { constructor: [] } })).toBe(false);
    expect(saneJson({ params: { constructor: 2, valueOf: -1, toString: 0.5 } })).toBe(true); // formula parameters may be called so
    expect(saneJson({ a: "nul\u0000" })).toBe(false);
    expect(saneJson({ ["k\u0000"]: 1 })).toBe(false);
    expect(saneJson({ a: "\ud800" })).toBe(false);
    expect(saneJson({ a: Infinity })).toBe(false);
    expect(saneJson({ a: NaN })).toBe(false);
    expect(saneJson({ a: Buffer.from("x") })).toBe(false);
    expect(saneJson({ a: new ArrayBuffer(4) })).toBe(false);
    expect(saneJson(new Array(20_000).fill(0))).toBe(false);
  });
});
