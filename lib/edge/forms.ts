// Validation of every form, shared by the browser (instant feedback) and the server (the edge).
// Messages are error codes: keys under "errors" in messages/*.json.
import { z } from "zod";
import { hasControlChars, normalizeNickname } from "../util/text";
import { ERROR_CODES, type ErrorCode } from "./error-codes";
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, NICKNAME_MAX } from "../join/join-check";
export { ERROR_CODES, type ErrorCode, JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, NICKNAME_MAX };

const code = (c: ErrorCode) => ({ message: c });

/**
 * A single-line string field: a control character (NUL, tab, newline, escape, ...) or a lone
 * surrogate anywhere is `invalidInput`, checked before any other rule of the field.
 */
export const plainText = (missing: ErrorCode = "invalidInput") =>
  z.string(code(missing)).refine((s) => !hasControlChars(s), { message: "invalidInput", abort: true });

export const nicknameSchema = plainText("nicknameEmpty")
  .transform(normalizeNickname)
  .pipe(z.string().min(1, code("nicknameEmpty")).max(NICKNAME_MAX, code("nicknameTooLong")));

export const joinCodeSchema = plainText("codeInvalid")
  .trim()
  .toUpperCase()
  .length(JOIN_CODE_LENGTH, code("codeInvalid"))
  .refine((s) => [...s].every((ch) => JOIN_CODE_ALPHABET.includes(ch)), code("codeInvalid"));

export const joinSchema = z.object({ code: joinCodeSchema, nickname: nicknameSchema });

const emailSchema = plainText("emailInvalid").trim().toLowerCase().max(254, code("emailInvalid")).pipe(z.email(code("emailInvalid")));

export const signInSchema = z.object({
  email: emailSchema,
  password: plainText("badCredentials").min(1, code("badCredentials")).max(200, code("badCredentials")),
});

export const signUpSchema = z.object({
  name: plainText("nameRequired").trim().min(1, code("nameRequired")).max(80, code("nameTooLong")),
  email: emailSchema,
  password: plainText("passwordTooShort").min(8, code("passwordTooShort")).max(200, code("passwordTooLong")),
});

export const classSchema = z.object({
  name: plainText("classNameRequired").trim().min(1, code("classNameRequired")).max(80, code("classNameTooLong")),
});

export const lessonTitleSchema = z.object({
  title: plainText("lessonTitleRequired").trim().min(1, code("lessonTitleRequired")).max(120, code("lessonTitleRequired")),
});

/** Adding a co-instructor: the email of an existing instructor account. */
export const coInstructorSchema = z.object({ email: emailSchema });

/** Opening a lesson as homework: the lesson and an ISO date-time it is due. */
export const assignmentSchema = z.object({
  lessonId: plainText().min(1).max(64),
  dueAt: z.iso.datetime({ offset: true, message: "dueDateInvalid" }).transform((s) => new Date(s)),
});

/** A homework submission: what is needed to verify the work, never a score. */
export const homeworkSubmitSchema = z.object({
  exerciseId: plainText().min(1).max(64),
  clientId: plainText().min(8).max(64),
  payload: z.unknown(),
});
export const homeworkStartSchema = z.object({ exerciseId: plainText().min(1).max(64) });

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

/** The largest class-size cap an instructor can set. */
export const MAX_CLASS_SIZE = 5000;

/** The class's join controls: lock joining, cap the class size (null: no cap). */
export const joinSettingsSchema = z
  .object({
    joinLocked: z.boolean(code("invalidInput")).optional(),
    maxStudents: z.number(code("classSizeInvalid")).int(code("classSizeInvalid")).min(1, code("classSizeInvalid")).max(MAX_CLASS_SIZE, code("classSizeInvalid")).nullable().optional(),
  })
  .strict();

/** Removing students (in bulk): their user ids in this class. */
export const removeStudentsSchema = z.object({ userIds: z.array(z.string().min(1).max(64)).min(1).max(1000) });
