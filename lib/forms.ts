// Validation of every form, shared by the browser (instant feedback) and the server (the edge).
// Messages are error codes: keys under "errors" in messages/*.json.
import { z } from "zod";

import { ERROR_CODES, type ErrorCode } from "./error-codes";
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, NICKNAME_MAX } from "./join-check";
export { ERROR_CODES, type ErrorCode, JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, NICKNAME_MAX };


const code = (c: ErrorCode) => ({ message: c });

export const nicknameSchema = z
  .string(code("nicknameEmpty"))
  .trim()
  .min(1, code("nicknameEmpty"))
  .max(NICKNAME_MAX, code("nicknameTooLong"));

export const joinCodeSchema = z
  .string(code("codeInvalid"))
  .trim()
  .toUpperCase()
  .length(JOIN_CODE_LENGTH, code("codeInvalid"))
  .refine((s) => [...s].every((ch) => JOIN_CODE_ALPHABET.includes(ch)), code("codeInvalid"));

export const joinSchema = z.object({ code: joinCodeSchema, nickname: nicknameSchema });

const emailSchema = z.string(code("emailInvalid")).trim().toLowerCase().max(254, code("emailInvalid")).pipe(z.email(code("emailInvalid")));

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string(code("badCredentials")).min(1, code("badCredentials")).max(200, code("badCredentials")),
});

export const signUpSchema = z.object({
  name: z.string(code("nameRequired")).trim().min(1, code("nameRequired")).max(80, code("nameTooLong")),
  email: emailSchema,
  password: z.string(code("passwordTooShort")).min(8, code("passwordTooShort")).max(200, code("passwordTooLong")),
});

export const classSchema = z.object({
  name: z.string(code("classNameRequired")).trim().min(1, code("classNameRequired")).max(80, code("classNameTooLong")),
});

export const lessonTitleSchema = z.object({
  title: z.string(code("lessonTitleRequired")).trim().min(1, code("lessonTitleRequired")).max(120, code("lessonTitleRequired")),
});

/** Adding a co-instructor: the email of an existing instructor account. */
export const coInstructorSchema = z.object({ email: emailSchema });

/** Opening a lesson as homework: the lesson and an ISO date-time it is due. */
export const assignmentSchema = z.object({
  lessonId: z.string(code("invalidInput")).min(1).max(64),
  dueAt: z.iso.datetime({ offset: true, message: "dueDateInvalid" }).transform((s) => new Date(s)),
});

/** A homework submission: what is needed to verify the work, never a score. */
export const homeworkSubmitSchema = z.object({
  exerciseId: z.string().min(1).max(64),
  clientId: z.string().min(8).max(64),
  payload: z.unknown(),
});
export const homeworkStartSchema = z.object({ exerciseId: z.string().min(1).max(64) });

/** The first error code of a failed parse (forms show one message per field). */
export function firstError(error: z.ZodError): ErrorCode {
  const m = error.issues[0]?.message;
  return (ERROR_CODES as readonly string[]).includes(m ?? "") ? (m as ErrorCode) : "invalidInput";
}

/** Error code per field, for showing each message beside its input. */
export function fieldErrors(error: z.ZodError): Record<string, ErrorCode> {
  const out: Record<string, ErrorCode> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "_");
    if (!out[key]) out[key] = (ERROR_CODES as readonly string[]).includes(issue.message) ? (issue.message as ErrorCode) : "invalidInput";
  }
  return out;
}
