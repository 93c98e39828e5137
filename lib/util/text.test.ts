import { describe, expect, it } from "vitest";
import { hasControlChars, hasForbiddenChars, nicknameKey, normalizeNickname } from "./text";
import { firstError, joinSchema, classSchema, signUpSchema } from "../edge/forms";

describe("control characters", () => {
  it("finds NUL, escape, newline, DEL, C1 and lone surrogates in single-line text", () => {
    for (const s of ["a\u0000b", "\u001b[31m", "a\nb", "tab\there", "x\u007f", "\u0085", "\ud800", "x\udc00y"]) {
      expect(hasControlChars(s), JSON.stringify(s)).toBe(true);
    }
    for (const s of ["Sam", "민수", "emoji 🙂", "Ünïcödé", ""]) expect(hasControlChars(s)).toBe(false);
  });
  it("allows tab and newline in multi-line text, nothing else", () => {
    expect(hasForbiddenChars("line 1\nline 2\ttab\r\n")).toBe(false);
    expect(hasForbiddenChars("bell\u0007")).toBe(true);
    expect(hasForbiddenChars("\ud83d")).toBe(true);
    expect(hasForbiddenChars("🙂")).toBe(false);
  });
  it("makes every form field answer invalidInput, before its own rules", () => {
    const err = (r: { success: boolean; error?: unknown }) => (r.success ? null : firstError(r.error as never));
    expect(err(joinSchema.safeParse({ code: "ABC234", nickname: "Sam\u0000" }))).toBe("invalidInput");
    expect(err(joinSchema.safeParse({ code: "ABC23\u0000", nickname: "Sam" }))).toBe("invalidInput");
    expect(err(classSchema.safeParse({ name: "Class\u001b" }))).toBe("invalidInput");
    expect(err(signUpSchema.safeParse({ name: "Kim", email: "kim@example.com\u0000", password: "12345678" }))).toBe("invalidInput");
    expect(err(signUpSchema.safeParse({ name: "Kim", email: "kim@example.com", password: "1234567\ud800" }))).toBe("invalidInput");
  });
});

describe("nicknames", () => {
  it("are normalised: NFKC, invisible characters removed, spaces collapsed", () => {
    expect(normalizeNickname("Ｓａｍ")).toBe("Sam");
    expect(normalizeNickname("S\u200bam")).toBe("Sam");
    expect(normalizeNickname("\u202eSam\u202c")).toBe("Sam");
    expect(normalizeNickname("  Sam   Lee ")).toBe("Sam Lee");
    expect(normalizeNickname("민수\ufeff")).toBe("민수");
    expect(joinSchema.parse({ code: "ABC234", nickname: "S\u200dam" }).nickname).toBe("Sam");
  });
  it("only invisible characters make an empty nickname", () => {
    const r = joinSchema.safeParse({ code: "ABC234", nickname: "\u200b\u200c\u2060" });
    expect(r.success ? null : firstError(r.error)).toBe("nicknameEmpty");
  });
  it("fold to one key when they look alike on the board", () => {
    const sam = nicknameKey("Sam");
    for (const look of ["SAM", "sam", "S\u200bam", "\u0405am" /* Cyrillic S */, "S\u0430m" /* Cyrillic a */, "Ｓam", "Sám", " Sam ", "S am"]) {
      expect(nicknameKey(look), JSON.stringify(look)).toBe(sam);
    }
    expect(nicknameKey("Bill")).toBe(nicknameKey("BiII"));
    expect(nicknameKey("Bill")).toBe(nicknameKey("Bi11"));
    expect(nicknameKey("Kam")).toBe(nicknameKey("Karn"));
  });
  it("keep different names apart", () => {
    expect(nicknameKey("Sam")).not.toBe(nicknameKey("Pam"));
    expect(nicknameKey("민수")).not.toBe(nicknameKey("민지"));
    expect(nicknameKey("민수")).toBe(nicknameKey("민수"));
    expect(nicknameKey("Ana")).not.toBe(nicknameKey("Anna"));
  });
});
