// Helpers for route handlers: one JSON error shape ({ error: { code, message } }) everywhere,
// and the signed-in user.
import { NextResponse } from "next/server";
import { getServerSession } from "next-auth";
import type { z } from "zod";
import { authOptions } from "./auth";
import { DomainError } from "./classes";
import { fieldErrors, firstError, type ErrorCode } from "@/lib/forms";
import en from "@/messages/en";
import { isJsonContentType, saneJson } from "@/lib/edge-policy";
import { isUniqueViolation } from "./db";
import { isDatabaseUnavailable } from "@/lib/db-errors";

// API clients read `message` (English); the browser translates `code` into the reader's language.
const ENGLISH: Record<ErrorCode, string> = en.errors;

export function errorResponse(code: ErrorCode, status: number, fields?: Record<string, ErrorCode>) {
  return NextResponse.json({ error: { code, message: ENGLISH[code], fields } }, { status });
}

/**
 * The JSON body, parsed with the route's schema. The custom server has already bounded its size
 * (server/edge.ts); here: JSON content type only (415: a cross-site form cannot send it without a
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

export function handleError(e: unknown) {
  if (e instanceof DomainError) return errorResponse(e.code, e.status);
  // A duplicate that slipped past a route's own check (a race): a conflict, never a 500 with driver text.
  if (isUniqueViolation(e)) return errorResponse("invalidInput", 409);
  if (isDatabaseUnavailable(e)) return errorResponse("databaseUnavailable", 503);
  console.error(e);
  return errorResponse("serverError", 500);
}
