import { describe, expect, it } from "vitest";
import { litePath } from "./lite-pages";

describe("litePath", () => {
  it("gives an anonymous visitor's page load of the home and join pages their script-free versions", () => {
    expect(litePath("GET", "/", {})).toBe("/lite/home");
    expect(litePath("GET", "/join?code=ABC234", { cookie: "NEXT_LOCALE=ko" })).toBe("/lite/join?code=ABC234");
    expect(litePath("HEAD", "/join", {})).toBe("/lite/join");
  });
  it("leaves signed-in visitors, the client router's requests, other methods and other pages to Next.js", () => {
    expect(litePath("GET", "/", { cookie: "NEXT_LOCALE=en; next-auth.session-token=abc" })).toBeNull();
    expect(litePath("GET", "/", { cookie: "__Secure-next-auth.session-token=abc" })).toBeNull();
    expect(litePath("GET", "/?_rsc=1x2y", {})).toBeNull();
    expect(litePath("GET", "/", { rsc: "1" })).toBeNull();
    expect(litePath("GET", "/join", { "next-router-prefetch": "1" })).toBeNull();
    expect(litePath("POST", "/", {})).toBeNull();
    expect(litePath("GET", "/joinx", {})).toBeNull();
    expect(litePath("GET", "/practice", {})).toBeNull();
    expect(litePath("GET", undefined, {})).toBeNull();
  });
});
