import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { fieldErrors, joinSchema } from "../edge/forms";
import { checkJoin } from "./join-check";

const viaZod = (input: { code: unknown; nickname: unknown }) => {
  const r = joinSchema.safeParse(input);
  return r.success ? { ok: true, data: r.data } : { ok: false, errors: fieldErrors(r.error) };
};

describe("checkJoin", () => {
  it("accepts a code in any case with spaces around, and trims the nickname", () => {
    expect(checkJoin({ code: " abc234 ", nickname: "  Ana " })).toEqual({ ok: true, data: { code: "ABC234", nickname: "Ana" } });
  });
  it("answers with the same error codes as the server's schema", () => {
    expect(checkJoin({ code: "ABC23", nickname: "" })).toEqual({ ok: false, errors: { code: "codeInvalid", nickname: "nicknameEmpty" } });
    expect(checkJoin({ code: "ABC230", nickname: "x".repeat(41) })).toEqual({ ok: false, errors: { code: "codeInvalid", nickname: "nicknameTooLong" } });
    expect(checkJoin({ code: null, nickname: 3 })).toEqual(viaZod({ code: null, nickname: 3 }));
  });
  it("agrees with joinSchema on every input", () => {
    const alphabet = fc.constantFrom(..."ABCDEFGHJKMNPQRSTUVWXYZ23456789abcz01OIL ");
    const codeArb = fc.oneof(fc.string({ unit: alphabet, maxLength: 9 }), fc.string(), fc.constant(undefined), fc.integer());
    const nickArb = fc.oneof(fc.string({ maxLength: 45 }), fc.string({ unit: "grapheme", maxLength: 42 }), fc.constant(null));
    fc.assert(fc.property(codeArb, nickArb, (code, nickname) => {
      expect(checkJoin({ code, nickname })).toEqual(viaZod({ code, nickname }));
    }), { numRuns: 2000 });
  });
});
