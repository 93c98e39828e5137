// Helpers for route handlers: one JSON error shape ({ error: { code, message } }) everywhere,
// and the signed-in user.
import { NextResponse } from "next/server";
import { getServerSession } from "next-auth";
import type { z } from "zod";
import { authOptions } from "../auth/auth";
import { refusalOf } from "../errors";
import { fieldErrors, firstError, type ErrorCode } from "@/lib/edge/forms";
import en from "@/messages/en";
import { isJsonContentType, saneJson } from "@/lib/edge/edge-policy";

// API clients read `message` (English); the browser translates `code` into the reader's language.
const ENGLISH: Record<ErrorCode, string> = en.errors;

export function errorResponse(code: ErrorCode, status: number, fields?: Record<string, ErrorCode>) {
  return NextResponse.json({ error: { code, message: ENGLISH[code], fields } }, { status });
}

/**
 * The JSON body, parsed with the route's schema. The custom server has already bounded its size
 * (server/http/edge.ts); here: JSON content type only (415: a cross-site form cannot send it without a
 * preflight), and nothing a client never sends (deep nesting, prototype keys, control characters).
 */
export async function readJson<S extends z.ZodType>(req: Request, schema: S) {
  if (!isJsonContentType(req.headers.get("content-type"))) {
    return { response: errorResponse("unsupportedMediaType", 415) } as const;
  }
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    return { response: errorResponse("invalidInput", 400) } as const;
  }
  if (!saneJson(body)) return { response: errorResponse("invalidInput", 400) } as const;
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    return { response: errorResponse(firstError(parsed.error), 400, fieldErrors(parsed.error)) } as const;
  }
  return { data: parsed.data as z.infer<S> } as const;
}

export async function currentUser() {
  const session = await getServerSession(authOptions);
  return session?.user;
}

/** Whatever a route handler threw, answered in the one JSON shape (server/errors.ts decides what). */
export function handleError(e: unknown) {
  const refusal = refusalOf(e, "route");
  const res = errorResponse(refusal.code, refusal.status);
  if (refusal.retryAfterS !== undefined) res.headers.set("retry-after", String(refusal.retryAfterS));
  return res;
}
