// The join form's check in the browser, without zod (the home and join pages stay light).
// The server still validates with joinSchema (lib/edge/forms.ts); lib/join/join-check.test.ts proves the
// two agree on every input.
import type { ErrorCode } from "../edge/error-codes";
import { hasControlChars, normalizeNickname } from "../util/text";

export const NICKNAME_MAX = 40;
export const JOIN_CODE_LENGTH = 6;
// No 0/O, 1/I/L: codes are read aloud and copied from a projector.
export const JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

export type JoinCheck =
  | { ok: true; data: { code: string; nickname: string } }
  | { ok: false; errors: Partial<Record<"code" | "nickname", ErrorCode>> };

/** Normalises and checks a join: the code trimmed and upper-cased, the nickname normalised as the server does. */
export function checkJoin(input: { code: unknown; nickname: unknown }): JoinCheck {
  const errors: Partial<Record<"code" | "nickname", ErrorCode>> = {};
  let code = "";
  if (typeof input.code !== "string") errors.code = "codeInvalid";
  else if (hasControlChars(input.code)) errors.code = "invalidInput";
  else {
    code = input.code.trim().toUpperCase();
    if (code.length !== JOIN_CODE_LENGTH || ![...code].every((ch) => JOIN_CODE_ALPHABET.includes(ch))) errors.code = "codeInvalid";
  }
  let nickname = "";
  if (typeof input.nickname !== "string") errors.nickname = "nicknameEmpty";
  else if (hasControlChars(input.nickname)) errors.nickname = "invalidInput";
  else {
    nickname = normalizeNickname(input.nickname); // NFKC, no invisible characters, spaces collapsed
    if (nickname.length < 1) errors.nickname = "nicknameEmpty";
    else if (nickname.length > NICKNAME_MAX) errors.nickname = "nicknameTooLong";
  }
  return errors.code || errors.nickname ? { ok: false, errors } : { ok: true, data: { code, nickname } };
}
