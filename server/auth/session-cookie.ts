// The next-auth session cookie, issued outside next-auth (the join fast path, server/join/join-route.ts):
// the same JWE (next-auth's `encode`, with the derived key kept: server/auth/jwe.ts; the same secret and maxAge), the same token shape as
// next-auth's credentials callback plus our jwt callback in server/auth/auth.ts produce, and the same
// cookie name and attributes. So every reader (getServerSession in the routes, the socket handshake,
// the sessionVersion check) takes it as one of its own.
import type { IncomingMessage } from "node:http";
import type { JWT } from "next-auth/jwt";
import { encodeJwe } from "./jwe";

/** server/auth/auth.ts: session.maxAge. */
export const SESSION_MAX_AGE_S = 60 * 60 * 24 * 30;

export interface SessionUser {
  id: string;
  name: string;
  role: "STUDENT" | "INSTRUCTOR";
  classId?: string;
  sessionVersion: number;
}

/** What next-auth puts in the token at sign-in ({ name, email, picture, sub }) and our jwt callback adds. */
export function tokenFor(user: SessionUser): JWT {
  const token: JWT = { name: user.name, sub: user.id, uid: user.id, role: user.role, sv: user.sessionVersion };
  if (user.classId) token.classId = user.classId;
  return token;
}

/**
 * Are cookies Secure (`__Secure-` prefix) for this request? As next-auth decides it: a public
 * https:// NEXTAUTH_URL says yes (an http:// one no); without one (AUTH_TRUST_HOST), the request's
 * X-Forwarded-Proto, which Next.js sets to the connection's own protocol when absent.
 */
export function secureCookies(req: IncomingMessage, publicUrl: string | undefined): boolean {
  if (publicUrl) return publicUrl.startsWith("https://");
  const fwd = req.headers["x-forwarded-proto"];
  const proto = (Array.isArray(fwd) ? fwd[0] : fwd)?.split(",")[0]?.trim();
  if (proto) return proto === "https";
  return Boolean((req.socket as { encrypted?: boolean }).encrypted);
}

/** The Set-Cookie header value of a fresh session for this user. */
export async function sessionCookie(user: SessionUser, secret: string, secure: boolean): Promise<string> {
  const value = await encodeJwe({ token: tokenFor(user), secret, maxAge: SESSION_MAX_AGE_S });
  const name = `${secure ? "__Secure-" : ""}next-auth.session-token`;
  const expires = new Date(Date.now() + SESSION_MAX_AGE_S * 1000).toUTCString();
  return `${name}=${value}; Path=/; Expires=${expires}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}
