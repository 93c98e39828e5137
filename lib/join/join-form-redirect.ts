// The script-free join form's round trip (app/lite posts a plain HTML form to /api/join): where the
// server sends the student after a join, and back to the form after a refusal, with what was typed
// and the refusal's code; and how the form page reads that back. Pure: the server and the page share it.
import { ERROR_CODES, type ErrorCode } from "../edge/error-codes";

/** Where a student lands after joining. */
export const JOIN_DONE_PATH = "/student";

export type JoinField = "code" | "nickname";
export interface JoinBack { code: string; nickname: string; error: ErrorCode | null; field: JoinField | null }

/** The field a refusal belongs to, by its code (as the scripted form decides it), else null (a message for the form). */
export function fieldOf(code: ErrorCode): JoinField | null {
  return code.startsWith("nickname") ? "nickname" : code.startsWith("code") ? "code" : null;
}

/** The form again after a refusal: the home page's or the join page's, with what was typed. */
export function joinFormBack(b: { code: string; nickname: string; from: string; error: ErrorCode; field?: string }): string {
  const q = new URLSearchParams({ code: b.code, nickname: b.nickname, error: b.error });
  if (b.field === "code" || b.field === "nickname") q.set("field", b.field);
  return `${b.from === "home" ? "/" : "/join"}?${q.toString()}`;
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

/** What the form page shows again: only a known error code is shown, the typed values are cut to the fields' sizes. */
export function readJoinBack(q: Record<string, string | string[] | undefined>): JoinBack {
  const raw = first(q.error);
  const error = (ERROR_CODES as readonly string[]).includes(raw) ? (raw as ErrorCode) : null;
  const asked = first(q.field);
  const field = error ? (asked === "code" || asked === "nickname" ? asked : fieldOf(error)) : null;
  return { code: first(q.code).trim().toUpperCase().slice(0, 12), nickname: first(q.nickname).slice(0, 60), error, field };
}
