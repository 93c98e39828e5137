import { describe, expect, it } from "vitest";
import { joinFormBack, readJoinBack } from "./join-form-redirect";

const query = (url: string) => Object.fromEntries(new URL(url, "http://x").searchParams);

describe("the script-free join form's round trip", () => {
  it("goes back to the page it came from with what was typed and the refusal, which the page reads again", () => {
    const url = joinFormBack({ code: "abc234", nickname: "Ana & Ben", from: "home", error: "nicknameTaken" });
    expect(url.startsWith("/?")).toBe(true);
    expect(readJoinBack(query(url))).toEqual({ code: "ABC234", nickname: "Ana & Ben", error: "nicknameTaken", field: "nickname" });
    const join = joinFormBack({ code: "ZZZZZZ", nickname: "x", from: "join", error: "codeUnknown" });
    expect(join.startsWith("/join?")).toBe(true);
    expect(readJoinBack(query(join)).field).toBe("code");
    // a refusal of the whole form (no field), and the field the schema named
    expect(readJoinBack(query(joinFormBack({ code: "", nickname: "", from: "join", error: "rateLimited" }))).field).toBeNull();
    expect(readJoinBack(query(joinFormBack({ code: "", nickname: "", from: "join", error: "invalidInput", field: "nickname" }))).field).toBe("nickname");
  });

  it("shows only a known error code, never text from the address, and cuts what was typed", () => {
    expect(readJoinBack({ error: "<b>you have been hacked</b>", code: "x".repeat(100), nickname: "y".repeat(100) })).toEqual({ code: "X".repeat(12), nickname: "y".repeat(60), error: null, field: null });
    expect(readJoinBack({ error: ["codeUnknown", "other"] }).error).toBe("codeUnknown");
  });
});
