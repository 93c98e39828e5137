// next-auth: instructors sign in with email + password. Students do not sign in here: they join a
// class with code + nickname through POST /api/join (server/join/join-route.ts), which issues the
// same session cookie (server/auth/session-cookie.ts) that survives a refresh; the jwt and session
// callbacks below read and check both kinds of token.
import type { NextAuthOptions } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { db } from "../db";
import { verifyPassword } from "./password";
import { DomainError, isRateLimited } from "../errors";
import { firstError, signInSchema } from "@/lib/edge/forms";
import { limitInstructorSignIn } from "./sign-in-limits";
import { SESSION_MAX_AGE_S } from "./session-cookie";

/**
 * What authorize() may throw: only an error code, which next-auth puts in the sign-in URL. Anything
 * else (a database's text, a stack) is logged here and becomes `serverError`.
 */
function codeOnly(e: unknown): Error {
  if (e instanceof DomainError) return new Error(e.code);
  if (isRateLimited(e)) return new Error("rateLimited");
  console.error("sign-in failed", e);
  return new Error("serverError");
}

// Cookies are marked Secure (and named __Secure-...) when the app is served over HTTPS: a public
// https:// URL, or else (next-auth's own detection with AUTH_TRUST_HOST) X-Forwarded-Proto: https.
const publicUrl = process.env.NEXTAUTH_URL ?? "";
import { RevokedSession, revokeUserSessions, sessionIsCurrent } from "./revocation";
import { decodeJwe, encodeJwe } from "./jwe";

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S }, // server/auth/session-cookie.ts issues the same cookie for joins
  jwt: { encode: encodeJwe, decode: decodeJwe }, // next-auth's token, with the derived key kept (server/auth/jwe.ts)
  pages: { signIn: "/signin" },
  useSecureCookies: publicUrl.startsWith("https://") || undefined,
  // Sign-out revokes every token of the account (server/auth/revocation.ts), not just this cookie.
  events: {
    async signOut({ token }) {
      if (token?.uid) await revokeUserSessions(token.uid);
    },
  },
  logger: {
    error(code, meta) {
      // A revoked token is an expected answer ("no session"), not a server error.
      if (code === "JWT_SESSION_ERROR" && (meta as { message?: string })?.message === "session revoked") return;
      console.error(`[next-auth][error][${code}]`, meta);
    },
  },
  providers: [
    Credentials({
      id: "instructor",
      name: "Instructor",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(raw, req) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) throw new Error(firstError(parsed.error));
        const { email, password } = parsed.data;
        let user;
        try {
          user = await limitInstructorSignIn(email, req?.headers, async () => {
            const u = await db.user.findUnique({ where: { email } });
            return u?.passwordHash && (await verifyPassword(password, u.passwordHash)) ? u : null;
          });
        } catch (e) {
          throw codeOnly(e);
        }
        if (!user) throw new Error("badCredentials");
        return { id: user.id, name: user.name, email: user.email, role: "INSTRUCTOR", sessionVersion: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = user.role;
        token.classId = user.classId;
        token.sv = user.sessionVersion ?? 0;
      } else if (!(await sessionIsCurrent(token.uid, token.sv))) {
        throw new RevokedSession(); // signed out elsewhere, or the account was deleted: no session
      }
      return token;
    },
    session({ session, token }) {
      session.user = { id: token.uid, role: token.role, name: token.name ?? "", email: token.email, classId: token.classId };
      return session;
    },
  },
};
