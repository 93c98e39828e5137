// POST /api/join: a student joins a class with its code and a nickname, answered by the custom
// server before Next.js. The join form uses it. It replaces next-auth's credentials round (csrf,
// callback, then the session read: three Next.js requests and a JWE decode) with one request: the
// same checks at the edge (server/http/edge.ts has already applied the Origin check and the body limit;
// here the JSON content type and the zod schema), the same rate limit on unknown codes, one
// statement for the join (server/join/classes.ts), and the same session cookie (server/auth/session-cookie.ts).
// The answer: 200 { user: { id, name, classId } } with the cookie, or { error: { code, message } }.
// The same request from the script-free join page (app/lite: a plain HTML form, urlencoded) is
// answered with a redirect instead: to the student's page with the cookie, or back to the form
// with the refusal's code (lib/join/join-form-redirect.ts). Such a post must carry an Origin header
// of our own (checked at the edge): browsers send it on every form post, forged ones fail there.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ErrorCode } from "@/lib/edge/error-codes";
import { fieldErrors, firstError, joinSchema } from "@/lib/edge/forms";
import { isFormContentType, isJsonContentType, saneJson } from "@/lib/edge/edge-policy";
import { joinFormBack, JOIN_DONE_PATH } from "@/lib/join/join-form-redirect";
import en from "@/messages/en";
import { DomainError, refusalOf } from "../errors";
import { joinClass } from "./join-batch";
import { limitJoin, REQUEST_ID_HEADER, retryAfterFor } from "../auth/sign-in-limits";
import { hub } from "../bridge";
import { secureCookies, sessionCookie } from "../auth/session-cookie";

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

/** How the answer is sent: JSON for the script's fetch, a redirect for the plain HTML form. */
interface Answer {
  ok(user: { id: string; name: string; classId: string }, cookie: string): void;
  refuse(status: number, code: ErrorCode, extra?: { fields?: Record<string, ErrorCode>; headers?: Record<string, string> }): void;
}

const jsonAnswer = (res: ServerResponse): Answer => ({
  ok: (user, cookie) => send(res, 200, { user }, { "set-cookie": cookie }),
  refuse: (status, code, extra) => refuse(res, status, code, extra),
});

function redirect(res: ServerResponse, location: string, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  res.writeHead(303, { location, "content-length": 0, "cache-control": "no-store", ...headers });
  res.end();
}

/** The form's answer: the student's page, or the form again (where it was sent from) with the refusal and what was typed. */
const formAnswer = (res: ServerResponse, fields: { code: string; nickname: string; from: string }): Answer => ({
  ok: (_user, cookie) => redirect(res, JOIN_DONE_PATH, { "set-cookie": cookie }),
  refuse: (_status, code, extra) => redirect(res, joinFormBack({ ...fields, error: code, field: extra?.fields ? Object.keys(extra.fields)[0] : undefined }), extra?.headers),
});

/** Answers POST /api/join (the edge gate has run). */
export async function handleJoin(req: IncomingMessage, res: ServerResponse, opts: JoinRouteOptions): Promise<void> {
  if (req.method !== "POST") return refuse(res, 405, "invalidInput", { headers: { allow: "POST" } });
  const form = isFormContentType(req.headers["content-type"]);
  if (!form && !isJsonContentType(req.headers["content-type"])) return refuse(res, 415, "unsupportedMediaType");
  // A form post without an Origin could come from anywhere; browsers always send one.
  if (form && !req.headers.origin) return refuse(res, 403, "originRejected");
  const text = await readBody(req, res);
  if (text === null) return;
  let body: unknown;
  if (form) {
    const q = new URLSearchParams(text);
    body = { code: q.get("code") ?? "", nickname: q.get("nickname") ?? "" };
    const back = { code: String(q.get("code") ?? "").slice(0, 12), nickname: String(q.get("nickname") ?? "").slice(0, 60), from: q.get("from") ?? "" };
    return join(req, opts, body, formAnswer(res, back));
  }
  try {
    body = JSON.parse(text);
  } catch {
    return refuse(res, 400, "invalidInput");
  }
  if (!saneJson(body)) return refuse(res, 400, "invalidInput");
  return join(req, opts, body, jsonAnswer(res));
}

async function join(req: IncomingMessage, opts: JoinRouteOptions, body: unknown, answer: Answer): Promise<void> {
  const parsed = joinSchema.safeParse(body);
  if (!parsed.success) return answer.refuse(400, firstError(parsed.error), { fields: fieldErrors(parsed.error) });
  const { code, nickname } = parsed.data;
  try {
    const { user, cls } = await limitJoin(req.headers, () => joinClass(code, nickname), (e) => e instanceof DomainError && e.code === "codeUnknown");
    const cookie = await sessionCookie({ ...user, role: "STUDENT", classId: cls.id }, opts.secret, secureCookies(req, opts.publicUrl));
    hub()?.rosterChanged(cls.id, { userId: user.id, nickname: user.name });
    answer.ok({ id: user.id, name: user.name, classId: cls.id }, cookie);
  } catch (e) {
    const refusal = refusalOf(e, "join", "nicknameTaken");
    if (refusal.retryAfterS === undefined) return answer.refuse(refusal.status, refusal.code);
    retryAfterFor(String(req.headers[REQUEST_ID_HEADER])); // recorded for next-auth's answer; ours is sent here
    answer.refuse(429, "rateLimited", { headers: { "retry-after": String(refusal.retryAfterS) } });
  }
}
