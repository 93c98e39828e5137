import { ERROR_CODES, type ErrorCode } from "@/lib/edge/error-codes";

/** next-auth returns the message thrown in authorize() as `error`; map it to one of our codes. */
export function signInError(error: string | null | undefined): ErrorCode | null {
  if (!error) return null;
  return (ERROR_CODES as readonly string[]).includes(error) ? (error as ErrorCode) : "serverError";
}
