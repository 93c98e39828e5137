import { describe, expect, it } from "vitest";
import { firstError, joinSchema, joinSettingsSchema, MAX_CLASS_SIZE, removeStudentsSchema, signUpSchema, NICKNAME_MAX } from "./forms";

function errorOf(schema: { safeParse: (v: unknown) => { success: boolean; error?: unknown } }, value: unknown) {
  const r = schema.safeParse(value);
  return r.success ? null : firstError(r.error as never);
}

describe("join form", () => {
  it("accepts a code in any case and trims the nickname", () => {
    const r = joinSchema.parse({ code: " abc234 ", nickname: "  민수  " });
    expect(r).toEqual({ code: "ABC234", nickname: "민수" });
  });
  it("rejects an empty nickname", () => {
    expect(errorOf(joinSchema, { code: "ABC234", nickname: "   " })).toBe("nicknameEmpty");
  });
  it("rejects a 200-character nickname", () => {
    expect(errorOf(joinSchema, { code: "ABC234", nickname: "x".repeat(200) })).toBe("nicknameTooLong");
    expect(errorOf(joinSchema, { code: "ABC234", nickname: "x".repeat(NICKNAME_MAX) })).toBeNull();
  });
  it("rejects codes of the wrong length or with ambiguous letters", () => {
    expect(errorOf(joinSchema, { code: "ABC", nickname: "a" })).toBe("codeInvalid");
    expect(errorOf(joinSchema, { code: "ABC0O1", nickname: "a" })).toBe("codeInvalid");
    expect(errorOf(joinSchema, { nickname: "a" })).toBe("codeInvalid");
  });
});

describe("sign-up form", () => {
  it("normalises the email and requires an 8-character password", () => {
    expect(signUpSchema.parse({ name: "Kim", email: " Kim@Example.COM ", password: "12345678" }).email).toBe("kim@example.com");
    expect(errorOf(signUpSchema, { name: "Kim", email: "kim@example.com", password: "short" })).toBe("passwordTooShort");
    expect(errorOf(signUpSchema, { name: "Kim", email: "not-an-email", password: "12345678" })).toBe("emailInvalid");
    expect(errorOf(signUpSchema, { name: "", email: "kim@example.com", password: "12345678" })).toBe("nameRequired");
  });
});

describe("join controls", () => {
  it("accepts a lock switch and a cap from 1 to MAX_CLASS_SIZE, or no cap", () => {
    expect(joinSettingsSchema.parse({ joinLocked: true })).toEqual({ joinLocked: true });
    expect(joinSettingsSchema.parse({ maxStudents: null })).toEqual({ maxStudents: null });
    expect(joinSettingsSchema.parse({ maxStudents: MAX_CLASS_SIZE })).toEqual({ maxStudents: MAX_CLASS_SIZE });
    expect(errorOf(joinSettingsSchema, { maxStudents: 0 })).toBe("classSizeInvalid");
    expect(errorOf(joinSettingsSchema, { maxStudents: 2.5 })).toBe("classSizeInvalid");
    expect(errorOf(joinSettingsSchema, { maxStudents: MAX_CLASS_SIZE + 1 })).toBe("classSizeInvalid");
    expect(errorOf(joinSettingsSchema, { maxStudents: "30" })).toBe("classSizeInvalid");
    expect(errorOf(joinSettingsSchema, { joinCode: "ABC234" })).toBe("invalidInput");
  });
  it("removes between 1 and 1000 students at once", () => {
    expect(errorOf(removeStudentsSchema, { userIds: [] })).toBe("invalidInput");
    expect(errorOf(removeStudentsSchema, { userIds: ["a"] })).toBeNull();
    expect(errorOf(removeStudentsSchema, { userIds: Array(1001).fill("a") })).toBe("invalidInput");
  });
});
