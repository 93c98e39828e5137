// POST /api/join: a student joins a class with its code and a nickname, answered by the custom
// server before Next.js. The join form uses it. It replaces next-auth's credentials round (csrf,
// callback, then the session read: three Next.js requests and a JWE decode) with one request: the
// same checks at the edge (server/edge.ts has already applied the Origin check and the body limit;
// here the JSON content type and the zod schema), the same rate limit on unknown codes, one
// statement for the join (server/classes.ts), and the same session cookie (server/session-cookie.ts).
// The answer: 200 { user: { id, name, classId } } with the cookie, or { error: { code, message } }.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ErrorCode } from "@/lib/error-codes";
import { fieldErrors, firstError, joinSchema } from "@/lib/forms";
import { isJsonContentType, saneJson } from "@/lib/edge-policy";
import { isDatabaseUnavailable } from "@/lib/db-errors";
import en from "@/messages/en";
import { DomainError, joinClass } from "./classes";
import { limitJoin, REQUEST_ID_HEADER, retryAfterFor } from "./sign-in-limits";
import { isRateLimited } from "./rate-limits";
import { isUniqueViolation } from "./db";
import { hub } from "./bridge";
import { secureCookies, sessionCookie } from "./session-cookie";

export const JOIN_PATH = "/api/join";
/** The routes the custom server answers itself (the authorization matrix covers them too). */
export const CUSTOM_ROUTES = [`POST ${JOIN_PATH}`];

const ENGLISH: Record<ErrorCode, string> = en.errors;

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text), "cache-control": "no-store", ...headers });
  res.end(text);
}

function refuse(res: ServerResponse, status: number, code: ErrorCode, extra: { fields?: Record<string, ErrorCode>; headers?: Record<string, string> } = {}): void {
  send(res, status, { error: { code, message: ENGLISH[code], fields: extra.fields } }, extra.headers);
}

/** The body as text; null when the edge refused it (too big) or the client went away. */
function readBody(req: IncomingMessage, res: ServerResponse): Promise<string | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(res.headersSent ? null : Buffer.concat(chunks).toString("utf8")));
    req.on("error", () => resolve(null));
    req.on("close", () => resolve(null)); // after "end" this changes nothing
  });
}

export interface JoinRouteOptions {
  secret: string;
  /** NEXTAUTH_URL, which decides whether cookies are Secure. */
  publicUrl?: string;
}

/** Answers POST /api/join (the edge gate has run). */
export async function handleJoin(req: IncomingMessage, res: ServerResponse, opts: JoinRouteOptions): Promise<void> {
  if (req.method !== "POST") return refuse(res, 405, "invalidInput", { headers: { allow: "POST" } });
  if (!isJsonContentType(req.headers["content-type"])) return refuse(res, 415, "unsupportedMediaType");
  const text = await readBody(req, res);
  if (text === null) return;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return refuse(res, 400, "invalidInput");
  }
  if (!saneJson(body)) return refuse(res, 400, "invalidInput");
  const parsed = joinSchema.safeParse(body);
  if (!parsed.success) return refuse(res, 400, firstError(parsed.error), { fields: fieldErrors(parsed.error) });
  const { code, nickname } = parsed.data;
  try {
    const { user, cls } = await limitJoin(req.headers, () => joinClass(code, nickname), (e) => e instanceof DomainError && e.code === "codeUnknown");
    const cookie = await sessionCookie({ ...user, role: "STUDENT", classId: cls.id }, opts.secret, secureCookies(req, opts.publicUrl));
    hub()?.rosterChanged(cls.id, { userId: user.id, nickname: user.name });
    send(res, 200, { user: { id: user.id, name: user.name, classId: cls.id } }, { "set-cookie": cookie });
  } catch (e) {
    if (e instanceof DomainError) return refuse(res, e.status, e.code);
    if (isRateLimited(e)) {
      retryAfterFor(String(req.headers[REQUEST_ID_HEADER])); // recorded for next-auth's answer; ours is sent here
      return refuse(res, 429, "rateLimited", { headers: { "retry-after": String(e.retryAfterS) } });
    }
    if (isUniqueViolation(e)) return refuse(res, 409, "nicknameTaken");
    if (isDatabaseUnavailable(e)) return refuse(res, 503, "databaseUnavailable");
    console.error("join failed", e);
    refuse(res, 500, "serverError");
  }
}
